package io.scomon.enrich.tag;

import java.util.List;

/** A topic assigned to an article, with its score and the matches that produced it (strongest first). */
public record TopicMatch(String name, double score, List<Evidence> evidence) {

  public TopicMatch {
    evidence = List.copyOf(evidence);
  }
}
