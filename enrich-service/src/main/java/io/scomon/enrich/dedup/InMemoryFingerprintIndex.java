package io.scomon.enrich.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link FingerprintIndex} in a hash map, for tests and the command-line tagger. Not thread-safe. */
public final class InMemoryFingerprintIndex implements FingerprintIndex {

  private final Map<Long, List<IndexedFingerprint>> buckets = new HashMap<>();

  @Override
  public void put(long bandKey, IndexedFingerprint entry) {
    List<IndexedFingerprint> bucket = buckets.computeIfAbsent(bandKey, k -> new ArrayList<>(1));
    bucket.removeIf(e -> e.articleId().equals(entry.articleId()));
    bucket.add(entry);
  }

  @Override
  public List<IndexedFingerprint> get(long bandKey) {
    return List.copyOf(buckets.getOrDefault(bandKey, List.of()));
  }

  /** The number of band keys in use. */
  public int size() {
    return buckets.size();
  }
}
