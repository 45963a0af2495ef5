package io.scomon.enrich.topology;

import io.scomon.enrich.dedup.SimHash;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Near-duplicate lookup over two state stores. Every fingerprint is filed under its four 16-bit
 * bands, so any earlier fingerprint within 3 bits shares at least one band with it (pigeonhole), and
 * most within a few more bits do; candidates from the bands are then compared bit by bit. An
 * article repeating an earlier one joins that one's story and names the story's first article as
 * {@code duplicateOf}. The story of an article id, once decided, stays: a re-fetched, edited or
 * replayed article keeps its story.
 */
final class StoryIndex {

  static final String BANDS_STORE = "scomon-fingerprint-bands";
  static final String STORIES_STORE = "scomon-article-stories";

  private static final int BANDS = 4;
  private static final int MAX_ENTRIES_PER_BAND = 16;

  /** Where an article belongs. */
  record Story(String storyId, String duplicateOf) {}

  private record Entry(String articleId, long fingerprint, String storyId) {
    String encode() {
      return articleId + ' ' + SimHash.toHex(fingerprint) + ' ' + storyId;
    }

    static Entry decode(String line) {
      String[] parts = line.split(" ");
      return new Entry(parts[0], SimHash.fromHex(parts[1]), parts[2]);
    }
  }

  private final KeyValueStore<String, String> bands;
  private final KeyValueStore<String, String> stories;
  private final int maxDistance;

  StoryIndex(KeyValueStore<String, String> bands, KeyValueStore<String, String> stories, int maxDistance) {
    this.bands = bands;
    this.stories = stories;
    this.maxDistance = maxDistance;
  }

  Story resolve(String articleId, long fingerprint) {
    String known = stories.get(articleId);
    if (known != null) {
      int space = known.indexOf(' ');
      String duplicateOf = known.substring(space + 1);
      return new Story(known.substring(0, space), duplicateOf.equals("-") ? null : duplicateOf);
    }
    Story story = fingerprint == 0 ? new Story(articleId, null) : nearest(articleId, fingerprint);
    stories.put(articleId, story.storyId() + ' ' + (story.duplicateOf() == null ? "-" : story.duplicateOf()));
    if (fingerprint != 0) {
      file(new Entry(articleId, fingerprint, story.storyId()));
    }
    return story;
  }

  private Story nearest(String articleId, long fingerprint) {
    Entry best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (int band = 0; band < BANDS; band++) {
      String entries = bands.get(bandKey(band, fingerprint));
      if (entries == null) {
        continue;
      }
      for (String line : entries.split("\n")) {
        Entry candidate = Entry.decode(line);
        int distance = SimHash.distance(fingerprint, candidate.fingerprint());
        if (!candidate.articleId().equals(articleId) && distance <= maxDistance && distance < bestDistance) {
          best = candidate;
          bestDistance = distance;
        }
      }
    }
    return best == null ? new Story(articleId, null) : new Story(best.storyId(), best.storyId());
  }

  private void file(Entry entry) {
    for (int band = 0; band < BANDS; band++) {
      String key = bandKey(band, entry.fingerprint());
      String existing = bands.get(key);
      List<String> lines = new ArrayList<>(existing == null ? List.of() : List.of(existing.split("\n")));
      lines.add(entry.encode());
      if (lines.size() > MAX_ENTRIES_PER_BAND) {
        lines = lines.subList(lines.size() - MAX_ENTRIES_PER_BAND, lines.size());
      }
      bands.put(key, String.join("\n", lines));
    }
  }

  private static String bandKey(int band, long fingerprint) {
    return band + ":" + Long.toHexString((fingerprint >>> (band * 16)) & 0xFFFFL);
  }
}
