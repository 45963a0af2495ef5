package io.scomon.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scomon.index.admin.IndexLayout;
import io.scomon.index.admin.IndexTemplates;
import io.scomon.index.config.IndexConfig;
import io.scomon.index.document.ArticleDocuments;
import io.scomon.index.document.IndexDocument;
import io.scomon.infra.junit.ElasticsearchCluster;
import io.scomon.infra.junit.KafkaCluster;
import io.scomon.infra.junit.RealElasticsearch;
import io.scomon.infra.junit.RealKafka;
import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.EntityType;
import io.scomon.schemas.Evidence;
import io.scomon.schemas.TopicTag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.http.HttpHost;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throughput of the writer (Kafka -> decode -> map -> route -> BulkIngester -> Elasticsearch, offsets
 * committed) against a plain {@code _bulk} load of the same documents, same index names and versions,
 * same request size and concurrency, on the same server in the same run. Rounds alternate the two
 * loads on freshly deleted indices. Not part of the normal build: {@code mvn -B -o -pl index-service
 * verify -Pbench} (sizes: {@code -Dbench.articles=10000 -Dbench.rounds=5}).
 */
@RealKafka
@RealElasticsearch
class WriterThroughputBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(WriterThroughputBenchmark.class);
  private static final int ARTICLES = Integer.getInteger("bench.articles", 10_000);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
  private static final String MONTHS = "scomon-articles-2035.*";

  @Test
  void writerThroughputAsARatioOfAPlainBulkLoad(KafkaCluster kafka, ElasticsearchCluster es) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<EnrichedArticle> articles = generate(ARTICLES);
    IndexConfig config = PipelineFixture.config(kafka, es.httpUrl(), "unused",
        "index.bulk.flush-interval", "1s", "index.shutdown.timeout", "30s");
    int actions = config.bulk().maxActions();
    int concurrency = config.bulk().maxConcurrentRequests();
    ArticleDocuments documents = new ArticleDocuments(mapper);
    Instant now = Instant.now();
    List<byte[]> plainBodies = bulkBodies(articles.stream().map(a -> documents.document(a, now)).toList(), actions);
    long bytes = plainBodies.stream().mapToLong(b -> b.length).sum();

    try (PipelineFixture pipeline = new PipelineFixture(kafka);
         RestClient rest = RestClient.builder(HttpHost.create(es.httpUrl())).build();
         RestClientTransport transport = new RestClientTransport(
             RestClient.builder(HttpHost.create(es.httpUrl())).build(), new JacksonJsonpMapper())) {
      ElasticsearchClient client = new ElasticsearchClient(transport);
      IndexLayout layout = new IndexLayout(client, new IndexTemplates(mapper), config.layout(), Clock.systemUTC());
      layout.install();
      long produceStart = System.nanoTime();
      for (int i = 0; i < articles.size(); i += 1000) {
        pipeline.produceAll(articles.subList(i, Math.min(articles.size(), i + 1000)));
      }
      LOG.info("produced {} articles ({} MB of bulk bodies) in {} ms", ARTICLES, bytes / (1024 * 1024),
          (System.nanoTime() - produceStart) / 1_000_000);

      // warm-up (JIT of both paths, first index creations), not counted
      clean(rest);
      plainBulk(rest, plainBodies.subList(0, Math.min(plainBodies.size(), 3)), concurrency);
      clean(rest);
      writer(kafka, es, 0, Math.min(ARTICLES, 3 * actions));
      List<double[]> rounds = new ArrayList<>();
      for (int round = 1; round <= ROUNDS; round++) {
        clean(rest);
        long cpu = elasticsearchCpuMillis(rest);
        long ownCpu = ownCpuMillis();
        double plain = plainBulk(rest, plainBodies, concurrency);
        long plainCpu = elasticsearchCpuMillis(rest) - cpu;
        long plainOwnCpu = ownCpuMillis() - ownCpu;
        assertThat(count(rest)).isEqualTo(ARTICLES);
        clean(rest);
        cpu = elasticsearchCpuMillis(rest);
        ownCpu = ownCpuMillis();
        double writer = writer(kafka, es, round, ARTICLES);
        long writerCpu = elasticsearchCpuMillis(rest) - cpu;
        long writerOwnCpu = ownCpuMillis() - ownCpu;
        assertThat(count(rest)).isEqualTo(ARTICLES);
        rounds.add(new double[] {plain, writer, plainCpu, writerCpu, plainOwnCpu, writerOwnCpu});
        LOG.info("round {}: plain _bulk {} docs/s, writer {} docs/s, ratio {}; Elasticsearch CPU {} ms vs {} ms, "
            + "this JVM {} ms vs {} ms", round, (long) plain, (long) writer, String.format("%.3f", writer / plain),
            plainCpu, writerCpu, plainOwnCpu, writerOwnCpu);
      }
      report(rounds, bytes, actions, concurrency);
    }
  }

  /** Sends the prepared bodies with {@code concurrency} threads; returns documents per second. */
  private static double plainBulk(RestClient rest, List<byte[]> bodies, int concurrency) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      long start = System.nanoTime();
      List<Future<?>> sent = new ArrayList<>();
      for (byte[] body : bodies) {
        sent.add(pool.submit(() -> {
          Request request = new Request("POST", "/_bulk");
          request.setEntity(new NByteArrayEntity(body, ContentType.create("application/x-ndjson")));
          Response response = rest.performRequest(request);
          String answer = EntityUtils.toString(response.getEntity());
          if (answer.startsWith("{\"errors\":true") || answer.contains("\"errors\":true")) {
            throw new IllegalStateException("plain bulk had item errors: " + answer.substring(0, 500));
          }
          return null;
        }));
      }
      for (Future<?> f : sent) {
        f.get();
      }
      return ARTICLES / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Starts index-service on a fresh consumer group and returns documents per second from the moment it
   * runs (layout installed; the consumer group join is counted) until {@code articles} are acknowledged.
   */
  private static double writer(KafkaCluster kafka, ElasticsearchCluster es, int round, int articles) {
    IndexConfig config = PipelineFixture.config(kafka, es.httpUrl(), PipelineFixture.group("bench-" + round),
        "index.bulk.flush-interval", "1s", "index.shutdown.timeout", "30s");
    try (IndexService service = IndexService.start(config)) {
      long start = System.nanoTime();
      while (service.metrics().count("scomon.index.documents.indexed", "kind", "article") < articles) {
        if (System.nanoTime() - start > Duration.ofMinutes(10).toNanos()) {
          throw new AssertionError("the writer did not index " + ARTICLES + " articles in 10 minutes");
        }
        sleep(5);
      }
      return articles / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static void report(List<double[]> rounds, long bytes, int actions, int concurrency) throws IOException {
    StringBuilder text = new StringBuilder();
    text.append(String.format("writer throughput benchmark: %d articles (%.1f MB of JSON), bulk %d actions, %d "
        + "concurrent requests, %d CPUs%n", ARTICLES, bytes / 1048576.0, actions, concurrency,
        Runtime.getRuntime().availableProcessors()));
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < rounds.size(); i++) {
      double[] r = rounds.get(i);
      ratios.add(r[1] / r[0]);
      text.append(String.format("round %d: plain _bulk %.0f docs/s, writer %.0f docs/s, ratio %.3f; CPU of "
          + "Elasticsearch %.0f / %.0f ms, of this JVM (client, writer, Kafka broker) %.0f / %.0f ms%n", i + 1, r[0],
          r[1], r[1] / r[0], r[2], r[3], r[4], r[5]));
    }
    List<Double> sorted = ratios.stream().sorted().toList();
    double median = sorted.get(sorted.size() / 2);
    double plainTotal = rounds.stream().mapToDouble(r -> ARTICLES / r[0]).sum();
    double writerTotal = rounds.stream().mapToDouble(r -> ARTICLES / r[1]).sum();
    text.append(String.format("median ratio writer / plain _bulk: %.3f (goal >= 0.9); ratio of total times: %.3f%n",
        median, plainTotal / writerTotal));
    double plainCpu = rounds.stream().mapToDouble(r -> r[2]).sum();
    double writerCpu = rounds.stream().mapToDouble(r -> r[3]).sum();
    double plainOwn = rounds.stream().mapToDouble(r -> r[4]).sum();
    double writerOwn = rounds.stream().mapToDouble(r -> r[5]).sum();
    text.append(String.format("CPU per article: Elasticsearch plain %.3f ms, writer %.3f ms; this JVM plain %.3f ms, "
        + "writer %.3f ms%n", plainCpu / rounds.size() / ARTICLES, writerCpu / rounds.size() / ARTICLES,
        plainOwn / rounds.size() / ARTICLES, writerOwn / rounds.size() / ARTICLES));
    Path out = Path.of("target/benchmark/writer-throughput.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
    LOG.info("\n{}", text);
  }

  private static List<byte[]> bulkBodies(List<IndexDocument> documents, int perRequest) {
    List<byte[]> bodies = new ArrayList<>();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int inBody = 0;
    for (IndexDocument d : documents) {
      String action = "{\"index\":{\"_index\":\"" + d.index() + "\",\"_id\":\"" + d.id() + "\",\"version\":"
          + d.version() + ",\"version_type\":\"external\"}}\n";
      body.writeBytes(action.getBytes(StandardCharsets.UTF_8));
      body.writeBytes(d.source());
      body.write('\n');
      if (++inBody == perRequest) {
        bodies.add(body.toByteArray());
        body.reset();
        inBody = 0;
      }
    }
    if (inBody > 0) {
      bodies.add(body.toByteArray());
    }
    return bodies;
  }

  /** Deletes the benchmark's month indices and the routing index (by name: wildcard deletes are refused). */
  private static void clean(RestClient rest) throws IOException {
    Response listed = rest.performRequest(new Request("GET", "/_cat/indices/" + MONTHS + "?h=index"));
    List<String> indices = new ArrayList<>(EntityUtils.toString(listed.getEntity()).lines()
        .map(String::strip).filter(l -> !l.isEmpty()).toList());
    indices.add("scomon-routing");
    Request delete = new Request("DELETE", "/" + String.join(",", indices));
    delete.addParameter("ignore_unavailable", "true");
    rest.performRequest(delete);
  }

  /** CPU time of this JVM: the benchmark's client, the writer and the in-JVM Kafka broker. */
  private static long ownCpuMillis() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
  }

  /** CPU time the Elasticsearch process has used so far (it is a child process: its own accounting). */
  private static long elasticsearchCpuMillis(RestClient rest) throws IOException {
    Response response = rest.performRequest(new Request("GET", "/_nodes/stats/process"));
    long total = 0;
    for (var node : new ObjectMapper().readTree(EntityUtils.toString(response.getEntity())).get("nodes")) {
      total += node.at("/process/cpu/total_in_millis").asLong();
    }
    return total;
  }

  private static long count(RestClient rest) throws IOException {
    rest.performRequest(new Request("POST", "/" + MONTHS + "/_refresh"));
    Response response = rest.performRequest(new Request("GET", "/" + MONTHS + "/_count"));
    String body = EntityUtils.toString(response.getEntity());
    return new ObjectMapper().readTree(body).get("count").asLong();
  }

  /** Articles like enrich-service emits: 2-3 KB bodies, a few topics with evidence, entities with places. */
  static List<EnrichedArticle> generate(int count) {
    String[] sentences = {
        "The Shanghai Cooperation Organisation held consultations on regional security in Astana.",
        "Delegations discussed counter-terrorism cooperation and the Regional Anti-Terrorist Structure.",
        "Officials highlighted drug trafficking routes from Afghanistan through Central Asia.",
        "Trade ministers reviewed transport corridors linking China, Kazakhstan and Uzbekistan.",
        "The summit declaration called for stability in Afghanistan and an inclusive government.",
        "Energy projects and pipelines featured in talks between member states.",
        "Border guards reported seizures of heroin and synthetic drugs near the Tajik border.",
        "Observers noted growing cooperation between India, Pakistan and Iran within the organisation.",
        "The secretary-general met foreign ministers to prepare the heads of state council.",
        "Analysts expect the next summit to focus on connectivity and digital economy."};
    Random random = new Random(42);
    List<EnrichedArticle> articles = new ArrayList<>(count);
    Instant enriched = Instant.parse("2035-04-01T00:00:00Z");
    for (int i = 0; i < count; i++) {
      StringBuilder body = new StringBuilder();
      int length = 2000 + random.nextInt(1000);
      while (body.length() < length) {
        body.append(sentences[random.nextInt(sentences.length)]).append(random.nextInt(10) == 0 ? "\n\n" : " ");
      }
      // like live coverage: most stories from this month, some late coverage of last month's
      Instant published = (random.nextInt(100) < 85 ? Instant.parse("2035-02-01T00:00:00Z")
          : Instant.parse("2035-01-01T00:00:00Z")).plusSeconds(random.nextInt(27 * 24 * 3600));
      EnrichedArticle a = TestArticles.article("https://bench.example/news/" + i, published, published.plusSeconds(90),
          enriched.plusMillis(i), "bench-" + (i % 40), "SCO benchmark story " + i);
      a.getArticle().setBody(body.toString());
      a.setTopics(List.of(
          TopicTag.newBuilder().setName(i % 2 == 0 ? "security" : "trade").setScore(0.4 + random.nextDouble() / 2)
              .setEvidence(List.of(Evidence.newBuilder().setTerm("terrorism").setCount(2).setField("body")
                  .setWeight(1.5).build())).build(),
          TopicTag.newBuilder().setName("afghanistan").setScore(0.3).setEvidence(List.of()).build()));
      a.setEntities(List.of(
          TestArticles.entity(EntityType.COUNTRY, "KZ", "Kazakhstan", null, null, null),
          TestArticles.entity(EntityType.PLACE, "astana", "Astana", "KZ", 51.17, 71.45),
          TestArticles.entity(EntityType.ORGANIZATION, "sco", "Shanghai Cooperation Organisation", null, null, null)));
      articles.add(a);
    }
    return articles;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
