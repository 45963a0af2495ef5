package io.scomon.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

  private final TextAnalyzer analyzer = new TextAnalyzer();

  private List<String> matches(PhraseMatcher<String> matcher, String text) {
    List<String> out = new ArrayList<>();
    matcher.forEachMatch(analyzer.analyze(text), (t, start, end, payload) -> out.add(payload + "@" + start + "-" + end));
    return out;
  }

  @Test
  void findsInflectedAndOverlappingPhrasesInTextOrder() {
    PhraseMatcher.Builder<String> builder = PhraseMatcher.builder(analyzer);
    builder.add("drug trafficking", "phrase");
    builder.add("drug", "word");
    builder.add("trafficking routes", "routes");
    PhraseMatcher<String> matcher = builder.build();

    assertThat(matches(matcher, "Drugs trafficked along old trafficking routes"))
        .containsExactly("phrase@0-2", "word@0-1", "routes@4-6");
  }

  @Test
  void phrasesThatAnalyseAlikeShareOneEntryWithBothPayloads() {
    PhraseMatcher.Builder<String> builder = PhraseMatcher.builder(analyzer);
    builder.add("drug", "singular");
    builder.add("drugs", "plural");
    PhraseMatcher<String> matcher = builder.build();

    assertThat(matcher.size()).isEqualTo(1);
    assertThat(matches(matcher, "drugs")).containsExactly("singular@0-1", "plural@0-1");
  }

  @Test
  void chinesePhraseMatchesInsideALongerRunOfCharacters() {
    PhraseMatcher.Builder<String> builder = PhraseMatcher.builder(analyzer);
    builder.add("贩毒", "narcotics");
    assertThat(matches(builder.build(), "坚决打击贩毒集团")).containsExactly("narcotics@4-6");
  }

  @Test
  void russianDictionaryFormAlsoMatchesCaseFormsThatStemToIt() {
    // the light stemmer cuts "Газпром" to "газпр" (as if "-ом" were an ending) but "Газпрома" to "газпром"
    assertThat(analyzer.analyze("Газпром").terms()).containsExactly("газпр");
    assertThat(analyzer.analyze("Газпрома").terms()).containsExactly("газпром");
    PhraseMatcher.Builder<String> builder = PhraseMatcher.builder(analyzer);
    builder.add("Газпром", "gazprom");
    assertThat(matches(builder.build(), "Газпром и акционеры Газпрома, довольные Газпромом"))
        .containsExactly("gazprom@0-1", "gazprom@3-4", "gazprom@5-6");
  }

  @Test
  void aPhraseWithoutWordsIsNotAdded() {
    PhraseMatcher.Builder<String> builder = PhraseMatcher.builder(analyzer);
    assertThat(builder.add(" -- ", "nothing")).isEmpty();
    assertThat(builder.build().size()).isZero();
  }
}
