package io.scomon.enrich.tag;

import java.util.List;

/**
 * One topic of the taxonomy, in the style of Europe Media Monitor categories: it is assigned when
 * the weighted terms and proximity rules that match (outside any excluding context) score at
 * least {@code threshold}, every {@code required} group has a match, and no {@code vetoes} term
 * occurs.
 *
 * @param titleBoost how much more one occurrence in the title counts than one in the body
 * @param excludeWithin occurrences within this many tokens of an {@code excludeContexts} phrase do
 *     not count (e.g. "drug" near "pharmacy")
 */
public record Topic(
    String name,
    String label,
    double threshold,
    double titleBoost,
    List<Term> terms,
    List<Proximity> proximity,
    List<List<Term>> required,
    List<Term> excludeContexts,
    int excludeWithin,
    List<Term> vetoes) {

  public Topic {
    terms = List.copyOf(terms);
    proximity = List.copyOf(proximity);
    required = required.stream().map(List::copyOf).toList();
    excludeContexts = List.copyOf(excludeContexts);
    vetoes = List.copyOf(vetoes);
  }
}
