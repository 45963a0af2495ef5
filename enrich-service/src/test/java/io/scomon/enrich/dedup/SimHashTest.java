package io.scomon.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimHashTest {

  @Test
  void identicalTextsHaveIdenticalFingerprintsAndCaseOrMarkupDoNotMatter() {
    String text = "The SCO secretaries met in Dushanbe to discuss security and stability in the region.";
    assertThat(SimHash.of(text)).isEqualTo(SimHash.of(text));
    assertThat(SimHash.distance(SimHash.of(text), SimHash.of(text.toUpperCase()))).isZero();
    assertThat(SimHash.distance(SimHash.of(text), SimHash.of("<p>" + text + "</p>"))).isZero();
  }

  @Test
  void unrelatedTextsDifferInAboutHalfTheBits() {
    long a = SimHash.of("The SCO secretaries met in Dushanbe to discuss security and stability in the region, "
        + "including terrorism, drug trafficking and cybercrime, and prepared the summit of heads of state.");
    long b = SimHash.of("Pilates was the most booked workout of the year for the second year in a row, "
        + "followed by strength training, yoga and indoor cycling classes, the booking platform said.");
    assertThat(SimHash.distance(a, b)).isBetween(20, 44);
  }

  @Test
  void pageFurnitureLinesAreLeftOutOfTheFingerprint() {
    String prose = "First sentence of the story is here.\nSecond sentence follows it closely.\nThird one ends the story.\n";
    assertThat(SimHash.prose("Home | News\n" + prose + "Share on Facebook\nReply With Quote")).isEqualTo(prose);
  }

  @Test
  void chineseIsTokenisedAsCharacterBigrams() {
    assertThat(SimHash.tokenHashes("上合组织")).hasSize(3);
    assertThat(SimHash.tokenHashes("SCO 上合组织 summit")).hasSize(5);
  }

  @Test
  void fingerprintRoundTripsThroughHex() {
    long fingerprint = SimHash.of("Any text at all will do here.");
    assertThat(SimHash.toHex(fingerprint)).hasSize(16);
    assertThat(SimHash.fromHex(SimHash.toHex(fingerprint))).isEqualTo(fingerprint);
    assertThat(SimHash.toHex(0xFFL)).isEqualTo("00000000000000ff");
  }

  @Test
  void fiveMegabyteTextIsFingerprintedOnItsFirstHundredThousandCharacters() {
    String sentence = "The SCO secretaries met in Dushanbe to discuss security and stability in the region. ";
    String huge = sentence.repeat(5_000_000 / sentence.length());
    long start = System.nanoTime();
    long fingerprint = SimHash.of(huge);
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    assertThat(fingerprint).isEqualTo(SimHash.of(huge.substring(0, SimHash.MAX_CHARS)));
  }

  @Test
  void emptyTextHasFingerprintZero() {
    assertThat(SimHash.of("")).isZero();
    assertThat(SimHash.of(null)).isZero();
    assertThat(SimHash.of("!!! ...")).isZero();
  }
}
