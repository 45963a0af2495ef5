package io.scomon.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scomon.enrich.text.InvalidDataFileException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {

  static Taxonomy parse(String yaml) {
    return Taxonomy.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test-taxonomy.yml");
  }

  @Test
  void shippedTaxonomyHasItsVersionAndTwelveTopics() {
    Taxonomy taxonomy = Taxonomy.loadDefault();
    assertThat(taxonomy.version()).isEqualTo("2025.1");
    assertThat(taxonomy.topics()).extracting(Topic::name).containsExactly(
        "terrorism", "extremism", "separatism", "narcotics", "afghanistan", "trade",
        "regional_security", "military_exercises", "cyber", "energy", "transport", "summits_diplomacy");
    Topic narcotics = taxonomy.topic("narcotics").orElseThrow();
    assertThat(narcotics.threshold()).isEqualTo(5.0);
    assertThat(narcotics.proximity().get(0).within()).isEqualTo(4);
    assertThat(narcotics.terms()).contains(new Term("en", "opium", 5), new Term("ru", "наркотик", 5), new Term("zh", "贩毒", 5));
  }

  @Test
  void everyShippedTopicHasTermsInEnglishRussianAndChinese() {
    for (Topic topic : Taxonomy.loadDefault().topics()) {
      assertThat(topic.terms()).as(topic.name()).extracting(Term::lang).contains("en", "ru", "zh");
    }
  }

  @Test
  void yamlSyntaxErrorIsRefusedWithFileLineAndColumn(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.yml");
    Files.writeString(file, "version: 1\ntopics:\n  opium:\n    terms:\n      en: {opium: 5\n    threshold: 5\n");
    assertThatThrownBy(() -> Taxonomy.load(file))
        .isInstanceOfSatisfying(InvalidDataFileException.class, e -> {
          assertThat(e.source()).isEqualTo(file.toString());
          assertThat(e.line()).isEqualTo(6);
          assertThat(e.getMessage()).startsWith(file + ":6:").contains("YAML syntax");
        });
  }

  @Test
  void nonNumericThresholdIsRefusedNamingTheTopicKeyAndLine() {
    String yaml = "version: 1\ntopics:\n  narcotics:\n    threshold: high\n    terms:\n      en: {opium: 5}\n";
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOfSatisfying(InvalidDataFileException.class, e -> {
          assertThat(e.line()).isEqualTo(4);
          assertThat(e.reason()).isEqualTo("topics.narcotics.threshold: expected a number, was 'high'");
          assertThat(e.getMessage()).startsWith("test-taxonomy.yml:4:");
        });
  }

  @Test
  void misspelledKeyIsRefusedRatherThanIgnored() {
    String yaml = "version: 1\ntopics:\n  narcotics:\n    treshold: 5\n    terms:\n      en: {opium: 5}\n";
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOfSatisfying(InvalidDataFileException.class, e -> {
          assertThat(e.line()).isEqualTo(4);
          assertThat(e.reason()).contains("unknown key 'treshold'");
        });
  }

  @Test
  void unknownLanguageIsRefused() {
    String yaml = "version: 1\ntopics:\n  narcotics:\n    terms:\n      eng: {opium: 5}\n";
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOfSatisfying(InvalidDataFileException.class, e -> {
          assertThat(e.line()).isEqualTo(5);
          assertThat(e.reason()).isEqualTo("topics.narcotics.terms.eng: unknown language 'eng', expected one of [en, ru, zh]");
        });
  }

  @Test
  void topicThatCanNeverMatchIsRefused() {
    String yaml = "version: 1\ntopics:\n  films:\n    terms:\n      en: {horror: -3}\n";
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(InvalidDataFileException.class)
        .hasMessageContaining("topic 'films' has no term with a positive weight");
  }

  @Test
  void missingVersionIsRefused() {
    assertThatThrownBy(() -> parse("topics:\n  a:\n    terms:\n      en: {opium: 5}\n"))
        .isInstanceOf(InvalidDataFileException.class)
        .hasMessageContaining("missing required key 'version'");
  }

  @Test
  void duplicateTopicIsRefused() {
    String yaml = "version: 1\ntopics:\n  a:\n    terms: {en: {opium: 5}}\n  a:\n    terms: {en: {heroin: 5}}\n";
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOfSatisfying(InvalidDataFileException.class, e -> {
          assertThat(e.line()).isEqualTo(6);
          assertThat(e.reason()).contains("duplicate key 'a'");
        });
  }

  @Test
  void defaultsApplyToTopicsThatDoNotSetThem() {
    Taxonomy taxonomy = parse("version: '7'\ndefaults: {threshold: 3, titleBoost: 4}\ntopics:\n  a:\n    terms: {en: {opium: 5}}\n");
    Topic topic = taxonomy.topics().get(0);
    assertThat(taxonomy.version()).isEqualTo("7");
    assertThat(topic.threshold()).isEqualTo(3.0);
    assertThat(topic.titleBoost()).isEqualTo(4.0);
    assertThat(topic.label()).isEqualTo("a");
  }
}
