package io.scomon.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.scomon.enrich.language.LanguageIdentifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Regression floor on the labelled dev set; run {@link DevSetEvaluation} for the full table. */
class DevSetEvaluationTest {

  private static DevSetEvaluation.Result result;

  @BeforeAll
  static void evaluate() {
    result = DevSetEvaluation.evaluate(DevSet.load(), new TopicTagger(Taxonomy.loadDefault()), LanguageIdentifier.fromClasspath());
  }

  @Test
  void devSetHasAtLeast150TextsInEnglishRussianAndChinese() {
    DevSet devSet = DevSet.load();
    assertThat(devSet.items()).hasSizeGreaterThanOrEqualTo(150);
    assertThat(devSet.items()).extracting(DevSet.Item::lang).contains("en", "ru", "zh");
    assertThat(devSet.items().stream().filter(i -> i.lang().equals("ru")).count()).isGreaterThanOrEqualTo(30);
    assertThat(devSet.items().stream().filter(i -> i.lang().equals("zh")).count()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void everyTopicHasAtLeastFourPositiveTexts() {
    result.perTopic().forEach((topic, c) -> assertThat(c.tp + c.fn).as(topic).isGreaterThanOrEqualTo(4));
  }

  @Test
  void microF1StaysAtLeast085() {
    assertThat(result.micro().f1()).isGreaterThanOrEqualTo(0.85);
    assertThat(result.micro().precision()).isGreaterThanOrEqualTo(0.85);
    assertThat(result.micro().recall()).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void noTopicFallsBelowF1Of070() {
    result.perTopic().forEach((topic, c) -> assertThat(c.f1()).as(topic).isGreaterThanOrEqualTo(0.70));
  }

  @Test
  void languageIdentificationIsRightOnAtLeast95PercentOfTexts() {
    assertThat((double) result.languageCorrect() / result.languageTotal()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void reportPrintsOneRowPerTopicAndTheMicroAverage() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DevSetEvaluation.print(result, new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
    String report = bytes.toString(StandardCharsets.UTF_8);
    assertThat(report.lines().filter(l -> l.startsWith("micro "))).hasSize(1);
    assertThat(report).contains("narcotics", "summits_diplomacy", "precision");
  }
}
