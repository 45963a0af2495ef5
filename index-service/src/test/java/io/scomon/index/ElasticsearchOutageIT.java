package io.scomon.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.core.search.Hit;
import io.scomon.index.PipelineFixture.Search;
import io.scomon.infra.elasticsearch.ElasticsearchDistribution;
import io.scomon.infra.elasticsearch.ElasticsearchNode;
import io.scomon.infra.junit.KafkaCluster;
import io.scomon.infra.junit.RealKafka;
import io.scomon.infra.process.Ports;
import io.scomon.schemas.EnrichedArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch goes away for 30 seconds in the middle of a load and comes back on the same data
 * and port: the writer retries, the consumer pauses, and afterwards every article is there once.
 */
@RealKafka
class ElasticsearchOutageIT {

  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchOutageIT.class);
  private static final int ARTICLES = 3000;
  private static final Duration OUTAGE = Duration.ofSeconds(30);

  @Test
  void everyArticleIsIndexedExactlyOnceAcrossAThirtySecondOutage(KafkaCluster kafka) throws Exception {
    Path home = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "scomon-index-outage-");
    ElasticsearchDistribution distribution = ElasticsearchDistribution.fromSystemProperties();
    ElasticsearchNode.Settings settings = ElasticsearchNode.Settings.throwaway().withHome(home)
        .withHttpPort(Ports.free());
    ElasticsearchNode node = ElasticsearchNode.start(distribution, settings);
    List<EnrichedArticle> load = load();
    try (PipelineFixture pipeline = new PipelineFixture(kafka);
         IndexService service = IndexService.start(PipelineFixture.config(kafka, node.httpUrl(),
             PipelineFixture.group("outage"), "index.retry.max-backoff", "2s",
             "index.elasticsearch.socket-timeout", "10s"))) {

      AtomicInteger produced = new AtomicInteger();
      CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
        for (int i = 0; i < ARTICLES; i += 50) {
          pipeline.produceAll(load.subList(i, Math.min(ARTICLES, i + 50)));
          produced.addAndGet(Math.min(50, ARTICLES - i));
          sleep(500); // about 100 articles a second: the load goes on well into the outage
        }
      });
      await().atMost(Duration.ofSeconds(60)).until(() ->
          service.metrics().count("scomon.index.documents.indexed", "kind", "article") >= 600);

      long stoppedAt = System.nanoTime();
      node.close();
      int producedAtStop = produced.get();
      LOG.info("Elasticsearch stopped with {} of {} articles produced, {} indexed", producedAtStop, ARTICLES,
          service.metrics().count("scomon.index.documents.indexed", "kind", "article"));
      assertThat(producedAtStop).as("stopped in the middle of the load").isLessThan(ARTICLES * 2 / 3);
      await().atMost(Duration.ofSeconds(15)).until(() -> !service.ready());
      sleep(OUTAGE.toMillis() - (System.nanoTime() - stoppedAt) / 1_000_000);
      node = ElasticsearchNode.start(distribution, settings);
      LOG.info("Elasticsearch back after {} s", (System.nanoTime() - stoppedAt) / 1_000_000_000);

      producing.get();
      try (Search search = new Search(node.httpUrl())) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
            assertThat(search.bySource("scomon-articles", "outage")).hasSize(ARTICLES));
        List<Hit<Map>> hits = search.bySource("scomon-articles", "outage");
        assertThat(hits).extracting(Hit::id).doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(load.stream().map(a -> a.getArticle().getId()).toList());
        Set<String> months = hits.stream().map(Hit::index).collect(Collectors.toSet());
        assertThat(months).containsExactlyInAnyOrder("scomon-articles-2040.01", "scomon-articles-2040.02",
            "scomon-articles-2040.03");
      }
      await().atMost(Duration.ofSeconds(15)).until(service::ready);
    } finally {
      node.close();
      deleteTree(home);
    }
  }

  private static List<EnrichedArticle> load() {
    Instant enriched = Instant.parse("2040-04-01T00:00:00Z");
    List<EnrichedArticle> articles = new ArrayList<>();
    IntStream.range(0, ARTICLES).forEach(i -> {
      Instant published = Instant.parse("2040-0" + (1 + i % 3) + "-10T12:00:00Z").plusSeconds(i);
      articles.add(TestArticles.article("https://outage.example/news/" + i, published, published.plusSeconds(30),
          enriched.plusMillis(i), "outage", "Outage load article " + i));
    });
    return articles;
  }

  private static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
