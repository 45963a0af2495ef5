package io.scomon.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The five shared sample texts (copied into the dev set) and what a careful reader expects of them. */
class SampleExpectationsTest {

  private static final Map<String, Set<String>> FOUND = new LinkedHashMap<>();
  private static final Map<String, DevSet.Item> ITEMS = new LinkedHashMap<>();

  @BeforeAll
  static void tagSamples() {
    TopicTagger tagger = new TopicTagger(Taxonomy.loadDefault());
    for (DevSet.Item item : DevSet.load().items()) {
      if (item.id().startsWith("sample-")) {
        ITEMS.put(item.id(), item);
        FOUND.put(item.id(), tagger.tag(item.title(), item.text()).stream()
            .map(TopicMatch::name).collect(Collectors.toCollection(TreeSet::new)));
      }
    }
  }

  @Test
  void allFiveSamplesAreTaggedTerrorismAndNarcotics() {
    assertThat(FOUND).hasSize(5);
    FOUND.forEach((id, topics) -> assertThat(topics).as(id).contains("terrorism", "narcotics"));
  }

  @Test
  void onlySamples000And001AreAboutAfghanistan() {
    FOUND.forEach((id, topics) ->
        assertThat(topics.contains("afghanistan")).as(id).isEqualTo(id.equals("sample-000") || id.equals("sample-001")));
  }

  @Test
  void onlySample004IsAboutTrade() {
    FOUND.forEach((id, topics) -> assertThat(topics.contains("trade")).as(id).isEqualTo(id.equals("sample-004")));
  }

  @Test
  void noSampleGetsATopicACarefulReaderWouldCallWrong() {
    FOUND.forEach((id, topics) -> {
      DevSet.Item item = ITEMS.get(id);
      Set<String> acceptable = new TreeSet<>(item.topics());
      acceptable.addAll(item.optional());
      assertThat(topics).as(id).containsAll(item.topics());
      assertThat(acceptable).as(id).containsAll(topics);
    });
  }

  @Test
  void samplesGetExactlyTheseTopics() {
    assertThat(FOUND.get("sample-000")).containsExactly(
        "afghanistan", "cyber", "extremism", "narcotics", "regional_security", "separatism", "terrorism");
    assertThat(FOUND.get("sample-001")).containsExactly(
        "afghanistan", "extremism", "narcotics", "separatism", "summits_diplomacy", "terrorism");
    assertThat(FOUND.get("sample-002")).containsExactly(
        "cyber", "extremism", "narcotics", "regional_security", "separatism", "terrorism");
    assertThat(FOUND.get("sample-003")).containsExactly(
        "cyber", "extremism", "narcotics", "regional_security", "separatism", "summits_diplomacy", "terrorism");
    assertThat(FOUND.get("sample-004")).containsExactly(
        "cyber", "extremism", "narcotics", "regional_security", "separatism", "terrorism", "trade", "transport");
  }
}
