package io.scomon.enrich.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every occurrence of a fixed set of phrases in an {@link AnalyzedText} in one pass: each
 * phrase is analysed with the same {@link TextAnalyzer} as the text, so "drug trafficking" also
 * finds "drugs trafficked", and looked up by its first term in a hash map; no regular expressions.
 * Immutable and thread-safe once built.
 *
 * @param <T> what the caller attached to each phrase (a taxonomy rule, a gazetteer entry)
 */
public final class PhraseMatcher<T> {

  /** Receives one occurrence: tokens {@code [start, end)} of {@code text} match a phrase carrying {@code payload}. */
  @FunctionalInterface
  public interface MatchConsumer<T> {
    void accept(AnalyzedText text, int start, int end, T payload);
  }

  private final Map<String, Phrase<T>[]> byFirstTerm;

  private PhraseMatcher(Map<String, Phrase<T>[]> byFirstTerm) {
    this.byFirstTerm = byFirstTerm;
  }

  public static <T> Builder<T> builder(TextAnalyzer analyzer) {
    return new Builder<>(analyzer);
  }

  /** Calls {@code consumer} for every occurrence of every phrase, in text order; occurrences may overlap. */
  public void forEachMatch(AnalyzedText text, MatchConsumer<T> consumer) {
    int n = text.size();
    for (int i = 0; i < n; i++) {
      Phrase<T>[] candidates = byFirstTerm.get(text.term(i));
      if (candidates == null) {
        continue;
      }
      for (Phrase<T> phrase : candidates) {
        if (phrase.matchesAt(text, i)) {
          for (T payload : phrase.payloads) {
            consumer.accept(text, i, i + phrase.terms.length, payload);
          }
        }
      }
    }
  }

  /** The number of distinct analysed phrases. */
  public int size() {
    return byFirstTerm.values().stream().mapToInt(a -> a.length).sum();
  }

  private static final class Phrase<T> {
    final String[] terms;
    final List<T> payloads = new ArrayList<>(1);

    Phrase(String[] terms) {
      this.terms = terms;
    }

    boolean matchesAt(AnalyzedText text, int start) {
      if (start + terms.length > text.size()) {
        return false;
      }
      for (int k = 1; k < terms.length; k++) {
        if (!terms[k].equals(text.term(start + k))) {
          return false;
        }
      }
      return true;
    }
  }

  /** Collects phrases; not thread-safe. */
  public static final class Builder<T> {
    private final TextAnalyzer analyzer;
    private final Map<String, Phrase<T>> byKey = new LinkedHashMap<>();

    private Builder(TextAnalyzer analyzer) {
      this.analyzer = analyzer;
    }

    /**
     * Adds {@code phrase} with its payload and returns its analysed terms; an empty array means
     * the phrase has no word in it and was not added.
     */
    public String[] add(String phrase, T payload) {
      String[] terms = analyze(phrase);
      add(terms, payload);
      return terms;
    }

    /** The terms {@code phrase} analyses to, as the matcher will look for them. */
    public String[] analyze(String phrase) {
      return analyzer.analyze(phrase).terms();
    }

    /** Adds an already analysed phrase; an empty one is ignored. */
    public void add(String[] terms, T payload) {
      if (terms.length == 0) {
        return;
      }
      String key = String.join(" ", terms);
      byKey.computeIfAbsent(key, k -> new Phrase<>(terms.clone())).payloads.add(payload);
    }

    @SuppressWarnings("unchecked")
    public PhraseMatcher<T> build() {
      Map<String, List<Phrase<T>>> grouped = new HashMap<>();
      for (Phrase<T> phrase : byKey.values()) {
        grouped.computeIfAbsent(phrase.terms[0], k -> new ArrayList<>()).add(phrase);
      }
      Map<String, Phrase<T>[]> index = new HashMap<>(grouped.size() * 2);
      grouped.forEach((first, list) -> index.put(first, list.toArray(new Phrase[0])));
      return new PhraseMatcher<>(index);
    }
  }
}
