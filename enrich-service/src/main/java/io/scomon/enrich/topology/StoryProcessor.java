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
  private FixedKeyProcessorContext<String, EnrichedArticle> context;
  private StoryIndex stories;

  StoryProcessor(int maxDistance) {
    this.maxDistance = maxDistance;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.stories = new StoryIndex(context.getStateStore(StoryIndex.BANDS_STORE),
        context.getStateStore(StoryIndex.STORIES_STORE), maxDistance);
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
