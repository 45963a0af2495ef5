package io.scomon.enrich.dedup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fingerprints of the last {@link #capacity()} articles, in memory, under their band keys (see
 * {@link Bands}): a lookup reads only the entries that share a whole band with the fingerprint
 * (about capacity / 1,000 per band at the default six bands), and adding an article beyond the
 * capacity forgets the oldest. Made by {@link NearDuplicates#newIndex}, so that both use the same
 * bands. Not thread-safe.
 */
public final class FingerprintIndex {

  private final Bands bands;
  private final int capacity;
  private final Map<Long, List<IndexedFingerprint>> buckets = new HashMap<>();
  private final ArrayDeque<IndexedFingerprint> byAge = new ArrayDeque<>();

  FingerprintIndex(Bands bands, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    this.bands = bands;
    this.capacity = capacity;
  }

  public int capacity() {
    return capacity;
  }

  /**
   * Adds {@code entry} under each of its band keys and forgets the oldest entry beyond the
   * capacity. An article put twice is remembered twice (a lookup's answer is the same).
   */
  public void put(IndexedFingerprint entry) {
    for (long key : bands.keys(entry.fingerprint())) {
      buckets.computeIfAbsent(key, k -> new ArrayList<>(4)).add(entry);
    }
    byAge.addLast(entry);
    if (byAge.size() > capacity) {
      forget(byAge.removeFirst());
    }
  }

  /** The entries under {@code bandKey}, oldest first; empty when none. */
  public List<IndexedFingerprint> get(long bandKey) {
    List<IndexedFingerprint> bucket = buckets.get(bandKey);
    return bucket == null ? List.of() : Collections.unmodifiableList(bucket);
  }

  private void forget(IndexedFingerprint oldest) {
    for (long key : bands.keys(oldest.fingerprint())) {
      List<IndexedFingerprint> bucket = buckets.get(key);
      for (int i = 0; i < bucket.size(); i++) {
        if (bucket.get(i) == oldest) { // oldest first: almost always at 0
          bucket.remove(i);
          break;
        }
      }
      if (bucket.isEmpty()) {
        buckets.remove(key);
      }
    }
  }
}
