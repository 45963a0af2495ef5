package io.scomon.enrich.dedup;

/**
 * What the fingerprint index remembers of an article.
 *
 * @param storyId the id of the first article of its story (its own id when it started one)
 * @param firstSeen when it was first seen (epoch milliseconds, e.g. the Kafka record timestamp)
 */
public record IndexedFingerprint(String articleId, long fingerprint, String storyId, long firstSeen) {}
