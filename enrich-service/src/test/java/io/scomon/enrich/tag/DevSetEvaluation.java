package io.scomon.enrich.tag;

import io.scomon.enrich.language.LanguageIdentifier;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores the shipped taxonomy on the labelled dev set: per-topic precision, recall and F1, and
 * micro averages; with {@code --errors}, every false positive and false negative with its
 * evidence. Topics marked optional for a text count neither way. From the repository root:
 *
 * <pre>
 *   mvn -B -q -pl enrich-service test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *       -Dexec.mainClass=io.scomon.enrich.tag.DevSetEvaluation -Dexec.classpathScope=test [-Dexec.args=--errors]
 * </pre>
 */
public final class DevSetEvaluation {

  /** Counts of one topic. */
  static final class Counts {
    int tp;
    int fp;
    int fn;

    double precision() {
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** The outcome of one run over the dev set. */
  record Result(Map<String, Counts> perTopic, Counts micro, List<String> errors, int texts, int languageCorrect, int languageTotal) {}

  private DevSetEvaluation() {}

  public static void main(String[] args) {
    boolean showErrors = List.of(args).contains("--errors");
    Result result = evaluate(DevSet.load(), new TopicTagger(Taxonomy.loadDefault()), LanguageIdentifier.fromClasspath());
    print(result, System.out, showErrors);
  }

  static Result evaluate(DevSet devSet, TopicTagger tagger, LanguageIdentifier languages) {
    Map<String, Counts> perTopic = new LinkedHashMap<>();
    tagger.taxonomy().topics().forEach(t -> perTopic.put(t.name(), new Counts()));
    List<String> errors = new ArrayList<>();
    int languageCorrect = 0;
    int languageTotal = 0;
    for (DevSet.Item item : devSet.items()) {
      List<TopicMatch> matches = tagger.tag(item.title(), item.text());
      Set<String> found = matches.stream().map(TopicMatch::name).collect(Collectors.toSet());
      for (Map.Entry<String, Counts> entry : perTopic.entrySet()) {
        String topic = entry.getKey();
        if (item.optional().contains(topic)) {
          continue;
        }
        boolean expected = item.topics().contains(topic);
        boolean got = found.contains(topic);
        Counts c = entry.getValue();
        if (expected && got) {
          c.tp++;
        } else if (got) {
          c.fp++;
          TopicMatch m = matches.stream().filter(x -> x.name().equals(topic)).findFirst().orElseThrow();
          errors.add("FP " + topic + " " + item.id() + " score " + m.score() + " " + m.evidence().stream()
              .map(e -> e.term() + "x" + e.count() + (e.field() == Field.TITLE ? "(title)" : "")).toList());
        } else if (expected) {
          c.fn++;
          errors.add("FN " + topic + " " + item.id());
        }
      }
      if (item.text().length() >= 200 && !item.lang().isEmpty()) {
        languageTotal++;
        if (languages.language(item.title() + "\n" + item.text()).equals(item.lang())) {
          languageCorrect++;
        }
      }
    }
    Counts micro = new Counts();
    perTopic.values().forEach(c -> {
      micro.tp += c.tp;
      micro.fp += c.fp;
      micro.fn += c.fn;
    });
    return new Result(perTopic, micro, errors, devSet.items().size(), languageCorrect, languageTotal);
  }

  static void print(Result result, PrintStream out, boolean showErrors) {
    out.printf("dev set: %d texts; taxonomy topics: %d%n", result.texts(), result.perTopic().size());
    out.printf("%-18s %4s %4s %4s %9s %7s %6s%n", "topic", "tp", "fp", "fn", "precision", "recall", "f1");
    result.perTopic().forEach((topic, c) -> out.printf("%-18s %4d %4d %4d %9.3f %7.3f %6.3f%n",
        topic, c.tp, c.fp, c.fn, c.precision(), c.recall(), c.f1()));
    Counts m = result.micro();
    out.printf("%-18s %4d %4d %4d %9.3f %7.3f %6.3f%n", "micro", m.tp, m.fp, m.fn, m.precision(), m.recall(), m.f1());
    double macro = result.perTopic().values().stream().mapToDouble(Counts::f1).average().orElse(0);
    out.printf("macro-F1 %.3f; language identification %d/%d texts of 200+ characters%n",
        macro, result.languageCorrect(), result.languageTotal());
    if (showErrors) {
      result.errors().forEach(out::println);
    }
  }
}
