package io.scomon.enrich.dedup;

/**
 * An earlier article that a new one repeats.
 *
 * @param firstSeenArticleId the earliest-seen article within the distance threshold (the
 *     article's {@code duplicateOf})
 * @param storyId the story that article belongs to, which the new article joins
 * @param distance Hamming distance between the two fingerprints
 */
public record DuplicateMatch(String firstSeenArticleId, String storyId, int distance) {}
