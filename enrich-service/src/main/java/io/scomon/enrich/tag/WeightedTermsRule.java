package io.scomon.enrich.tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts every weighted term outside an excluding context, except a term lying inside a longer
 * matched term of the same topic ("counter-terrorism" is not also "terrorism").
 */
record WeightedTermsRule(int slot) implements TopicRule {

  @Override
  public boolean apply(TopicHits hits, ScoreSheet sheet) {
    for (Hit hit : longestOnly(hits.slot(slot))) {
      if (!hits.excluded(hit)) {
        sheet.count(hit.term().phrase(), hit.term().weight(), hit);
      }
    }
    return true;
  }

  /** Drops hits whose span lies inside another hit's span, and repeats of the same span. */
  static List<Hit> longestOnly(List<Hit> hits) {
    if (hits.size() < 2) {
      return hits;
    }
    List<Hit> sorted = new ArrayList<>(hits);
    sorted.sort(Comparator.comparing(Hit::field).thenComparingInt(Hit::start).thenComparingInt(h -> -h.end()));
    List<Hit> kept = new ArrayList<>(sorted.size());
    Field field = null;
    int maxEnd = -1;
    for (Hit hit : sorted) {
      if (hit.field() != field) {
        field = hit.field();
        maxEnd = -1;
      }
      if (hit.end() > maxEnd) {
        kept.add(hit);
        maxEnd = hit.end();
      }
    }
    return kept;
  }
}
