package io.scomon.enrich.tag;

/** Rules the topic out unless a phrase of the group occurs outside any excluding context. */
record RequiredGroupRule(int slot) implements TopicRule {

  @Override
  public boolean apply(TopicHits hits, ScoreSheet sheet) {
    for (Hit hit : hits.slot(slot)) {
      if (!hits.excluded(hit)) {
        return true;
      }
    }
    return false;
  }
}
