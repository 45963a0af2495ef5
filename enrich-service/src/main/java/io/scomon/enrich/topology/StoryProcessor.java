package io.scomon.enrich.topology;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Assigns each enriched article its story: runs on a single partition so that every article is
 * compared with every earlier one, whatever partition it came from. Reads and hands on the
 * article's bytes ({@link StoryBytes}), not the article.
 */
final class StoryProcessor implements FixedKeyProcessor<String, byte[], byte[]> {

  private final int maxDistance;
  private final int remembered;
  private FixedKeyProcessorContext<String, byte[]> context;
  private StoryIndex stories;

  StoryProcessor(int maxDistance, int remembered) {
    this.maxDistance = maxDistance;
    this.remembered = remembered;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, byte[]> context) {
    this.context = context;
    // called again when the task is revived after its stores were restored: the index is rebuilt from them
    this.stories = new StoryIndex(context.getStateStore(StoryIndex.STORIES_STORE),
        context.getStateStore(StoryIndex.FINGERPRINTS_STORE), maxDistance, remembered);
  }

  /** The key is the article id (checked by enrichment); the value is {@link StoryBytes}. */
  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    StoryBytes.Pending article = StoryBytes.read(record.value());
    StoryIndex.Story story = stories.resolve(record.key(), article.fingerprint(), article.seenAt());
    context.forward(record.withValue(article.withStory(story.storyId(), story.duplicateOf())));
  }
}
