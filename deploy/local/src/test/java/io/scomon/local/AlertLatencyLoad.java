package io.scomon.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.scomon.schemas.Article;
import io.scomon.schemas.SourceType;
import io.scomon.schemas.id.ArticleIds;
import io.scomon.schemas.topic.Topics;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Latency from an article entering {@code scomon.articles} to its alert's webhook arriving, on the
 * local stack: N distinct matching articles are produced at a steady rate; the receiver notes when
 * each alert arrives. Prints median, p95 and max. Bounded in count and time.
 *
 * <p>Run: {@code deploy/scomon load deploy/local io.scomon.local.AlertLatencyLoad [N] [PER_SECOND]} (default 200 at 5/s).
 */
public final class AlertLatencyLoad {

  private AlertLatencyLoad() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path data = Files.createTempDirectory("scomon-alert-latency-");
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path sources = data.resolve("no-sources.yml");
    Files.writeString(sources, "sources: []\n");
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    ObjectMapper json = new ObjectMapper();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
    receiver.createContext("/hook", exchange -> {
      long now = System.currentTimeMillis();
      try (exchange; InputStream in = exchange.getRequestBody()) {
        arrivedAt.putIfAbsent(json.readTree(in.readAllBytes()).path("articleId").asText(), now);
        exchange.sendResponseHeaders(200, -1);
      }
    });
    receiver.start();
    LocalStackConfig config = LocalStackConfig.parse(new String[] {"--free-ports", "--sources", sources.toString()},
        Map.of("SCOMON_DATA", data.resolve("stack").toString()));
    LocalStack stack = new LocalStack(config, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      stack.start();
      HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(stack.apiUrl() + "/subscriptions")).header("Authorization", "Bearer " + stack.apiToken())
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
              {"id": "latency", "owner": "bench@example.org", "name": "latency", "query": "opium AND Afghanistan",
               "delivery": {"webhookUrl": "http://127.0.0.1:%d/hook", "webhookSecret": "latency-secret-0123456"},
               "maxAlertsPerHour": 10000}""".formatted(receiver.getAddress().getPort()))).build(),
          HttpResponse.BodyHandlers.ofString());
      if (created.statusCode() != 201) {
        throw new IllegalStateException("subscription refused: " + created.body());
      }
      Random random = new Random(3);
      try (KafkaProducer<String, Article> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(), ProducerConfig.LINGER_MS_CONFIG, 0),
          Topics.ARTICLES.keySerde().serializer(), Topics.ARTICLES.valueSerde().serializer())) {
        for (int i = 0; i < n; i++) {
          Article article = article(i, random);
          sentAt.put(article.getId(), System.currentTimeMillis());
          producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), article.getId(), article));
          producer.flush();
          Thread.sleep(1000L / perSecond);
        }
      }
      long deadline = System.currentTimeMillis() + 120_000;
      while (arrivedAt.size() < n && System.currentTimeMillis() < deadline) {
        Thread.sleep(500);
      }
      List<Long> latencies = new ArrayList<>();
      sentAt.forEach((id, sent) -> {
        Long arrived = arrivedAt.get(id);
        if (arrived != null) {
          latencies.add(arrived - sent);
        }
      });
      Collections.sort(latencies);
      System.out.printf("%n=== article -> webhook latency, %d articles at %d/s ===%n", n, perSecond);
      System.out.printf("alerts arrived: %d of %d%n", latencies.size(), n);
      if (!latencies.isEmpty()) {
        System.out.printf("median %d ms, p95 %d ms, max %d ms%n", latencies.get(latencies.size() / 2),
            latencies.get((int) (latencies.size() * 0.95)), latencies.get(latencies.size() - 1));
      }
    } finally {
      stack.close();
      receiver.stop(0);
      deleteTree(data);
    }
  }

  /** A distinct story (its own words, so it is not a near-duplicate of the others) about opium and Afghanistan. */
  private static Article article(int i, Random random) {
    String[] words = {"border", "province", "police", "customs", "officials", "seized", "tonnes", "route", "laboratory",
        "convoy", "market", "farmers", "harvest", "district", "operation", "agency", "report", "network", "court", "trial"};
    StringBuilder body = new StringBuilder("Opium from Afghanistan, case " + i + ". ");
    for (int w = 0; w < 120; w++) {
      body.append(words[random.nextInt(words.length)]).append(random.nextInt(1000)).append(' ');
    }
    String url = "https://latency.example.org/story/" + i;
    return Article.newBuilder()
        .setId(ArticleIds.ofUrl(url)).setCanonicalUrl(url).setUrl(url)
        .setSourceId("latency").setSourceType(SourceType.NEWS).setSiteName("Latency")
        .setTitle("Opium seizure " + i).setBody(body.toString()).setAuthors(List.of())
        .setPublishedAt(Instant.now()).setFetchedAt(Instant.now()).setContentHash("h" + i).build();
  }

  private static void deleteTree(Path root) {
    try (var walk = Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      System.err.println("could not delete " + root + ": " + e.getMessage());
    }
  }
}
