package io.scomon.enrich.tag;

/**
 * Counts an occurrence of a {@code terms} phrase that has a {@code near} phrase within the window
 * (the nearest one names the evidence, e.g. "drug ~4 trafficking"); occurrences already counted
 * as a weighted term ("illicit drugs") are not counted again.
 */
record ProximityRule(int leftSlot, int rightSlot, int within, double weight) implements TopicRule {

  @Override
  public boolean apply(TopicHits hits, ScoreSheet sheet) {
    for (Hit hit : hits.slot(leftSlot)) {
      if (hits.excluded(hit) || sheet.overlapsCounted(hit)) {
        continue;
      }
      Hit partner = nearest(hit, hits);
      if (partner != null) {
        sheet.count(Proximity.label(hit.term().phrase(), within, partner.term().phrase()), weight, hit);
      }
    }
    return true;
  }

  private Hit nearest(Hit hit, TopicHits hits) {
    Hit best = null;
    int bestGap = Integer.MAX_VALUE;
    for (Hit candidate : hits.slot(rightSlot)) {
      if (candidate.field() != hit.field()) {
        continue;
      }
      int gap = hit.gap(candidate);
      if (gap >= 0 && gap <= hit.window(within) && gap < bestGap && !hits.excluded(candidate)) {
        best = candidate;
        bestGap = gap;
      }
    }
    return best;
  }
}
