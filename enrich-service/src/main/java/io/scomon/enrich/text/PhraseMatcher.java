package io.scomon.enrich.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds every occurrence of a fixed set of phrases in an {@link AnalyzedText} in one pass: each
 * phrase is analysed with the same {@link TextAnalyzer} as the text, so "drug trafficking" also
 * finds "drugs trafficked", and looked up by its first term in a hash map; no regular expressions.
 *
 * <p>A phrase is written in its dictionary form, which a suffix-stripping stemmer may cut further
 * than the inflected forms of the text ("Газпром" stems to "газпр" as if "-ом" were an ending, but
 * "Газпрома" to "газпром"). So a Cyrillic phrase word also matches text words that stem to its
 * whole lower-case form. Immutable and thread-safe once built.
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
    /** Per word, the whole lower-case form a text word may also stem to, or null. */
    final String[] wholeForms;
    final List<T> payloads = new ArrayList<>(1);

    Phrase(String[] terms, String[] wholeForms) {
      this.terms = terms;
      this.wholeForms = wholeForms;
    }

    boolean matchesAt(AnalyzedText text, int start) {
      if (start + terms.length > text.size()) {
        return false;
      }
      for (int k = 0; k < terms.length; k++) {
        String term = text.term(start + k);
        if (!terms[k].equals(term) && !term.equals(wholeForms[k])) {
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
      AnalyzedText analysed = analyze(phrase);
      add(analysed, payload);
      return analysed.terms();
    }

    /** {@code phrase} analysed as the matcher will look for it. */
    public AnalyzedText analyze(String phrase) {
      return analyzer.analyze(phrase);
    }

    /** Adds an analysed phrase; one without words is ignored. */
    public void add(AnalyzedText phrase, T payload) {
      if (phrase.size() == 0) {
        return;
      }
      String[] terms = phrase.terms();
      String[] wholeForms = new String[terms.length];
      for (int i = 0; i < terms.length; i++) {
        if (phrase.script(i) == Script.CYRILLIC) {
          String whole = phrase.surface(i).toLowerCase(Locale.ROOT).replace('ё', 'е');
          wholeForms[i] = whole.equals(terms[i]) ? null : whole;
        }
      }
      String key = String.join(" ", terms) + "|" + Arrays.toString(wholeForms);
      byKey.computeIfAbsent(key, k -> new Phrase<>(terms, wholeForms)).payloads.add(payload);
    }

    @SuppressWarnings("unchecked")
    public PhraseMatcher<T> build() {
      Map<String, List<Phrase<T>>> grouped = new HashMap<>();
      for (Phrase<T> phrase : byKey.values()) {
        grouped.computeIfAbsent(phrase.terms[0], k -> new ArrayList<>()).add(phrase);
        if (phrase.wholeForms[0] != null) {
          grouped.computeIfAbsent(phrase.wholeForms[0], k -> new ArrayList<>()).add(phrase);
        }
      }
      Map<String, Phrase<T>[]> index = new HashMap<>(grouped.size() * 2);
      grouped.forEach((first, list) -> index.put(first, list.toArray(new Phrase[0])));
      return new PhraseMatcher<>(index);
    }
  }
}
