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
 * Load run of the whole enrich topology on a real broker: N articles of about 5 KB (see
 * {@link #articles}) are produced first, then the app is started and timed until every enriched article is committed
 * (read_committed). Prints articles per second; bounded in count and time, stops by itself.
 *
 * <p>Run: {@code deploy/scomon load enrich-service io.scomon.enrich.load.EnrichThroughputLoad [N]}
 */
public final class EnrichThroughputLoad {

  private EnrichThroughputLoad() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Path stateDir = Files.createTempDirectory("scomon-enrich-load-");
    try (KafkaBroker broker = KafkaBroker.startThrowaway(); AutoCloseable cleanup = () -> deleteTree(stateDir)) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        new TopicProvisioner(admin, (short) 1).ensureAll();
      }
      List<Article> articles = articles(n);
      long bytes = articles.stream().mapToLong(a -> a.getBody().getBytes(StandardCharsets.UTF_8).length).sum();
      produce(broker.bootstrapServers(), articles);
      System.out.printf("produced %d articles, %.1f KB of body text on average%n", n, bytes / 1024.0 / n);

      EnrichConfig config = EnrichConfig.load(Map.of(
          "enrich.kafka.bootstrap-servers", broker.bootstrapServers(),
          "enrich.application-id", "enrich-load",
          "enrich.state-dir", stateDir.toString(),
          "enrich.http.port", "0",
          "enrich.api.enabled", "false",
          "enrich.threads", "2"));
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      try (EnrichApp app = EnrichApp.start(config)) {
        long deadline = start + Duration.ofMinutes(10).toNanos();
        long done = 0;
        try (KafkaConsumer<String, byte[]> consumer = outputConsumer(broker.bootstrapServers())) {
          consumer.subscribe(List.of(Topics.ARTICLES_ENRICHED.name()));
          long lastReport = start;
          long lastDone = 0;
          while (done < n && System.nanoTime() < deadline) {
            done += consumer.poll(Duration.ofMillis(200)).count();
            long now = System.nanoTime();
            if (now - lastReport >= 10_000_000_000L) {
              System.out.printf("  %3.0f s: %d enriched, %.0f articles/s in the last %.0f s%n", (now - start) / 1e9, done,
                  (done - lastDone) / ((now - lastReport) / 1e9), (now - lastReport) / 1e9);
              lastReport = now;
              lastDone = done;
            }
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("enriched %d of %d articles in %.1f s (from app start, incl. startup): %.0f articles/s; "
            + "app state %s%n", done, n, seconds, done / seconds, app.state());

        System.out.printf("this JVM (broker, app, driver) used %.1f CPU seconds in those %.1f s: %.2f of %d cores%n",
            (os.getProcessCpuTime() - cpuStart) / 1e9, seconds, (os.getProcessCpuTime() - cpuStart) / 1e9 / seconds,
            Runtime.getRuntime().availableProcessors());
        printBusiestThreads();
        if (app.state() != KafkaStreams.State.RUNNING) {
          System.out.println("WARNING: the app was not running at the end");
        }
      }
    }
  }

  /** Share of articles that are another site's copy of an earlier story (syndication, reposts). */
  static final double SYNDICATED = 0.2;

  /** CPU seconds of the busiest threads of this JVM (stream threads, broker, load driver): where the time went. */
  private static void printBusiestThreads() {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<String, Double> seconds = new HashMap<>();
    for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      long nanos = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
      if (nanos > 0) {
        String name = info.getThreadName().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}-", "");
        name = name.contains("StreamThread") ? name : name.replaceAll("-\\d+$", "-N");
        seconds.merge(name, nanos / 1e9, Double::sum);
      }
    }
    System.out.println("CPU seconds by thread (same-named threads summed):");
    seconds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(12)
        .forEach(e -> System.out.printf("  %6.1f  %s%n", e.getValue(), e.getKey()));
  }

  /**
   * N articles of about 5 KB, as a news feed brings them: distinct stories in English (70 %),
   * Russian (20 %) and Chinese (10 %), each put together from sentences of the labelled dev set's
   * texts in that language, and one in five a copy of an earlier story under another URL, with its
   * own first line, as an agency story reads on a second site.
   */
  static List<Article> articles(int n) {
    Map<String, List<String>> sentences = sentencesByLanguage();
    Random random = new Random(7);
    List<Article> articles = new ArrayList<>(n);
    List<String> bodies = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String body;
      if (i > 10 && random.nextDouble() < SYNDICATED) {
        body = "Published by site " + random.nextInt(50) + ".\n\n" + bodies.get(random.nextInt(bodies.size()));
      } else {
        double dice = random.nextDouble();
        List<String> pool = sentences.get(dice < 0.7 ? "en" : dice < 0.9 ? "ru" : "zh");
        StringBuilder text = new StringBuilder();
        while (text.length() < 5_000) {
          for (int s = 0; s < 4 && text.length() < 5_000; s++) {
            text.append(pool.get(random.nextInt(pool.size()))).append(' ');
          }
          text.append("\n\n");
        }
        body = text.toString().strip();
      }
      bodies.add(body);
      String url = "https://load.example.org/story/" + i;
      articles.add(Article.newBuilder()
          .setId(ArticleIds.ofUrl(url)).setCanonicalUrl(url).setUrl(url)
          .setSourceId("load").setSourceType(SourceType.NEWS).setSiteName("Load")
          .setTitle("SCO regional security report " + i).setBody(body).setAuthors(List.of())
          .setPublishedAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)).setFetchedAt(Instant.now())
          .setContentHash(Integer.toHexString(body.hashCode())).build());
    }
    return articles;
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

  private static void produce(String bootstrap, List<Article> articles) throws Exception {
    try (KafkaProducer<String, Article> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20,
        ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
        Topics.ARTICLES.keySerde().serializer(), Topics.ARTICLES.valueSerde().serializer())) {
      for (Article a : articles) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), a.getId(), a));
      }
      producer.flush();
    }
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
