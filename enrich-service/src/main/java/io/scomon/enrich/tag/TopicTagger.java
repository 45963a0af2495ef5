package io.scomon.enrich.tag;

import io.scomon.enrich.text.AnalyzedText;
import io.scomon.enrich.text.PhraseMatcher;
import io.scomon.enrich.text.Script;
import io.scomon.enrich.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Assigns taxonomy topics to an article. Each field is analysed once ({@link TextAnalyzer}: one
 * token stream for English, Russian and Chinese alike) and every phrase of every topic is found in
 * a single pass of a {@link PhraseMatcher}; the topics then score their own matches:
 *
 * <pre>
 *   score = sum over matched terms of  weight * (1 + ln(min(3, bodyCount + titleBoost * titleCount)))
 * </pre>
 *
 * after dropping matches inside an excluding context and matches contained in a longer matched term
 * of the same topic ("counter terrorism" is not also "terrorism"). A topic is assigned when its
 * score reaches its threshold, each required group matched and no veto term occurs. Each topic is
 * a {@link CompiledTopic}: a list of small {@link TopicRule}s over slots of matched phrases.
 * Immutable and thread-safe.
 */
public final class TopicTagger {

  /** A matched phrase's meaning to one topic: which slot of the topic it fills. */
  private record Use(int topic, int slot, Term term) {}

  private final TextAnalyzer analyzer;
  private final Taxonomy taxonomy;
  private final List<CompiledTopic> topics = new ArrayList<>();
  private final PhraseMatcher<Use> matcher;

  public TopicTagger(Taxonomy taxonomy) {
    this(taxonomy, new TextAnalyzer());
  }

  public TopicTagger(Taxonomy taxonomy, TextAnalyzer analyzer) {
    this.taxonomy = taxonomy;
    this.analyzer = analyzer;
    PhraseMatcher.Builder<Use> phrases = PhraseMatcher.builder(analyzer);
    Set<String> seen = new HashSet<>();
    for (Topic topic : taxonomy.topics()) {
      int index = topics.size();
      topics.add(CompiledTopic.compile(topic, (term, slot) -> {
        AnalyzedText analysed = phrases.analyze(term.phrase());
        if (analysed.size() == 0) {
          throw new IllegalArgumentException("topic '" + topic.name() + "': phrase '" + term.phrase() + "' analyses to no token");
        }
        // "drug" and "drugs" are one phrase once stemmed: it fills a slot once
        if (seen.add(index + "|" + slot + "|" + String.join(" ", analysed.terms()))) {
          phrases.add(analysed, new Use(index, slot, term));
        }
      }));
    }
    this.matcher = phrases.build();
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
    TopicHits[] hits = new TopicHits[topics.size()];
    collect(title, Field.TITLE, hits);
    collect(body, Field.BODY, hits);
    List<TopicMatch> matches = new ArrayList<>();
    for (int t = 0; t < hits.length; t++) {
      TopicMatch match = hits[t] == null ? null : topics.get(t).evaluate(hits[t]);
      if (match != null) {
        matches.add(match);
      }
    }
    matches.sort(Comparator.comparingDouble(TopicMatch::score).reversed().thenComparing(TopicMatch::name));
    return matches;
  }

  private void collect(AnalyzedText text, Field field, TopicHits[] hits) {
    matcher.forEachMatch(text, (t, start, end, use) -> {
      if (hits[use.topic()] == null) {
        hits[use.topic()] = topics.get(use.topic()).newHits();
      }
      hits[use.topic()].add(use.slot(), new Hit(use.term(), field, start, end, t.script(start) == Script.HAN));
    });
  }
}
