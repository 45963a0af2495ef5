package io.scomon.enrich.entity;

import io.scomon.enrich.text.AnalyzedText;
import io.scomon.enrich.text.PhraseMatcher;
import io.scomon.enrich.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds gazetteer entries in article text. Aliases are analysed like the text, so inflected and
 * possessive forms match ("Афганистана", "Pakistan's"); where aliases overlap the longest wins
 * ("New Delhi" over "Delhi", "SCO Secretariat" over "SCO", "白俄罗斯" over "俄罗斯"); an alias
 * written all in capitals must appear exactly so, and a capitalised word of an alias must appear
 * capitalised (so "turkey" and "china" the nouns are not countries). Immutable and thread-safe.
 */
public final class EntityRecognizer {

  /**
   * An alias of an entry with what its tokens must look like in the text: {@code EXACT} (an
   * all-capitals alias: "US" is not "us"), {@code CAPITALISED} (a capitalised word: "Turkey" is
   * not "turkey", "Китая" is not "кита" the whale) or {@code ANY}.
   */
  private record Alias(GazetteerEntry entry, String[] surfaces, Case[] cases) {}

  private enum Case { EXACT, CAPITALISED, ANY }

  private record Mention(int start, int end, GazetteerEntry entry) {}

  private final TextAnalyzer analyzer;
  private final PhraseMatcher<Alias> matcher;

  public EntityRecognizer(Gazetteer gazetteer) {
    this(gazetteer, new TextAnalyzer());
  }

  public EntityRecognizer(Gazetteer gazetteer, TextAnalyzer analyzer) {
    this.analyzer = analyzer;
    PhraseMatcher.Builder<Alias> builder = PhraseMatcher.builder(analyzer);
    for (GazetteerEntry entry : gazetteer.entries()) {
      for (String alias : new java.util.LinkedHashSet<>(entry.aliases())) {
        AnalyzedText analysed = analyzer.analyze(alias);
        boolean allCapitals = isAllCapitals(alias);
        String[] surfaces = new String[analysed.size()];
        Case[] cases = new Case[analysed.size()];
        for (int i = 0; i < surfaces.length; i++) {
          surfaces[i] = analysed.surface(i);
          cases[i] = allCapitals ? Case.EXACT : Character.isUpperCase(surfaces[i].charAt(0)) ? Case.CAPITALISED : Case.ANY;
        }
        builder.add(analysed, new Alias(entry, surfaces, cases));
      }
    }
    this.matcher = builder.build();
  }

  public TextAnalyzer analyzer() {
    return analyzer;
  }

  /** The entities of an article, most mentioned first; null fields read as empty. */
  public List<EntityMatch> recognize(String title, String body) {
    return recognize(analyzer.analyze(title), analyzer.analyze(body));
  }

  /** The entities mentioned in the given fields (analysed by {@link #analyzer()}), counted together. */
  public List<EntityMatch> recognize(AnalyzedText... fields) {
    Map<GazetteerEntry, Integer> counts = new LinkedHashMap<>();
    for (AnalyzedText field : fields) {
      for (Mention mention : mentions(field)) {
        counts.merge(mention.entry(), 1, Integer::sum);
      }
    }
    List<EntityMatch> out = new ArrayList<>(counts.size());
    counts.forEach((entry, n) -> out.add(EntityMatch.of(entry, n)));
    out.sort(Comparator.comparingInt(EntityMatch::mentions).reversed().thenComparing(EntityMatch::name));
    return out;
  }

  private List<Mention> mentions(AnalyzedText text) {
    List<Mention> candidates = new ArrayList<>();
    matcher.forEachMatch(text, (t, start, end, alias) -> {
      if (caseMatches(t, start, alias)) {
        candidates.add(new Mention(start, end, alias.entry()));
      }
    });
    candidates.sort(Comparator.comparingInt(Mention::start).thenComparingInt(m -> -m.end()));
    List<Mention> kept = new ArrayList<>(candidates.size());
    int covered = 0;
    for (Mention mention : candidates) {
      if (mention.start() >= covered) {
        kept.add(mention);
        covered = mention.end();
      }
    }
    return kept;
  }

  private static boolean caseMatches(AnalyzedText text, int start, Alias alias) {
    for (int i = 0; i < alias.cases().length; i++) {
      String surface = text.surface(start + i);
      boolean ok = switch (alias.cases()[i]) {
        // "SCO's" and "U.S." keep their capitals; a trailing possessive is not part of the alias
        case EXACT -> surface.startsWith(alias.surfaces()[i]);
        case CAPITALISED -> Character.isUpperCase(surface.charAt(0));
        case ANY -> true;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** "US", "SCO", "U.S.", "ШОС": letters all upper case, at least two of them. */
  static boolean isAllCapitals(String alias) {
    int letters = 0;
    for (int i = 0; i < alias.length(); i++) {
      char c = alias.charAt(i);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false;
        }
        letters++;
      }
    }
    return letters >= 2;
  }
}
