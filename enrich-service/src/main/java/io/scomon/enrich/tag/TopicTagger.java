package io.scomon.enrich.tag;

import io.scomon.enrich.text.AnalyzedText;
import io.scomon.enrich.text.PhraseMatcher;
import io.scomon.enrich.text.Script;
import io.scomon.enrich.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns taxonomy topics to an article. Each field is analysed once ({@link TextAnalyzer}: one
 * token stream for English, Russian and Chinese alike) and every phrase of every topic is found in
 * a single pass of a {@link PhraseMatcher}; the topics then score their own matches:
 *
 * <pre>
 *   score = sum over matched terms of  weight * (1 + ln(bodyCount + titleBoost * titleCount))
 * </pre>
 *
 * after dropping matches inside an excluding context and matches contained in a longer matched term
 * of the same topic ("counter terrorism" is not also "terrorism"). A topic is assigned when its
 * score reaches its threshold, each required group matched and no veto term occurs. Immutable and
 * thread-safe.
 */
public final class TopicTagger {

  private enum Role { TERM, LEFT, RIGHT, REQUIRED, EXCLUDE, VETO }

  /** What a matched phrase means to one topic. */
  private record Use(int topic, Role role, int rule, Term term) {}

  private record Hit(Term term, Field field, int start, int end, boolean han) {
    int gap(Hit other) {
      if (other.end <= start) {
        return start - other.end;
      }
      if (end <= other.start) {
        return other.start - end;
      }
      return -1; // overlapping
    }
  }

  private final TextAnalyzer analyzer;
  private final Taxonomy taxonomy;
  private final PhraseMatcher<Use> matcher;

  public TopicTagger(Taxonomy taxonomy) {
    this(taxonomy, new TextAnalyzer());
  }

  public TopicTagger(Taxonomy taxonomy, TextAnalyzer analyzer) {
    this.taxonomy = taxonomy;
    this.analyzer = analyzer;
    Compiler builder = new Compiler(PhraseMatcher.builder(analyzer));
    List<Topic> topics = taxonomy.topics();
    for (int t = 0; t < topics.size(); t++) {
      Topic topic = topics.get(t);
      for (Term term : topic.terms()) {
        add(builder, topic, new Use(t, Role.TERM, 0, term));
      }
      for (int r = 0; r < topic.proximity().size(); r++) {
        Proximity rule = topic.proximity().get(r);
        for (Term term : rule.terms()) {
          add(builder, topic, new Use(t, Role.LEFT, r, term));
        }
        for (Term term : rule.near()) {
          add(builder, topic, new Use(t, Role.RIGHT, r, term));
        }
      }
      for (int g = 0; g < topic.required().size(); g++) {
        for (Term term : topic.required().get(g)) {
          add(builder, topic, new Use(t, Role.REQUIRED, g, term));
        }
      }
      for (Term term : topic.excludeContexts()) {
        add(builder, topic, new Use(t, Role.EXCLUDE, 0, term));
      }
      for (Term term : topic.vetoes()) {
        add(builder, topic, new Use(t, Role.VETO, 0, term));
      }
    }
    this.matcher = builder.phrases.build();
  }

  private static void add(Compiler compiler, Topic topic, Use use) {
    String[] terms = compiler.phrases.analyze(use.term().phrase());
    if (terms.length == 0) {
      throw new IllegalArgumentException(
          "topic '" + topic.name() + "': phrase '" + use.term().phrase() + "' analyses to no token");
    }
    // "drug" and "drugs" are one phrase once stemmed: count it once per rule
    String key = use.topic() + "|" + use.role() + "|" + use.rule() + "|" + String.join(" ", terms);
    if (compiler.seen.add(key)) {
      compiler.phrases.add(terms, use);
    }
  }

  private record Compiler(PhraseMatcher.Builder<Use> phrases, java.util.Set<String> seen) {
    Compiler(PhraseMatcher.Builder<Use> phrases) {
      this(phrases, new java.util.HashSet<>());
    }
  }

  public Taxonomy taxonomy() {
    return taxonomy;
  }

  public TextAnalyzer analyzer() {
    return analyzer;
  }

  /** The topics of an article, highest score first; null fields read as empty. */
  public List<TopicMatch> tag(String title, String body) {
    return tag(analyzer.analyze(title), analyzer.analyze(body));
  }

  /** The topics of an article whose fields were analysed by {@link #analyzer()}. */
  public List<TopicMatch> tag(AnalyzedText title, AnalyzedText body) {
    TopicHits[] hits = new TopicHits[taxonomy.topics().size()];
    collect(title, Field.TITLE, hits);
    collect(body, Field.BODY, hits);
    List<TopicMatch> matches = new ArrayList<>();
    for (int t = 0; t < hits.length; t++) {
      if (hits[t] != null) {
        TopicMatch match = hits[t].evaluate(taxonomy.topics().get(t));
        if (match != null) {
          matches.add(match);
        }
      }
    }
    matches.sort(Comparator.comparingDouble(TopicMatch::score).reversed().thenComparing(TopicMatch::name));
    return matches;
  }

