package io.scomon.enrich.dedup;

import java.util.Optional;

/**
 * Groups articles into stories by SimHash distance. An article within {@link #maxDistance()} bits
 * of an earlier one is its near-duplicate: it gets {@code duplicateOf} = the earliest such article
 * and joins that article's story; otherwise it starts a story of its own id.
 *
 * <p>The threshold, {@value #DEFAULT_MAX_DISTANCE} bits, comes from {@code NearDuplicatesTest}'s
 * real-like texts: the same agency story on three sites with different page chrome, and a forum
 * repost, are 0 to 2 bits apart; a copy with a few words changed, 4; a different report on the
 * same SCO meeting subject, 25 to 34 (unrelated texts: about 32). Heavier rewrites (several
 * sentences changed in a short text) land at 7 to 11 bits and start a new story, which is the
 * price of keeping the lookup cheap: the index is banded into {@code maxDistance + 1} bands, so
 * every fingerprint within the threshold is found (pigeonhole) while a lookup reads only the few
 * entries that share a whole band.
 */
public final class NearDuplicates {

  public static final int DEFAULT_MAX_DISTANCE = 5;

  private final int maxDistance;
  private final Bands bands;

  public NearDuplicates() {
    this(DEFAULT_MAX_DISTANCE);
  }

  public NearDuplicates(int maxDistance) {
    if (maxDistance < 0 || maxDistance > 15) {
      throw new IllegalArgumentException("maxDistance must be 0 to 15, was " + maxDistance);
    }
    this.maxDistance = maxDistance;
    this.bands = new Bands(maxDistance + 1);
  }

  public int maxDistance() {
    return maxDistance;
  }

  public Bands bands() {
    return bands;
  }

  /** An empty index of the last {@code capacity} articles, banded for this threshold. */
  public FingerprintIndex newIndex(int capacity) {
    return new FingerprintIndex(bands, capacity);
  }

  /** The earliest-seen article within the threshold, if any. */
  public Optional<DuplicateMatch> find(long fingerprint, FingerprintIndex index) {
    return find(null, fingerprint, Long.MAX_VALUE, index);
  }

  /**
   * Finds the story of an article and remembers it in {@code index}. Replaying the same article
   * (same id, same time) gives the same answer.
   */
  public StoryAssignment assign(String articleId, long fingerprint, long seenAt, FingerprintIndex index) {
    Optional<DuplicateMatch> match = find(articleId, fingerprint, seenAt, index);
    String storyId = match.map(DuplicateMatch::storyId).orElse(articleId);
    index.put(new IndexedFingerprint(articleId, fingerprint, storyId, seenAt));
    return new StoryAssignment(storyId, match);
  }

  private Optional<DuplicateMatch> find(String self, long fingerprint, long seenBy, FingerprintIndex index) {
    IndexedFingerprint best = null;
    int bestDistance = Integer.MAX_VALUE;
    // an entry found under several bands is compared again, to the same effect: no set of candidates is built
    for (long key : bands.keys(fingerprint)) {
      for (IndexedFingerprint candidate : index.get(key)) {
        int distance = SimHash.distance(fingerprint, candidate.fingerprint());
        if (distance <= maxDistance && candidate.firstSeen() <= seenBy && !candidate.articleId().equals(self)
            && (best == null || earlier(candidate, distance, best, bestDistance))) {
          best = candidate;
          bestDistance = distance;
        }
      }
    }
    return best == null
        ? Optional.empty()
        : Optional.of(new DuplicateMatch(best.articleId(), best.storyId(), bestDistance));
  }

  private static boolean earlier(IndexedFingerprint a, int distanceA, IndexedFingerprint b, int distanceB) {
    if (a.firstSeen() != b.firstSeen()) {
      return a.firstSeen() < b.firstSeen();
    }
    if (distanceA != distanceB) {
      return distanceA < distanceB;
    }
    return a.articleId().compareTo(b.articleId()) < 0;
  }
}
