package io.scomon.enrich.topology;

import io.scomon.schemas.EnrichedArticle;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Assigns each enriched article its story: runs on a single partition so that every article is
 * compared with every earlier one, whatever partition it came from.
 */
final class StoryProcessor implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {

  private final int maxDistance;
  private final int remembered;
  private FixedKeyProcessorContext<String, EnrichedArticle> context;
  private StoryIndex stories;

  StoryProcessor(int maxDistance, int remembered) {
    this.maxDistance = maxDistance;
    this.remembered = remembered;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    // called again when the task is revived after its stores were restored: the index is rebuilt from them
    this.stories = new StoryIndex(context.getStateStore(StoryIndex.STORIES_STORE),
        context.getStateStore(StoryIndex.FINGERPRINTS_STORE), maxDistance, remembered);
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedArticle> record) {
    EnrichedArticle article = record.value();
    StoryIndex.Story story = stories.resolve(article.getArticle().getId(), article.getFingerprint(),
        article.getArticle().getFetchedAt().toEpochMilli());
    article.setStoryId(story.storyId());
    article.setDuplicateOf(story.duplicateOf());
    context.forward(record);
  }
}