  private void collect(AnalyzedText text, Field field, TopicHits[] hits) {
    matcher.forEachMatch(
        text,
        (t, start, end, use) -> {
          TopicHits topicHits = hits[use.topic()];
          if (topicHits == null) {
            topicHits = hits[use.topic()] = new TopicHits(taxonomy.topics().get(use.topic()));
          }
          topicHits.add(use, new Hit(use.term(), field, start, end, t.script(start) == Script.HAN));
        });
  }

  /** The matches of one topic in one article, and the rules that turn them into a score. */
  private static final class TopicHits {
    private final List<Hit> terms = new ArrayList<>();
    private final List<List<Hit>> left = new ArrayList<>();
    private final List<List<Hit>> right = new ArrayList<>();
    private final List<List<Hit>> required = new ArrayList<>();
    private final List<Hit> excludes = new ArrayList<>();
    private boolean vetoed;

    TopicHits(Topic topic) {
      for (int i = 0; i < topic.proximity().size(); i++) {
        left.add(new ArrayList<>());
        right.add(new ArrayList<>());
      }
      for (int i = 0; i < topic.required().size(); i++) {
        required.add(new ArrayList<>());
      }
    }

    void add(Use use, Hit hit) {
      switch (use.role()) {
        case TERM -> terms.add(hit);
        case LEFT -> left.get(use.rule()).add(hit);
        case RIGHT -> right.get(use.rule()).add(hit);
        case REQUIRED -> required.get(use.rule()).add(hit);
        case EXCLUDE -> excludes.add(hit);
        case VETO -> vetoed = true;
      }
    }

    TopicMatch evaluate(Topic topic) {
      if (vetoed) {
        return null;
      }
      for (List<Hit> group : required) {
        if (group.stream().allMatch(h -> excluded(h, topic))) {
          return null;
        }
      }
      Map<String, double[]> counts = new LinkedHashMap<>(); // label -> {weight, title, body}
      List<Hit> counted = new ArrayList<>();
      for (Hit hit : longestOnly(terms)) {
        if (!excluded(hit, topic)) {
          count(counts, hit.term().phrase(), hit.term().weight(), hit.field());
          counted.add(hit);
        }
      }
      for (int r = 0; r < left.size(); r++) {
        Proximity rule = topic.proximity().get(r);
        for (Hit hit : left.get(r)) {
          if (excluded(hit, topic) || overlapsAny(hit, counted)) {
            continue; // "illicit drugs" counted as a term is not also "drug ~4 illicit"
          }
          Hit partner = nearest(hit, right.get(r), rule.within(), topic);
          if (partner != null) {
            String label = Proximity.label(hit.term().phrase(), rule.within(), partner.term().phrase());
            count(counts, label, rule.weight(), hit.field());
          }
        }
      }
      double score = 0;
      List<Evidence> evidence = new ArrayList<>();
      for (Map.Entry<String, double[]> entry : counts.entrySet()) {
        double[] c = entry.getValue();
        double effective = c[2] + topic.titleBoost() * c[1];
        score += c[0] * (1 + Math.log(effective));
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

    private static void count(Map<String, double[]> counts, String label, double weight, Field field) {
      double[] c = counts.computeIfAbsent(label, k -> new double[] {weight, 0, 0});
      c[field == Field.TITLE ? 1 : 2]++;
    }

    /** Drops hits whose span lies inside another hit's span (and duplicates of the same span). */
    private static List<Hit> longestOnly(List<Hit> hits) {
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

    private static boolean overlapsAny(Hit hit, List<Hit> others) {
      for (Hit other : others) {
        if (other.field() == hit.field() && hit.gap(other) < 0) {
          return true;
        }
      }
      return false;
    }

    private boolean excluded(Hit hit, Topic topic) {
      for (Hit context : excludes) {
        if (context.field() == hit.field() && hit.gap(context) <= window(topic.excludeWithin(), hit)) {
          return true;
        }
      }
      return false;
    }

    private Hit nearest(Hit hit, List<Hit> candidates, int within, Topic topic) {
      Hit best = null;
      int bestGap = Integer.MAX_VALUE;
      for (Hit candidate : candidates) {
        if (candidate.field() != hit.field()) {
          continue;
        }
        int gap = hit.gap(candidate);
        if (gap >= 0 && gap <= window(within, hit) && gap < bestGap && !excluded(candidate, topic)) {
          best = candidate;
          bestGap = gap;
        }
      }
      return best;
    }

    /** Chinese tokens are characters, about half a word each, so their windows are twice as long. */
    private static int window(int words, Hit hit) {
      return hit.han() ? words * 2 : words;
    }
  }
}
