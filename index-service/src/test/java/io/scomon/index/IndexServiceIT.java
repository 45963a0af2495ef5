package io.scomon.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.core.search.Hit;
import io.scomon.index.PipelineFixture.Search;
import io.scomon.infra.junit.ElasticsearchCluster;
import io.scomon.infra.junit.KafkaCluster;
import io.scomon.infra.junit.RealElasticsearch;
import io.scomon.infra.junit.RealKafka;
import io.scomon.schemas.Alert;
import io.scomon.schemas.DeadLetter;
import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.topic.Topics;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * index-service on a real broker and a real Elasticsearch. One service runs for the whole class;
 * each test writes its own months and source ids, so counts are exact. Restart tests start their own.
 */
@RealKafka
@RealElasticsearch
class IndexServiceIT {

  private static PipelineFixture pipeline;
  private static Search search;
  private static IndexService service;
  private static KafkaCluster kafka;
  private static ElasticsearchCluster es;

  @BeforeAll
  static void start(KafkaCluster kafkaCluster, ElasticsearchCluster elasticsearch) {
    kafka = kafkaCluster;
    es = elasticsearch;
    pipeline = new PipelineFixture(kafka);
    search = new Search(es.httpUrl());
    service = IndexService.start(PipelineFixture.config(kafka, es.httpUrl(), PipelineFixture.group("shared")));
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
    search.close();
    pipeline.close();
  }

