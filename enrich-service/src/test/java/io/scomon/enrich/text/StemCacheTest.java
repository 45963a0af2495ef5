package io.scomon.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StemCacheTest {

  @Test
  void findsWhatItWasToldByTheWordsCharactersOnly() {
    StemCache cache = new StemCache(100);
    char[] buffer = "trafficking-and-more".toCharArray();
    cache.put(buffer, 11, "traffick");
    cache.put("наркотиков".toCharArray(), 10, "наркотик");

    assertThat(cache.get("trafficking".toCharArray(), 11)).isEqualTo("traffick");
    assertThat(cache.get("trafficking!".toCharArray(), 11)).isEqualTo("traffick");
    assertThat(cache.get("наркотиков".toCharArray(), 10)).isEqualTo("наркотик");
    assertThat(cache.get("traffic".toCharArray(), 7)).isNull();
    assertThat(cache.get("trafficking".toCharArray(), 10)).isNull();
  }

  @Test
  void keepsEveryWordOfAFullTableApartAndStartsAfreshBeyondIt() {
    StemCache cache = new StemCache(1_000);
    for (int i = 0; i < 1_000; i++) {
      cache.put(("w" + i).toCharArray(), ("w" + i).length(), "s" + i);
    }
    for (int i = 0; i < 1_000; i++) {
      assertThat(cache.get(("w" + i).toCharArray(), ("w" + i).length())).isEqualTo("s" + i);
    }

    cache.put("one-more".toCharArray(), 8, "one-more");
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.get("w1".toCharArray(), 2)).isNull();
    assertThat(cache.get("one-more".toCharArray(), 8)).isEqualTo("one-more");
  }
}
