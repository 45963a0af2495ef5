package io.scomon.enrich.alert;

import io.scomon.enrich.text.TextAnalyzer;
import io.scomon.schemas.Article;
import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.SourceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Matching one article against N subscriptions on one thread: the Lucene Monitor with its
 * presearcher ({@link SubscriptionIndex}) against brute force (every query run on an in-memory index
 * of the article). Scores are articles per second.
 *
 * <p>Run: {@code deploy/scomon bench enrich-service MatchingBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(1)
public class MatchingBenchmark {

  /** Words analysts watch for: topic vocabulary, places, organisations, people, in three languages. */
  static final String[] WATCHED = {
      "terrorism", "terrorist", "extremism", "separatism", "opium", "heroin", "narcotics", "drug", "trafficking",
      "smuggling", "Afghanistan", "Taliban", "Kabul", "Dushanbe", "Tashkent", "Astana", "Bishkek", "Beijing", "Moscow",
      "Islamabad", "Tehran", "Minsk", "India", "Pakistan", "Iran", "Belarus", "Uzbekistan", "Kyrgyzstan", "Tajikistan",
      "Kazakhstan", "RATS", "CSTO", "UNODC", "BRICS", "summit", "exercise", "drills", "cyber", "energy", "pipeline",
      "railway", "corridor", "trade", "tariff", "investment", "border", "security", "militants", "attack", "explosion",
      "Norov", "Mezentsev", "Yermekbayev", "Lavrov", "Wang", "Jaishankar", "hydropower", "uranium", "gas", "oil",
      "наркотики", "терроризм", "экстремизм", "Афганистан", "граница", "учения", "саммит", "торговля", "безопасность",
      "恐怖主义", "禁毒", "上合组织", "阿富汗", "边境", "安全", "贸易", "能源", "峰会", "演习"};
  static final String[] FILLER = {"cooperation", "meeting", "ministers", "council", "agreement", "statement",
      "regional", "threat", "joint", "operation", "forces", "economic", "development", "project", "visit", "talks"};

  @Param({"10000"})
  public int subscriptions;

  /**
   * {@code news}: each generated story is about a handful of the watched topic words (as a news story
   * is), so a few dozen subscriptions match it; {@code dense}: every story uses nearly all watched
   * words, so about a thousand subscriptions match each one (the worst case: cost follows matches).
   */
  @Param({"news", "dense"})
  public String stories;

  /**
   * Names analysts also watch (people, places, companies, groups): a large vocabulary, so that, as in
   * real use, most subscriptions name something most articles do not mention.
   */
  static final String[] NAMES = names(5_000);

  private SubscriptionIndex index;
  private List<Query> queries;
  private TextAnalyzer analyzer;
  private List<EnrichedArticle> articles;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    analyzer = new TextAnalyzer();
    index = new SubscriptionIndex(analyzer.lucene(), TextAnalyzer.DEFAULT_MAX_CHARS);
    SubscriptionQueryParser parser = new SubscriptionQueryParser(analyzer.lucene());
    queries = new ArrayList<>();
    Random random = new Random(42);
    for (int i = 0; i < subscriptions; i++) {
      String query = query(random);
      index.upsert(Subscriptions.subscription("s" + i, query).build());
      queries.add(parser.parse(query));
    }
    articles = new ArrayList<>();
    for (String name : new String[] {"sco-afghanistan-contact-group.txt", "khovar-report.txt"}) {
      StringBuilder text = new StringBuilder(resource(name));
      for (int i = 0; i < 20; i++) {
        text.append(' ').append(pick(NAMES, random));
      }
      articles.add(article(text.toString()));
    }
    for (int i = 0; i < 8; i++) {
      articles.add(article(stories.equals("dense") ? generatedStory(random) : newsStory(random)));
    }
    index.match(articles.get(0)); // registers the subscriptions with the Monitor, in one batch
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    index.close();
  }

  @Benchmark
  public void monitor(Blackhole sink) {
    sink.consume(index.match(articles.get(next++ % articles.size())));
  }

  @Benchmark
  public void bruteForce(Blackhole sink) {
    EnrichedArticle article = articles.get(next++ % articles.size());
    MemoryIndex memory = new MemoryIndex(); // the fields the subscriptions search, as SubscriptionIndex indexes them
    memory.addField(SubscriptionQueryParser.TEXT, article.getArticle().getTitle(), analyzer.lucene());
    memory.addField(SubscriptionQueryParser.TEXT, article.getArticle().getBody(), analyzer.lucene());
    memory.addField(SubscriptionQueryParser.TITLE, article.getArticle().getTitle(), analyzer.lucene());
    int matched = 0;
    for (Query query : queries) {
      if (memory.search(query) > 0) {
        matched++;
      }
    }
    sink.consume(matched);
  }

  /**
   * A watched name, alone or with one to two topic words, sometimes a phrase with proximity,
   * sometimes OR / NOT; one query in ten uses topic words only.
   */
  static String query(Random random) {
    boolean broad = random.nextInt(10) == 0;
    String a = broad ? pick(WATCHED, random) : pick(NAMES, random);
    String b = pick(WATCHED, random);
    return switch (random.nextInt(6)) {
      case 0 -> broad ? a + " AND " + b : a;
      case 1 -> a + " AND " + b;
      case 2 -> "\"" + a + " " + pick(FILLER, random) + "\"~3";
      case 3 -> "(" + a + " OR " + b + ") AND " + pick(WATCHED, random);
      case 4 -> a + " AND " + b + " NOT " + pick(FILLER, random);
      default -> "title:" + a + " AND " + b;
    };
  }

  /** About 5 KB: topic words, filler, and some twenty names of the watched vocabulary. */
  static String generatedStory(Random random) {
    StringBuilder text = new StringBuilder();
    while (text.length() < 5_000) {
      for (int w = 0; w < 14; w++) {
        int dice = random.nextInt(20);
        text.append(dice == 0 ? pick(NAMES, random) : dice < 4 ? pick(WATCHED, random) : pick(FILLER, random)).append(' ');
      }
      text.append(".\n");
    }
    return text.toString();
  }

  /** About 5 KB about eight of the watched topic words, with filler and some twenty watched names. */
  static String newsStory(Random random) {
    String[] theme = new String[8];
    for (int i = 0; i < theme.length; i++) {
      theme[i] = pick(WATCHED, random);
    }
    StringBuilder text = new StringBuilder();
    while (text.length() < 5_000) {
      for (int w = 0; w < 14; w++) {
        int dice = random.nextInt(20);
        text.append(dice == 0 ? pick(NAMES, random) : dice < 3 ? pick(theme, random) : pick(FILLER, random)).append(' ');
      }
      text.append(".\n");
    }
    return text.toString();
  }

  /** Pronounceable distinct names from syllables (Karimabad, Tolubek, ...). */
  static String[] names(int count) {
    String[] syllables = {"ka", "ri", "ma", "bad", "to", "lu", "bek", "sha", "hin", "dar", "gul", "na", "zar", "ob",
        "sta", "kor", "vi", "len", "ta", "mur", "ja", "ho", "dil", "qu", "ran", "se", "mi", "ros", "yan", "te"};
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    Random random = new Random(1);
    while (names.size() < count) {
      StringBuilder name = new StringBuilder();
      int parts = 2 + random.nextInt(2);
      for (int i = 0; i < parts; i++) {
        name.append(syllables[random.nextInt(syllables.length)]);
      }
      name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
      names.add(name.toString());
    }
    return names.toArray(String[]::new);
  }

  private static String pick(String[] words, Random random) {
    return words[random.nextInt(words.length)];
  }

  private static EnrichedArticle article(String body) {
    Article article = Article.newBuilder()
        .setId("a" + body.hashCode()).setCanonicalUrl("https://example.org/a").setUrl("https://example.org/a")
        .setSourceId("bench").setSourceType(SourceType.NEWS).setTitle("SCO regional security meeting").setBody(body)
        .setAuthors(List.of()).setFetchedAt(Instant.EPOCH).setContentHash("h").build();
    return EnrichedArticle.newBuilder().setArticle(article).setLanguage("en").setTopics(List.of()).setEntities(List.of())
        .setFingerprint(1L).setStoryId(article.getId()).setTaxonomyVersion("bench").setEnrichedAt(Instant.EPOCH).build();
  }

  private static String resource(String name) {
    try (InputStream in = MatchingBenchmark.class.getResourceAsStream("/topology/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
