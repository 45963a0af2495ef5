package io.scomon.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

  private final TextAnalyzer analyzer = new TextAnalyzer();

  private List<String> terms(String text) {
    return Arrays.asList(analyzer.analyze(text).terms());
  }

  @Test
  void drugsTraffickedAnalysesLikeDrugTrafficking() {
    assertThat(terms("Drugs trafficked")).containsExactly("drug", "traffick");
    assertThat(terms("drug trafficking")).containsExactly("drug", "traffick");
  }

  @Test
  void aWordIsFoldedTheSameInEveryCaseAndFromMemoryAsTheFirstTime() {
    String text = "Trafficking TRAFFICKING trafficking's traffick The THE the SCO's Наркотиков НАРКОТИКОВ Ёж 贩毒";
    List<String> expected = List.of("traffick", "traffick", "traffick", "traffick", "the", "the", "the", "sco",
        "наркотик", "наркотик", "еж", "贩", "毒");
    assertThat(terms(text)).containsExactlyElementsOf(expected);
    assertThat(terms(text)).as("the same words again, remembered").containsExactlyElementsOf(expected);
    AnalyzedText analysed = analyzer.analyze(text);
    assertThat(analysed.script(0)).isEqualTo(Script.LATIN);
    assertThat(analysed.script(8)).isEqualTo(Script.CYRILLIC);
    assertThat(analysed.surface(1)).isEqualTo("TRAFFICKING");
  }

  @Test
  void doctrineWordsKeepTheirSuffixSoTerrorismIsNotTerror() {
    assertThat(terms("terrorism terror extremism extremely radicalization radical Islamism Islam"))
        .containsExactly("terrorism", "terror", "extremism", "extrem", "radicalization", "radic", "islamism", "islam");
    assertThat(terms("extremisms")).containsExactly("extremism");
  }

  @Test
  void russianInflectionsShareOneStem() {
    assertThat(terms("наркотиков наркотики наркотик")).containsOnly("наркотик");
    assertThat(terms("террористических террористический")).containsOnly("террористическ");
    assertThat(terms("Афганистана Афганистане Афганистан")).containsOnly("афганистан");
  }

  @Test
  void russianYoIsFoldedToYe() {
    assertThat(terms("учёные")).isEqualTo(terms("ученые"));
  }

  @Test
  void chineseIsOneTokenPerCharacter() {
    AnalyzedText text = analyzer.analyze("打击贩毒");
    assertThat(text.terms()).containsExactly("打", "击", "贩", "毒");
    assertThat(text.script(2)).isEqualTo(Script.HAN);
  }

  @Test
  void possessiveIsDroppedAndSurfaceKeepsTheOriginalCase() {
    AnalyzedText text = analyzer.analyze("Pakistan's US envoy");
    assertThat(text.terms()).containsExactly("pakistan", "u", "envoi");
    assertThat(text.surface(1)).isEqualTo("US");
    assertThat(text.surface(0, 2)).isEqualTo("Pakistan's US");
  }

  @Test
  void htmlLeftInTheTextIsStrippedBeforeAnalysis() {
    AnalyzedText text = analyzer.analyze("<div class=\"terrorism\"><p>drug <b>trafficking</b> &amp; more</p><script>var opium=1;</script></div>");
    assertThat(text.terms()).containsExactly("drug", "traffick", "more");
    assertThat(text.source()).doesNotContain("<p>").contains("&");
  }

  @Test
  void plainTextWithAngleBracketsIsNotTakenForMarkup() {
    assertThat(Markup.strip("growth < 5% & prices > 3%")).isEqualTo("growth < 5% & prices > 3%");
  }

  @Test
  void fiveMegabyteTextIsAnalysedOnlyUpToTheBound() {
    String chunk = "The SCO discussed terrorism and drug trafficking in Dushanbe. ";
    String huge = chunk.repeat(5_000_000 / chunk.length());
    AnalyzedText text = analyzer.analyze(huge);
    assertThat(huge.length()).isGreaterThan(4_900_000);
    assertThat(text.source().length()).isLessThanOrEqualTo(TextAnalyzer.DEFAULT_MAX_CHARS);
    assertThat(text.size()).isBetween(14_000, 16_000);
  }

  @Test
  void prefixCutsAtTheLastSpaceBeforeTheLimit() {
    assertThat(TextAnalyzer.prefix("alpha beta gamma", 12)).isEqualTo("alpha beta");
    assertThat(TextAnalyzer.prefix("short", 12)).isEqualTo("short");
  }
}
