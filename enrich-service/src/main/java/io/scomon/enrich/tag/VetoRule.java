package io.scomon.enrich.tag;

/** Rules the topic out when any veto phrase occurs. */
record VetoRule(int slot) implements TopicRule {

  @Override
  public boolean apply(TopicHits hits, ScoreSheet sheet) {
    return hits.slot(slot).isEmpty();
  }
}
