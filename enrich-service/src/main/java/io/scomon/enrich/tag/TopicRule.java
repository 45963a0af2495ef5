package io.scomon.enrich.tag;

/**
 * One rule of a topic (weighted terms, a proximity pair, a required group, a veto), applied to
 * the topic's hits in one article; a {@link CompiledTopic} applies its rules in order.
 */
interface TopicRule {

  /** Adds this rule's evidence to {@code sheet}; returns false to rule the topic out. */
  boolean apply(TopicHits hits, ScoreSheet sheet);
}
