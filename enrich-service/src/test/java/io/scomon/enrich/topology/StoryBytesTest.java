package io.scomon.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.TopicTag;
import io.scomon.schemas.topic.Topics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryBytesTest {

  @Test
  void theStoryWrittenIntoTheBytesGivesExactlyTheArticleSerialisedWithThatStory() {
    String longId = "a".repeat(70) + "-история-故事"; // lengths over 63 bytes take two varint bytes
    String[][] stories = {{"s1", null}, {"s1", "d1"}, {longId, longId}, {"", null}, {"x".repeat(9_000), "y"}};
    for (String taxonomyVersion : List.of("2025.1", "версия-" + "v".repeat(80))) {
      for (Instant enrichedAt : List.of(Instant.EPOCH, Instant.parse("2026-11-23T12:00:00.123Z"), Instant.ofEpochMilli(-5))) {
        EnrichedArticle article = article(taxonomyVersion, enrichedAt);
        StoryBytes.Pending pending = StoryBytes.read(StoryBytes.of(article));
        assertThat(pending.fingerprint()).isEqualTo(article.getFingerprint());
        assertThat(pending.seenAt()).isEqualTo(article.getArticle().getFetchedAt().toEpochMilli());
        for (String[] story : stories) {
          article.setStoryId(story[0]);
          article.setDuplicateOf(story[1]);
          assertThat(pending.withStory(story[0], story[1]))
              .as("story %s, duplicate of %s, taxonomy %s, enriched at %s", story[0], story[1], taxonomyVersion, enrichedAt)
              .isEqualTo(serialise(article));
          EnrichedArticle read = Topics.ARTICLES_ENRICHED.valueSerde().deserializer()
              .deserialize(Topics.ARTICLES_ENRICHED.name(), pending.withStory(story[0], story[1]));
          assertThat(read).isEqualTo(article);
        }
      }
    }
  }

  @Test
  void aPlainEnrichedArticleOfAnEarlierVersionIsReadToo() {
    EnrichedArticle article = article("2025.1", Instant.parse("2026-11-23T12:00:00Z"));
    StoryBytes.Pending pending = StoryBytes.read(serialise(article));
    article.setStoryId("story");
    article.setDuplicateOf("first");
    assertThat(pending.withStory("story", "first")).isEqualTo(serialise(article));
    assertThat(pending.fingerprint()).isEqualTo(article.getFingerprint());
  }

  private static byte[] serialise(EnrichedArticle article) {
    return Topics.ARTICLES_ENRICHED.valueSerde().serializer().serialize(Topics.ARTICLES_ENRICHED.name(), article);
  }

  private static EnrichedArticle article(String taxonomyVersion, Instant enrichedAt) {
    return EnrichedArticle.newBuilder()
        .setArticle(Articles.article("https://khovar.tj/eng/2021/07/sco-meeting/", "SCO foreign ministers meet",
            "Foreign ministers of the SCO met in Dushanbe. Министры иностранных дел ШОС. 上海合作组织外长会议。"))
        .setLanguage("en")
        .setTopics(List.of(TopicTag.newBuilder().setName("summits").setScore(3.5).setEvidence(List.of()).build()))
        .setEntities(List.of())
        .setFingerprint(0x9E3779B97F4A7C15L)
        .setStoryId("placeholder-before-assignment")
        .setDuplicateOf("left-as-it-is")
        .setTaxonomyVersion(taxonomyVersion)
        .setEnrichedAt(enrichedAt)
        .build();
  }
}
