package io.scomon.enrich.tag;

/**
 * Why a topic was assigned: the taxonomy {@code term} (as written; for a proximity rule
 * "drug ~4 trafficking") occurred {@code count} times in {@code field}, each worth {@code weight}.
 */
public record Evidence(String term, int count, Field field, double weight) {}
