package io.scomon.enrich.topology;

import io.scomon.enrich.dedup.DuplicateMatch;
import io.scomon.enrich.dedup.FingerprintIndex;
import io.scomon.enrich.dedup.IndexedFingerprint;
import io.scomon.enrich.dedup.NearDuplicates;
import io.scomon.enrich.dedup.SimHash;
import io.scomon.enrich.dedup.StoryAssignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Story assignment ({@link NearDuplicates}) over two state stores: the banded fingerprint index,
 * and the story each article id was given. The story of an article id, once decided, stays: a
 * re-fetched, edited or replayed article keeps its story.
 */
final class StoryIndex {

  static final String BANDS_STORE = "scomon-fingerprint-bands";
  static final String STORIES_STORE = "scomon-article-stories";

  /** Entries kept under one band key; older ones are dropped (a band shared by more is not selective). */
  private static final int MAX_ENTRIES_PER_BAND = 32;

  /** Where an article belongs. */
  record Story(String storyId, String duplicateOf) {}

  private final NearDuplicates nearDuplicates;
  private final StoreFingerprintIndex bands;
  private final KeyValueStore<String, String> stories;

  StoryIndex(KeyValueStore<String, String> bands, KeyValueStore<String, String> stories, int maxDistance) {
    this.nearDuplicates = new NearDuplicates(maxDistance);
    this.bands = new StoreFingerprintIndex(bands);
    this.stories = stories;
  }

  Story resolve(String articleId, long fingerprint, long seenAt) {
    String known = stories.get(articleId);
    if (known != null) {
      int space = known.indexOf(' ');
      String duplicateOf = known.substring(space + 1);
      return new Story(known.substring(0, space), duplicateOf.equals("-") ? null : duplicateOf);
    }
    Story story;
    bands.forget();
    if (fingerprint == 0) {
      story = new Story(articleId, null); // no text to compare
    } else {
      StoryAssignment assignment = nearDuplicates.assign(articleId, fingerprint, seenAt, bands);
      story = new Story(assignment.storyId(), assignment.duplicateOf().map(DuplicateMatch::firstSeenArticleId).orElse(null));
    }
    stories.put(articleId, story.storyId() + ' ' + (story.duplicateOf() == null ? "-" : story.duplicateOf()));
    return story;
  }

  /**
   * The banded index in a key-value store: band key -> lines of "articleId fingerprint storyId
   * firstSeen". A band read while assigning one article is parsed once: the lookup reads every band
   * of the fingerprint, then the same bands are written with the new entry.
   */
  private static final class StoreFingerprintIndex implements FingerprintIndex {

    private final KeyValueStore<String, String> store;
    private final Map<Long, List<IndexedFingerprint>> read = new HashMap<>();

    StoreFingerprintIndex(KeyValueStore<String, String> store) {
      this.store = store;
    }

    /** Drops the bands parsed for the previous article. */
    void forget() {
      read.clear();
    }

    @Override
    public void put(long bandKey, IndexedFingerprint entry) {
      List<IndexedFingerprint> entries = new ArrayList<>(get(bandKey));
      entries.removeIf(e -> e.articleId().equals(entry.articleId()));
      entries.add(entry);
      if (entries.size() > MAX_ENTRIES_PER_BAND) {
        entries = new ArrayList<>(entries.subList(entries.size() - MAX_ENTRIES_PER_BAND, entries.size()));
      }
      StringBuilder text = new StringBuilder(entries.size() * 96);
      for (IndexedFingerprint e : entries) {
        text.append(e.articleId()).append(' ').append(SimHash.toHex(e.fingerprint())).append(' ')
            .append(e.storyId()).append(' ').append(e.firstSeen()).append('\n');
      }
      store.put(Long.toHexString(bandKey), text.toString());
      read.put(bandKey, List.copyOf(entries));
    }

    @Override
    public List<IndexedFingerprint> get(long bandKey) {
      List<IndexedFingerprint> parsed = read.get(bandKey);
      if (parsed == null) {
        parsed = parse(store.get(Long.toHexString(bandKey)));
        read.put(bandKey, parsed);
      }
      return parsed;
    }

    private static List<IndexedFingerprint> parse(String text) {
      if (text == null) {
        return List.of();
      }
      List<IndexedFingerprint> entries = new ArrayList<>();
      int start = 0;
      while (start < text.length()) {
        int end = text.indexOf('\n', start);
        if (end < 0) {
          end = text.length();
        }
        if (end > start) {
          int a = text.indexOf(' ', start);
          int b = text.indexOf(' ', a + 1);
          int c = text.indexOf(' ', b + 1);
          entries.add(new IndexedFingerprint(text.substring(start, a), Long.parseUnsignedLong(text, a + 1, b, 16),
              text.substring(b + 1, c), Long.parseLong(text, c + 1, end, 10)));
        }
        start = end + 1;
      }
      return List.copyOf(entries);
    }
  }
}
