package io.scomon.enrich.tag;

/**
 * A phrase of the taxonomy as written, in one language, with the weight it adds to its topic's
 * score (negative weights count against the topic).
 */
public record Term(String lang, String phrase, double weight) {}
