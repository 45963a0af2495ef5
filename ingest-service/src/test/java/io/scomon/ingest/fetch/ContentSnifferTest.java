package io.scomon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

  @Test
  void randomBytesAndKnownBinaryFormatsAreBinary() {
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);

    assertThat(ContentSniffer.looksBinary(noise)).isTrue();
    assertThat(ContentSniffer.looksBinary("%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII))).isTrue();
    assertThat(ContentSniffer.looksBinary(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})).isTrue();
    assertThat(ContentSniffer.looksBinary(new byte[] {0x1f, (byte) 0x8b, 8, 0})).isTrue();
  }

  @Test
  void htmlInAnyScriptIsText() {
    assertThat(ContentSniffer.looksBinary("<html><body><p>上合组织 ШОС SCO</p></body></html>"
        .getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(ContentSniffer.looksBinary("<p>Министры</p>".getBytes(java.nio.charset.Charset.forName("windows-1251"))))
        .isFalse();
  }
}
