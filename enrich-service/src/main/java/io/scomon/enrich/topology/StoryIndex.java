package io.scomon.enrich.topology;

import io.scomon.enrich.dedup.DuplicateMatch;
import io.scomon.enrich.dedup.FingerprintIndex;
import io.scomon.enrich.dedup.IndexedFingerprint;
import io.scomon.enrich.dedup.NearDuplicates;
import io.scomon.enrich.dedup.SimHash;
import io.scomon.enrich.dedup.StoryAssignment;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Story assignment ({@link NearDuplicates}) over two state stores: the story each article id was
 * given, and the fingerprints of the last {@code remembered} articles, from which the banded lookup
 * index is kept in memory. The story of an article id, once decided, stays: a re-fetched, edited or
 * replayed article keeps its story.
 *
 * <p>Each article writes two small records (its story; its fingerprint, under a sequence number)
 * and deletes the fingerprint that falls out of the window. The index is rebuilt from the store
 * when the task starts, which Kafka Streams does again after restoring the stores, so the memory
 * never holds a fingerprint the store does not. (It used to be kept in the store by band key, each
 * band a list of up to 32 entries rewritten whole: about 18 KB written to RocksDB and its changelog
 * per article, more than the article itself, and a window of about 32,000 articles.)
 */
final class StoryIndex {

  static final String STORIES_STORE = "scomon-article-stories";
  static final String FINGERPRINTS_STORE = "scomon-recent-fingerprints";

  /** Where an article belongs. */
  record Story(String storyId, String duplicateOf) {}

  private final NearDuplicates nearDuplicates;
  private final FingerprintIndex index;
  private final KeyValueStore<String, String> stories;
  private final KeyValueStore<String, String> fingerprints;
  private long nextSequence;

  /**
   * @param remembered how many of the latest articles a new one is compared with
   */
  StoryIndex(KeyValueStore<String, String> stories, KeyValueStore<String, String> fingerprints, int maxDistance,
      int remembered) {
    this.nearDuplicates = new NearDuplicates(maxDistance);
    this.index = nearDuplicates.newIndex(remembered);
    this.stories = stories;
    this.fingerprints = fingerprints;
    rebuild();
  }

  Story resolve(String articleId, long fingerprint, long seenAt) {
    String known = stories.get(articleId);
    if (known != null) {
      int space = known.indexOf(' ');
      String duplicateOf = known.substring(space + 1);
      return new Story(known.substring(0, space), duplicateOf.equals("-") ? null : duplicateOf);
    }
    Story story;
    if (fingerprint == 0) {
      story = new Story(articleId, null); // no text to compare
    } else {
      StoryAssignment assignment = nearDuplicates.assign(articleId, fingerprint, seenAt, index);
      story = new Story(assignment.storyId(), assignment.duplicateOf().map(DuplicateMatch::firstSeenArticleId).orElse(null));
      remember(new IndexedFingerprint(articleId, fingerprint, story.storyId(), seenAt));
    }
    stories.put(articleId, story.storyId() + ' ' + (story.duplicateOf() == null ? "-" : story.duplicateOf()));
    return story;
  }

  /** Stores the fingerprint under the next sequence number; deletes the one that left the window. */
  private void remember(IndexedFingerprint entry) {
    fingerprints.put(sequenceKey(nextSequence), entry.articleId() + ' ' + SimHash.toHex(entry.fingerprint()) + ' '
        + (entry.storyId().equals(entry.articleId()) ? "=" : entry.storyId()) + ' ' + entry.firstSeen());
    if (nextSequence >= index.capacity()) {
      fingerprints.delete(sequenceKey(nextSequence - index.capacity()));
    }
    nextSequence++;
  }

  /** Reads the stored window, oldest first, into the index; trims it if the window was made smaller. */
  private void rebuild() {
    long stored = 0;
    try (KeyValueIterator<String, String> all = fingerprints.all()) {
      while (all.hasNext()) {
        KeyValue<String, String> record = all.next();
        index.put(parse(record.value));
        nextSequence = Long.parseUnsignedLong(record.key, 16) + 1;
        stored++;
      }
    }
    if (stored > index.capacity()) { // the window was made smaller: forget the oldest in the store too
      List<String> oldest = new ArrayList<>();
      try (KeyValueIterator<String, String> all = fingerprints.all()) {
        for (long i = 0; i < stored - index.capacity() && all.hasNext(); i++) {
          oldest.add(all.next().key);
        }
      }
      oldest.forEach(fingerprints::delete);
    }
  }

  /** Fixed-width hexadecimal, so that the store's key order is the order of arrival. */
  private static String sequenceKey(long sequence) {
    String hex = Long.toHexString(sequence);
    return "0".repeat(16 - hex.length()) + hex;
  }

  /** Reads "articleId fingerprint storyId firstSeen", "=" as story id meaning the article's own. */
  private static IndexedFingerprint parse(String text) {
    String[] fields = text.split(" ");
    String storyId = fields[2].equals("=") ? fields[0] : fields[2];
    return new IndexedFingerprint(fields[0], Long.parseUnsignedLong(fields[1], 16), storyId, Long.parseLong(fields[3]));
  }
}
