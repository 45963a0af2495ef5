package io.scomon.enrich.tag;

import io.scomon.enrich.dedup.SimHash;
import io.scomon.enrich.entity.EntityRecognizer;
import io.scomon.enrich.entity.Gazetteer;
import io.scomon.enrich.language.LanguageIdentifier;
import io.scomon.enrich.text.AnalyzedText;
import io.scomon.enrich.text.TextAnalyzer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The pure enrichment of one article on one thread, stage by stage and all together (analysis
 * once, topics, entities, language, SimHash), over the dev set's articles of at least 1,000
 * characters (English, Russian and Chinese; about 2.5 KB on average, the samples about 5 KB).
 * Scores are articles per second.
 *
 * <p>Run: {@code deploy/scomon bench enrich-service EnrichmentBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(1)
public class EnrichmentBenchmark {

  private final TextAnalyzer analyzer = new TextAnalyzer();
  private TopicTagger tagger;
  private EntityRecognizer entities;
  private LanguageIdentifier languages;
  private List<DevSet.Item> articles;
  private int next;

  @Setup
  public void setUp() {
    tagger = new TopicTagger(Taxonomy.loadDefault(), analyzer);
    entities = new EntityRecognizer(Gazetteer.loadDefault(), analyzer);
    languages = LanguageIdentifier.fromClasspath();
    articles = DevSet.load().items().stream().filter(i -> i.text().length() >= 1_000).toList();
  }

  private DevSet.Item article() {
    DevSet.Item item = articles.get(next);
    next = (next + 1) % articles.size();
    return item;
  }

  @Benchmark
  public Object topics() {
    DevSet.Item item = article();
    return tagger.tag(item.title(), item.text());
  }

  @Benchmark
  public Object entities() {
    DevSet.Item item = article();
    return entities.recognize(item.title(), item.text());
  }

  @Benchmark
  public Object language() {
    return languages.language(article().text());
  }

  @Benchmark
  public long simHash() {
    return SimHash.of(article().text());
  }

  @Benchmark
  public void all(Blackhole sink) {
    DevSet.Item item = article();
    AnalyzedText title = analyzer.analyze(item.title());
    AnalyzedText body = analyzer.analyze(item.text());
    sink.consume(tagger.tag(title, body));
    sink.consume(entities.recognize(title, body));
    sink.consume(languages.language(item.text()));
    sink.consume(SimHash.of(item.text()));
  }
}
