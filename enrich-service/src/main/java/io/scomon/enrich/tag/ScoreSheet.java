package io.scomon.enrich.tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence a topic's rules found in one article, and the score it adds up to:
 * {@code sum of weight * (1 + ln(min(3, bodyCount + titleBoost * titleCount)))} over the evidence
 * labels. Repeats add less and less and stop adding after {@value #MAX_COUNT}: a page that says
 * "electricity" fifty times (an electrician's price list) is not therefore about energy policy,
 * so a topic needs a strong term or several different ones.
 */
final class ScoreSheet {

  static final double MAX_COUNT = 3;

  private final Map<String, double[]> counts = new LinkedHashMap<>(); // label -> {weight, title, body}
  private final List<Hit> counted = new ArrayList<>();

  /** Records one occurrence of {@code label} (a term, or a proximity pair) worth {@code weight}. */
  void count(String label, double weight, Hit hit) {
    double[] c = counts.computeIfAbsent(label, k -> new double[] {weight, 0, 0});
    c[hit.field() == Field.TITLE ? 1 : 2]++;
    counted.add(hit);
  }

  /** True when a hit already counted covers part of {@code hit}. */
  boolean overlapsCounted(Hit hit) {
    for (Hit other : counted) {
      if (other.field() == hit.field() && hit.gap(other) < 0) {
        return true;
      }
    }
    return false;
  }

  /** The topic match, or null when the score stays under the threshold. */
  TopicMatch match(Topic topic) {
    double score = 0;
    List<Evidence> evidence = new ArrayList<>();
    for (Map.Entry<String, double[]> entry : counts.entrySet()) {
      double[] c = entry.getValue();
      score += c[0] * (1 + Math.log(Math.min(MAX_COUNT, c[2] + topic.titleBoost() * c[1])));
      if (c[1] > 0) {
        evidence.add(new Evidence(entry.getKey(), (int) c[1], Field.TITLE, c[0]));
      }
      if (c[2] > 0) {
        evidence.add(new Evidence(entry.getKey(), (int) c[2], Field.BODY, c[0]));
      }
    }
    score = Math.round(score * 100) / 100.0;
    if (score < topic.threshold()) {
      return null;
    }
    evidence.sort(Comparator.comparingDouble((Evidence e) -> -e.weight() * e.count()).thenComparing(Evidence::term));
    return new TopicMatch(topic.name(), score, evidence);
  }
}
