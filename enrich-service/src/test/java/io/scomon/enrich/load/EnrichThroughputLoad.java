package io.scomon.enrich.load;

import io.scomon.enrich.EnrichApp;
import io.scomon.enrich.config.EnrichConfig;
import io.scomon.enrich.tag.DevSet;
import io.scomon.infra.kafka.KafkaBroker;
import io.scomon.schemas.Article;
import io.scomon.schemas.SourceType;
import io.scomon.schemas.id.ArticleIds;
import io.scomon.schemas.topic.TopicProvisioner;
import io.scomon.schemas.topic.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Load run of the whole enrich topology on a real broker, in two phases:
 *
 * <ol>
 *   <li><b>cold</b>: W warm-up articles are produced, then the app is started and timed until all of
 *       them are enriched: startup, JIT compilation and a backlog, as after a deployment;
 *   <li><b>warm</b>, R rounds: N more articles are sent while the app runs, as ingest-service sends
 *       them, and timed from the first sent to the last enriched article committed
 *       (read_committed); the load's own producer and reader run in this JVM and on these cores,
 *       and count against it. The JIT compilers of this JVM (broker, app, driver) are still busy for
 *       a minute or more after the cold phase, and their CPU is listed: later rounds come closer to
 *       a long-running service.
 * </ol>
 *
 * Articles are about 5 KB (see {@link #articles}). Prints articles per second and where the CPU
 * went; bounded in count and time, stops by itself.
 *
 * <p>Run: {@code deploy/scomon load enrich-service io.scomon.enrich.load.EnrichThroughputLoad [N [W [R]]]}
 * (defaults: N = 20,000, W = a quarter of N, at least 5,000, R = 5)
 */
public final class EnrichThroughputLoad {

  private EnrichThroughputLoad() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int warm = args.length > 1 ? Integer.parseInt(args[1]) : Math.max(5_000, n / 4);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path stateDir = Files.createTempDirectory("scomon-enrich-load-");
    try (KafkaBroker broker = KafkaBroker.startThrowaway(); AutoCloseable cleanup = () -> deleteTree(stateDir)) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        new TopicProvisioner(admin, (short) 1).ensureAll();
      }
      Feed feed = new Feed();
      List<Article> warmUp = feed.next(warm);
      long bytes = warmUp.stream().mapToLong(a -> a.getBody().getBytes(StandardCharsets.UTF_8).length).sum();
      System.out.printf("articles of %.1f KB of body text (UTF-8) on average%n", bytes / 1024.0 / warm);

      EnrichConfig config = EnrichConfig.load(Map.of(
          "enrich.kafka.bootstrap-servers", broker.bootstrapServers(),
          "enrich.application-id", "enrich-load",
          "enrich.state-dir", stateDir.toString(),
          "enrich.http.port", "0",
          "enrich.api.enabled", "false",
          "enrich.threads", "2"));
      try (KafkaProducer<String, Article> producer = producer(broker.bootstrapServers());
          KafkaConsumer<String, byte[]> consumer = outputConsumer(broker.bootstrapServers())) {
        consumer.subscribe(List.of(Topics.ARTICLES_ENRICHED.name()));
        produce(producer, warmUp);
        warmUp = null;
        long start = System.nanoTime();
        try (EnrichApp app = EnrichApp.start(config)) {
          long deadline = start + Duration.ofMinutes(10).toNanos();
          long warmed = awaitOutput(consumer, warm, start, deadline);
          double coldSeconds = (System.nanoTime() - start) / 1e9;
          System.out.printf("cold: %d of %d warm-up articles in %.1f s from app start (startup, JIT, backlog): "
              + "%.0f articles/s%n", warmed, warm, coldSeconds, warmed / coldSeconds);

          com.sun.management.OperatingSystemMXBean os =
              (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
          List<Double> rates = new ArrayList<>();
          for (int round = 1; round <= rounds && System.nanoTime() < deadline; round++) {
            List<Article> articles = feed.next(n); // made before the clock starts
            Map<String, Double> threadsBefore = threadSeconds();
            long cpuStart = os.getProcessCpuTime();
            long measured = System.nanoTime();
            produce(producer, articles);
            articles = null;
            long done = awaitOutput(consumer, n, measured, deadline);
            double seconds = (System.nanoTime() - measured) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
            rates.add(done / seconds);
            System.out.printf("warm round %d: enriched %d of %d articles in %.1f s, from the first sent to the last "
                + "committed (read_committed): %.0f articles/s; app state %s%n", round, done, n, seconds, done / seconds,
                app.state());
            System.out.printf("this JVM (broker, app, producer and reader of the load) used %.1f CPU seconds in those "
                + "%.1f s: %.2f of %d cores, %.2f ms per article%n", cpu, seconds, cpu / seconds,
                Runtime.getRuntime().availableProcessors(), cpu * 1000 / n);
            printBusiestThreads(threadsBefore);
          }
          List<Double> later = new ArrayList<>(rates.subList(rates.size() / 2, rates.size()));
          later.sort(null);
          System.out.printf("warm rounds: %s articles/s; median of the later %d (JIT settling): %.0f articles/s%n",
              rates.stream().map(r -> String.format("%.0f", r)).toList(), later.size(), later.get(later.size() / 2));
          if (app.state() != KafkaStreams.State.RUNNING) {
            System.out.println("WARNING: the app was not running at the end");
          }
        }
      }
    }
  }

  /** Reads committed enriched articles until {@code expected} arrived or the deadline passed; prints progress. */
  private static long awaitOutput(KafkaConsumer<String, byte[]> consumer, long expected, long start, long deadline) {
    long done = 0;
    long lastReport = start;
    long lastDone = 0;
    while (done < expected && System.nanoTime() < deadline) {
      done += consumer.poll(Duration.ofMillis(200)).count();
      long now = System.nanoTime();
      if (now - lastReport >= 10_000_000_000L) {
        System.out.printf("  %3.0f s: %d enriched, %.0f articles/s in the last %.0f s%n", (now - start) / 1e9, done,
            (done - lastDone) / ((now - lastReport) / 1e9), (now - lastReport) / 1e9);
        lastReport = now;
        lastDone = done;
      }
    }
    return done;
  }

  /** Size of a story's body in UTF-8, as it travels on Kafka: about 5 KB (a Chinese one is about 1,700 characters). */
  static final int ARTICLE_BYTES = 5_000;

  /** Share of articles that are another site's copy of an earlier story (syndication, reposts). */
  static final double SYNDICATED = 0.2;

  /** CPU seconds of each thread of this JVM so far, same-named threads summed. */
  private static Map<String, Double> threadSeconds() {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<String, Double> seconds = nativeThreadSeconds();
    for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      long nanos = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
      if (nanos > 0) {
        String name = info.getThreadName().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}-", "");
        name = name.contains("StreamThread") ? name : name.replaceAll("-\\d+$", "-N");
        seconds.merge(name, nanos / 1e9, Double::sum);
      }
    }
    return seconds;
  }

  /**
   * CPU seconds of the JVM's own threads and native threads (JIT compilers, garbage collector,
   * RocksDB), which the ThreadMXBean does not list, read from /proc on Linux (empty elsewhere), by
   * name with digits folded.
   */
  private static Map<String, Double> nativeThreadSeconds() {
    Map<String, Double> seconds = new HashMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return seconds;
    }
    try (var dirs = Files.list(tasks)) {
      for (Path task : (Iterable<Path>) dirs::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          double ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
          if (name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("C1 ") || name.startsWith("C2 ")
              || name.startsWith("rocksdb") || name.startsWith("VM ")) {
            String folded = name.substring(0, 3) + name.substring(3).replaceAll("\\d+", "N");
            seconds.merge("[jvm/native] " + folded, ticks / 100.0, Double::sum); // USER_HZ is 100 on Linux
          }
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      return seconds;
    }
    return seconds;
  }

  /**
   * CPU seconds of the busiest threads (stream threads, broker, load driver, JIT compilers,
   * garbage collector, RocksDB) since {@code before}: where the time went.
   */
  private static void printBusiestThreads(Map<String, Double> before) {
    Map<String, Double> seconds = threadSeconds();
    seconds.replaceAll((name, total) -> total - before.getOrDefault(name, 0.0));
    System.out.printf("CPU seconds by thread (same-named threads summed; %.1f in all threads listed here):%n",
        seconds.values().stream().mapToDouble(Double::doubleValue).sum());
    seconds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(16)
        .forEach(e -> System.out.printf("  %6.1f  %s%n", e.getValue(), e.getKey()));
  }

  /**
   * Articles of about 5 KB, as a news feed brings them: distinct stories in English (70 %),
   * Russian (20 %) and Chinese (10 %), each put together from sentences of the labelled dev set's
   * texts in that language, and one in five a copy of one of the last {@value #RECENT} stories under
   * another URL, with its own first line, as an agency story reads on a second site.
   */
  static final class Feed {

    static final int RECENT = 20_000;

    private final Map<String, List<String>> sentences = sentencesByLanguage();
    private final Random random = new Random(7);
    private final List<String> recent = new ArrayList<>();
    private int made;

    /** The next {@code n} articles. */
    List<Article> next(int n) {
      List<Article> articles = new ArrayList<>(n);
      for (int k = 0; k < n; k++, made++) {
        String body;
        if (made > 10 && random.nextDouble() < SYNDICATED) {
          body = "Published by site " + random.nextInt(50) + ".\n\n" + recent.get(random.nextInt(recent.size()));
        } else {
          double dice = random.nextDouble();
          List<String> pool = sentences.get(dice < 0.7 ? "en" : dice < 0.9 ? "ru" : "zh");
          StringBuilder text = new StringBuilder();
          int utf8 = 0;
          while (utf8 < ARTICLE_BYTES) {
            for (int s = 0; s < 4 && utf8 < ARTICLE_BYTES; s++) {
              String sentence = pool.get(random.nextInt(pool.size()));
              text.append(sentence).append(' ');
              utf8 += sentence.getBytes(StandardCharsets.UTF_8).length + 1;
            }
            text.append("\n\n");
          }
          body = text.toString().strip();
        }
        if (recent.size() < RECENT) {
          recent.add(body);
        } else {
          recent.set(made % RECENT, body);
        }
        String url = "https://load.example.org/story/" + made;
        articles.add(Article.newBuilder()
            .setId(ArticleIds.ofUrl(url)).setCanonicalUrl(url).setUrl(url)
            .setSourceId("load").setSourceType(SourceType.NEWS).setSiteName("Load")
            .setTitle("SCO regional security report " + made).setBody(body).setAuthors(List.of())
            .setPublishedAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(made)).setFetchedAt(Instant.now())
            .setContentHash(Integer.toHexString(body.hashCode())).build());
      }
      return articles;
    }
  }

  /** The sentences of the dev set's English, Russian and Chinese texts. */
  private static Map<String, List<String>> sentencesByLanguage() {
    Map<String, List<String>> out = new HashMap<>();
    for (DevSet.Item text : DevSet.load().items()) {
      String lang = text.lang();
      if (lang.equals("en") || lang.equals("ru") || lang.equals("zh")) {
        for (String sentence : text.text().split("(?<=[.!?。！？])\\s*")) {
          if (sentence.strip().length() >= (lang.equals("zh") ? 8 : 30)) {
            out.computeIfAbsent(lang, k -> new ArrayList<>()).add(sentence.strip());
          }
        }
      }
    }
    return out;
  }

  /** A producer configured as ingest-service's (lz4, large batches). */
  private static KafkaProducer<String, Article> producer(String bootstrap) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20,
        ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
        Topics.ARTICLES.keySerde().serializer(), Topics.ARTICLES.valueSerde().serializer());
  }

  private static void produce(KafkaProducer<String, Article> producer, List<Article> articles) {
    for (Article a : articles) {
      producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), a.getId(), a));
    }
    producer.flush();
  }

  private static KafkaConsumer<String, byte[]> outputConsumer(String bootstrap) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "enrich-load-reader");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static void deleteTree(Path root) {
    try (var walk = Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + root + ": " + e.getMessage());
    }
  }
}