  @Test
  void enrichedArticlesProducedToTheTopicAreIndexedExactlyOnce() {
    List<EnrichedArticle> batch = articles("exactly-once", "2030-01", 300);

    pipeline.produceAll(batch);

    Set<String> expected = ids(batch);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(search.bySource("scomon-articles", "exactly-once")).hasSize(300));
    List<Hit<Map>> hits = search.bySource("scomon-articles", "exactly-once");
    assertThat(hits).extracting(Hit::id).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(hits).extracting(Hit::index).containsOnly("scomon-articles-2030.01");
    assertThat(hits.get(0).source()).containsEntry("@timestamp", "2030-01-15T10:00:00Z");
  }

  @Test
  void aReplayAndAnOlderCopyNeitherDuplicateNorOverwrite() {
    List<EnrichedArticle> batch = articles("replay", "2030-02", 40);
    pipeline.produceAll(batch);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(search.bySource("scomon-articles", "replay")).hasSize(40));
    double supersededBefore = service.metrics().count("scomon.index.documents.superseded", "kind", "article");
    double deletedBefore = service.metrics().total("scomon.index.duplicates.deleted");

    pipeline.produceAll(batch); // the same records again
    EnrichedArticle older = copy(batch.get(0));
    older.getArticle().setTitle("OLDER COPY");
    older.setEnrichedAt(batch.get(0).getEnrichedAt().minusSeconds(60));
    pipeline.produce(older);
    EnrichedArticle moved = copy(batch.get(1)); // a newer copy whose publish date moved to the next month
    moved.getArticle().setTitle("NEWER COPY");
    moved.getArticle().setPublishedAt(Instant.parse("2030-03-02T08:00:00Z"));
    moved.setEnrichedAt(batch.get(1).getEnrichedAt().plusSeconds(60));
    pipeline.produce(moved);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(service.metrics().count("scomon.index.documents.superseded", "kind", "article") - supersededBefore)
          .isGreaterThanOrEqualTo(41);
      assertThat(service.metrics().total("scomon.index.duplicates.deleted") - deletedBefore).isEqualTo(1);
      assertThat(search.bySource("scomon-articles", "replay")).hasSize(40); // the copy left in February is gone
    });
    List<Hit<Map>> hits = search.bySource("scomon-articles", "replay");
    assertThat(hits).extracting(Hit::id).doesNotHaveDuplicates();
    assertThat(title(batch.get(0))).isEqualTo(batch.get(0).getArticle().getTitle()); // the older copy did not win
    Hit<Map> inMarch = hitOf(batch.get(1));
    assertThat(inMarch.index()).isEqualTo("scomon-articles-2030.03");
    assertThat(inMarch.source()).containsEntry("@timestamp", "2030-03-02T08:00:00Z");
    assertThat(title(batch.get(1))).isEqualTo("NEWER COPY");

    double supersededNow = service.metrics().count("scomon.index.documents.superseded", "kind", "article");
    double indexedNow = service.metrics().count("scomon.index.documents.indexed", "kind", "article");
    pipeline.produce(batch.get(1)); // the copy it replaced, replayed into February again
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(service.metrics().count("scomon.index.documents.superseded", "kind", "article")
          + service.metrics().count("scomon.index.documents.indexed", "kind", "article"))
          .isGreaterThan(supersededNow + indexedNow);
      assertThat(service.metrics().gauge("scomon.index.duplicates.pending")).isZero();
    });
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(search.bySource("scomon-articles", "replay")).hasSize(40);
      assertThat(hitOf(batch.get(1)).index()).isEqualTo("scomon-articles-2030.03");
    });
  }

  @Test
  void aDocumentWithAFieldOfTheWrongTypeGoesToTheDlqWithTheReasonAndTheServiceKeepsGoing() throws Exception {
    // someone created this month's index by hand with scomon.language as a number
    search.client.indices().create(c -> c.index("scomon-articles-1999.01").withJson(new StringReader(
        "{\"mappings\":{\"properties\":{\"scomon\":{\"properties\":{\"language\":{\"type\":\"long\"}}}}}}")));
    EnrichedArticle bad = TestArticles.article("https://www.fergana.news/1999/01/old-story", Instant.parse(
        "1999-01-15T10:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:01Z"),
        "wrong-type", "Old story");
    EnrichedArticle good = articles("after-wrong-type", "2030-04", 1).get(0);

    RecordMetadata badAt = pipeline.produce(bad);
    pipeline.produce(good);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(search.bySource("scomon-articles", "after-wrong-type")).hasSize(1));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(letterAt(badAt)).isNotNull());
    DeadLetter letter = letterAt(badAt);
    assertThat(letter.getService()).isEqualTo("index");
    assertThat(letter.getStage()).isEqualTo("index");
    assertThat(letter.getReason()).contains("scomon.language").contains("document_parsing_exception");
    assertThat(letter.getErrorClass()).isEqualTo("document_parsing_exception");
    assertThat(letter.getContext()).containsEntry("index", "scomon-articles-1999.01").containsEntry("status", "400");
    assertThat(bytes(letter.getOriginalValue()))
        .isEqualTo(Topics.ARTICLES_ENRICHED.valueSerde().serializer().serialize(null, bad));
    assertThat(new String(bytes(letter.getOriginalKey()), StandardCharsets.UTF_8)).isEqualTo(bad.getArticle().getId());
    assertThat(search.bySource("scomon-articles", "wrong-type")).isEmpty();
  }

  @Test
  void aRecordThatFailsToDecodeGoesToTheDlqWithItsBytes() {
    byte[] garbage = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);

    RecordMetadata at = pipeline.produceRaw(Topics.ARTICLES_ENRICHED.name(), "garbage-key", garbage);
    pipeline.produce(articles("after-garbage", "2030-04", 1).get(0));

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(search.bySource("scomon-articles", "after-garbage")).hasSize(1);
      assertThat(letterAt(at)).isNotNull();
    });
    DeadLetter letter = letterAt(at);
    assertThat(letter.getStage()).isEqualTo("decode");
    assertThat(letter.getReason()).contains("not an Avro single-object message");
    assertThat(bytes(letter.getOriginalValue())).isEqualTo(garbage);
    assertThat(letter.getSourcePartition()).isEqualTo(at.partition());
  }

  @Test
  void anIndexDeletedByHandWhileRunningIsRecreatedAndWritingContinues() throws Exception {
    pipeline.produceAll(articles("deleted-before", "2030-05", 20));
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(search.bySource("scomon-articles", "deleted-before")).hasSize(20));

    search.client.indices().delete(d -> d.index("scomon-articles-2030.05"));
    pipeline.produceAll(articles("deleted-after", "2030-05", 20));

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(search.bySource("scomon-articles", "deleted-after")).hasSize(20));
    assertThat(search.client.indices().getAlias(a -> a.name("scomon-articles")).result())
        .containsKey("scomon-articles-2030.05");
    assertThat(search.client.indices().getMapping(m -> m.index("scomon-articles-2030.05")).result()
        .get("scomon-articles-2030.05").mappings().dynamic().jsonValue()).isEqualTo("strict");
  }

  @Test
  void alertsAreIndexedOncePerAlertId() {
    EnrichedArticle article = TestArticles.contactGroup();
    Alert first = TestArticles.alert(article, "sub-it-1");
    Alert second = TestArticles.alert(article, "sub-it-2");

    pipeline.produce(first);
    pipeline.produce(second);
    pipeline.produce(first); // replayed

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(search.hits("scomon-alerts",
        co.elastic.clients.elasticsearch._types.query_dsl.Query.of(q -> q.prefix(p -> p.field("scomon.subscription.id")
            .value("sub-it-"))))).extracting(Hit::id).containsExactlyInAnyOrder(first.getId(), second.getId()));
  }

  @Test
  void healthAndMetricsAreServedOnLoopback() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + service.httpPort();

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(get(http, base + "/health/ready").statusCode()).isEqualTo(200));
    HttpResponse<String> ready = get(http, base + "/health/ready");
    assertThat(ready.body()).contains("\"kafka\":\"UP\"").contains("\"elasticsearch\":\"UP\"");
    assertThat(get(http, base + "/health/live").statusCode()).isEqualTo(200);
    pipeline.produce(articles("metrics", "2030-06", 1).get(0));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      String metrics = get(http, base + "/metrics").body();
      assertThat(metrics).contains("scomon_index_documents_indexed_total{kind=\"article\"}")
          .contains("scomon_index_bulk_latency_seconds_count")
          .contains("scomon_index_consumer_lag{topic=\"scomon.articles.enriched\"}")
          .contains("scomon_index_pending_records");
    });
  }

  @Test
  void offsetsAreCommittedOnlyForWhatElasticsearchAcknowledged() throws Exception {
    String group = PipelineFixture.group("commit");
    String blocked = "scomon-articles-2030.07";
    search.client.indices().create(c -> c.index(blocked));
    search.client.indices().putSettings(s -> s.index(blocked).settings(x -> x.blocks(b -> b.write(true))));
    List<EnrichedArticle> batch = articles("commit", "2030-07", 30);
    List<RecordMetadata> sent;
    try (IndexService first = IndexService.start(PipelineFixture.config(kafka, es.httpUrl(), group))) {
      sent = pipeline.produceAll(batch);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(first.metrics().count("scomon.index.documents.failed", "kind", "article", "outcome", "retry"))
              .isGreaterThanOrEqualTo(30));
      assertCommittedBelow(group, sent);
    } // stopped mid-way: Elasticsearch never acknowledged those 30
    assertCommittedBelow(group, sent);

    search.client.indices().putSettings(s -> s.index(blocked).settings(x -> x.blocks(b -> b.write(false))));
    try (IndexService second = IndexService.start(PipelineFixture.config(kafka, es.httpUrl(), group))) {
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(search.bySource("scomon-articles", "commit")).hasSize(30));
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        Map<TopicPartition, Long> committed = pipeline.committed(group);
        for (RecordMetadata m : sent) {
          assertThat(committed.get(new TopicPartition(m.topic(), m.partition()))).isGreaterThan(m.offset());
        }
      });
    }
    assertThat(search.bySource("scomon-articles", "commit")).extracting(Hit::id)
        .containsExactlyInAnyOrderElementsOf(ids(batch));
  }

  private void assertCommittedBelow(String group, List<RecordMetadata> sent) {
    Map<TopicPartition, Long> committed = pipeline.committed(group);
    Map<TopicPartition, Long> firstBlocked = sent.stream().collect(Collectors.toMap(
        m -> new TopicPartition(m.topic(), m.partition()), RecordMetadata::offset, Math::min));
    firstBlocked.forEach((tp, offset) -> assertThat(committed.getOrDefault(tp, 0L))
        .as("committed offset of %s", tp).isLessThanOrEqualTo(offset));
  }

  static List<EnrichedArticle> articles(String sourceId, String month, int count) {
    Instant published = Instant.parse(month + "-15T10:00:00Z");
    Instant enriched = Instant.parse("2030-06-01T00:00:00Z");
    return IntStream.range(0, count).mapToObj(i -> TestArticles.article(
        "https://news.example/" + sourceId + "/" + i, published, published.plusSeconds(60),
        enriched.plusMillis(i), sourceId, "SCO " + sourceId + " story " + i)).toList();
  }

  private static Set<String> ids(List<EnrichedArticle> batch) {
    return batch.stream().map(a -> a.getArticle().getId()).collect(Collectors.toSet());
  }

  private static EnrichedArticle copy(EnrichedArticle article) {
    return EnrichedArticle.newBuilder(article).setArticle(io.scomon.schemas.Article.newBuilder(article.getArticle())
        .build()).build();
  }

  private static Hit<Map> hitOf(EnrichedArticle article) {
    List<Hit<Map>> hits = search.hits("scomon-articles", co.elastic.clients.elasticsearch._types.query_dsl.Query.of(
        q -> q.ids(i -> i.values(article.getArticle().getId()))));
    assertThat(hits).hasSize(1);
    return hits.get(0);
  }

  @SuppressWarnings("unchecked")
  private static String title(EnrichedArticle article) {
    Map<String, Object> scomon = (Map<String, Object>) hitOf(article).source().get("scomon");
    return (String) scomon.get("title");
  }

  private static DeadLetter letterAt(RecordMetadata at) {
    List<DeadLetter> letters = new ArrayList<>(pipeline.deadLetters());
    return letters.stream().filter(l -> at.topic().equals(l.getSourceTopic())
            && Integer.valueOf(at.partition()).equals(l.getSourcePartition())
            && Long.valueOf(at.offset()).equals(l.getSourceOffset()))
        .findFirst().orElse(null);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer b = buffer.duplicate();
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    return bytes;
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
