package io.scomon.enrich.tag;

import io.scomon.enrich.text.DataNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates the taxonomy YAML; every refusal names the file, line, key path and reason. */
final class TaxonomyReader {

  /** The languages whose text the analyser normalises; a term in any other is refused as a likely typo. */
  static final Set<String> LANGUAGES = Set.of("en", "ru", "zh");

  private static final Pattern TOPIC_NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final List<String> ROOT_KEYS = List.of("version", "defaults", "topics");
  private static final List<String> DEFAULT_KEYS = List.of("threshold", "titleBoost", "excludeWithin");
  private static final List<String> TOPIC_KEYS =
      List.of("label", "threshold", "titleBoost", "terms", "near", "require", "exclude", "veto");
  private static final List<String> NEAR_KEYS = List.of("terms", "near", "within", "weight");
  private static final List<String> EXCLUDE_KEYS = List.of("within", "terms");

  private TaxonomyReader() {}

  static Taxonomy read(InputStream in, String source) {
    DataNode root = DataNode.read(in, source);
    root.entries(ROOT_KEYS);
    String version = root.required("version").text();
    Defaults defaults = root.optional("defaults").map(TaxonomyReader::defaults).orElse(Defaults.BUILT_IN);
    DataNode topicsNode = root.required("topics");
    List<Topic> topics = new ArrayList<>();
    topicsNode.entries().forEach((name, spec) -> topics.add(topic(name, spec, defaults)));
    if (topics.isEmpty()) {
      throw topicsNode.error("defines no topic");
    }
    return new Taxonomy(version, topics);
  }

  private record Defaults(double threshold, double titleBoost, int excludeWithin) {
    static final Defaults BUILT_IN = new Defaults(5.0, 2.0, 5);
  }

  private static Defaults defaults(DataNode node) {
    node.entries(DEFAULT_KEYS);
    return new Defaults(
        node.optional("threshold").map(n -> positive(n)).orElse(Defaults.BUILT_IN.threshold),
        node.optional("titleBoost").map(n -> positive(n)).orElse(Defaults.BUILT_IN.titleBoost),
        node.optional("excludeWithin").map(n -> window(n)).orElse(Defaults.BUILT_IN.excludeWithin));
  }

  private static Topic topic(String name, DataNode spec, Defaults defaults) {
    if (!TOPIC_NAME.matcher(name).matches()) {
      throw spec.error("topic name '" + name + "' must be lower case letters, digits and '_'");
    }
    spec.entries(TOPIC_KEYS);
    List<Term> terms = spec.optional("terms").map(TaxonomyReader::weightedTerms).orElse(List.of());
    List<Proximity> near = new ArrayList<>();
    spec.optional("near").ifPresent(list -> list.items().forEach(item -> near.add(proximity(item))));
    if (terms.stream().noneMatch(t -> t.weight() > 0) && near.isEmpty()) {
      throw spec.error("topic '" + name + "' has no term with a positive weight and no 'near' rule, so it can never match");
    }
    List<List<Term>> required = new ArrayList<>();
    spec.optional("require").ifPresent(list -> list.items().forEach(group -> required.add(phrases(group))));
    List<Term> excludeContexts = List.of();
    int excludeWithin = defaults.excludeWithin;
    if (spec.optional("exclude").isPresent()) {
      DataNode exclude = spec.required("exclude");
      exclude.entries(EXCLUDE_KEYS);
      excludeContexts = phrases(exclude.required("terms"));
      excludeWithin = exclude.optional("within").map(n -> window(n)).orElse(defaults.excludeWithin);
    }
    List<Term> vetoes = spec.optional("veto").map(TaxonomyReader::phrases).orElse(List.of());
    return new Topic(
        name,
        spec.optional("label").map(DataNode::text).orElse(name),
        spec.optional("threshold").map(n -> positive(n)).orElse(defaults.threshold),
        spec.optional("titleBoost").map(n -> positive(n)).orElse(defaults.titleBoost),
        terms,
        near,
        required,
        excludeContexts,
        excludeWithin,
        vetoes);
  }

  /** {@code {en: {phrase: weight, ...}, ru: {...}}}. */
  private static List<Term> weightedTerms(DataNode node) {
    List<Term> out = new ArrayList<>();
    languages(node).forEach(
        (lang, phrases) ->
            phrases.entries().forEach((phrase, weight) -> {
              double w = weight.number();
              if (w == 0) {
                throw weight.error("weight of '" + phrase + "' is 0; remove the term instead");
              }
              out.add(new Term(lang, checkedPhrase(phrase, weight), w));
            }));
    return out;
  }

  /** {@code {en: [phrase, ...], ru: [...]}}, weights not used. */
  private static List<Term> phrases(DataNode node) {
    List<Term> out = new ArrayList<>();
    languages(node).forEach(
        (lang, list) -> list.items().forEach(item -> out.add(new Term(lang, checkedPhrase(item.text(), item), 0))));
    if (out.isEmpty()) {
      throw node.error("lists no phrase");
    }
    return out;
  }

  private static Proximity proximity(DataNode node) {
    node.entries(NEAR_KEYS);
    return new Proximity(
        phrases(node.required("terms")),
        phrases(node.required("near")),
        window(node.required("within")),
        positive(node.required("weight")));
  }

  private static Map<String, DataNode> languages(DataNode node) {
    Map<String, DataNode> byLang = node.entries();
    byLang.forEach((lang, value) -> {
      if (!LANGUAGES.contains(lang)) {
        throw value.error("unknown language '" + lang + "', expected one of " + LANGUAGES.stream().sorted().toList());
      }
    });
    return byLang;
  }

  private static String checkedPhrase(String phrase, DataNode where) {
    if (phrase.isBlank() || phrase.codePoints().noneMatch(Character::isLetterOrDigit)) {
      throw where.error("phrase '" + phrase + "' has no word in it");
    }
    return phrase.strip();
  }

  private static double positive(DataNode node) {
    double value = node.number();
    if (value <= 0) {
      throw node.error("must be greater than 0, was " + node.text());
    }
    return value;
  }

  private static int window(DataNode node) {
    int value = node.wholeNumber();
    if (value < 0 || value > 50) {
      throw node.error("must be a number of words from 0 to 50, was " + value);
    }
    return value;
  }
}
