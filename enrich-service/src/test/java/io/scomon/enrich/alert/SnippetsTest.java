package io.scomon.enrich.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {

  @Test
  void passagesReadAsOneLineWithSingleSpaces() {
    assertThat(Snippets.collapseWhitespace("  Opium\n\n  was **seized**\tnear\r\nDushanbe.  ")).isEqualTo(
        "Opium was **seized** near Dushanbe.");
    assertThat(Snippets.collapseWhitespace("上合组织\u2003禁毒")).isEqualTo("上合组织 禁毒");
    assertThat(Snippets.collapseWhitespace(" \n ")).isEmpty();
  }
}
