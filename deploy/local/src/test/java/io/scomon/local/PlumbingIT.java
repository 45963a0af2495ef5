package io.scomon.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.scomon.infra.junit.ElasticsearchCluster;
import io.scomon.infra.junit.KafkaCluster;
import io.scomon.infra.junit.RealElasticsearch;
import io.scomon.infra.junit.RealKafka;
import io.scomon.schemas.Article;
import io.scomon.schemas.SourceType;
import io.scomon.schemas.id.ArticleIds;
import io.scomon.schemas.serde.UnknownSchemaException;
import io.scomon.schemas.topic.TopicProvisioner;
import io.scomon.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract end to end on real parts: Avro on a real topic, a real consumer, a real index. */
@RealKafka
@RealElasticsearch
class PlumbingIT {

  @BeforeAll
  static void createTopics(KafkaCluster kafka) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      new TopicProvisioner(admin, (short) 1).ensureAll();
    }
  }

  @Test
  void anArticleProducedToKafkaIsReadBackIndexedAndFoundBySearch(KafkaCluster kafka, ElasticsearchCluster es)
      throws Exception {
    String url = "https://eng.sectsco.org/news/20250604/plumbing.html";
    Article article = Article.newBuilder()
        .setId(ArticleIds.ofUrl(url)).setCanonicalUrl(url).setUrl(url)
        .setSourceId("sco-secretariat").setSourceType(SourceType.NEWS).setSiteName("SCO Secretariat")
        .setTitle("SCO-Afghanistan Contact Group discusses drug trafficking")
        .setBody("Participants stressed the threat of terrorism and illicit opium trafficking from Afghanistan.")
        .setAuthors(List.of()).setPublishedAt(Instant.parse("2025-06-04T09:00:00Z"))
        .setFetchedAt(Instant.parse("2025-06-04T09:05:00Z")).setLanguageHint("en").setContentHash("h1")
        .build();
    try (KafkaProducer<String, Article> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        Topics.ARTICLES.keySerde().serializer(), Topics.ARTICLES.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), article.getId(), article)).get();
    }

    Article readBack;
    try (KafkaConsumer<String, Article> consumer = consumer(kafka, "plumbing")) {
      consumer.subscribe(List.of(Topics.ARTICLES.name()));
      readBack = pollOne(consumer).value();
    }
    assertThat(readBack).isEqualTo(article);

    RestClient rest = RestClient.builder(HttpHost.create(es.httpUrl())).build();
    try (RestClientTransport transport = new RestClientTransport(rest, new JacksonJsonpMapper())) {
      ElasticsearchClient client = new ElasticsearchClient(transport);
      client.index(i -> i.index("plumbing-articles").id(readBack.getId()).refresh(co.elastic.clients.elasticsearch._types.Refresh.True)
          .document(Map.of("title", readBack.getTitle(), "body", readBack.getBody(),
              "url", readBack.getCanonicalUrl(), "@timestamp", readBack.getPublishedAt().toString())));

      SearchResponse<Map> found = client.search(s -> s.index("plumbing-articles")
          .query(q -> q.match(m -> m.field("body").query("opium trafficking"))), Map.class);

      assertThat(found.hits().hits()).singleElement().satisfies(hit -> {
        assertThat(hit.id()).isEqualTo(article.getId());
        assertThat(hit.source()).containsEntry("title", "SCO-Afghanistan Contact Group discusses drug trafficking");
      });
    }
  }

  @Test
  void aMessageWithAnUnknownSchemaFingerprintIsAClearErrorNotACrash(KafkaCluster kafka) throws Exception {
    byte[] stranger = ByteBuffer.allocate(14).order(ByteOrder.LITTLE_ENDIAN)
        .put((byte) 0xC3).put((byte) 0x01).putLong(0x1234_5678_9abc_def0L).putInt(0).array();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED.name(), 0, "k", stranger)).get();
    }

    try (KafkaConsumer<String, ?> consumer = new KafkaConsumer<>(consumerProps(kafka, "unknown-schema"),
        Topics.ARTICLES_ENRICHED.keySerde().deserializer(), Topics.ARTICLES_ENRICHED.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.ARTICLES_ENRICHED.name()));
      RecordDeserializationException error = (RecordDeserializationException) org.assertj.core.api.Assertions
          .catchThrowable(() -> { for (int i = 0; i < 40; i++) consumer.poll(Duration.ofMillis(500)); });

      assertThat(error).isNotNull();
      assertThat(error.topicPartition()).isEqualTo(new TopicPartition(Topics.ARTICLES_ENRICHED.name(), 0));
      assertThat(error.offset()).isZero();
      assertThat(error.getCause()).isInstanceOf(UnknownSchemaException.class)
          .hasMessageContaining("unknown schema fingerprint 123456789abcdef0 for EnrichedArticle");
      // the consumer can skip the bad record and go on
      consumer.seek(error.topicPartition(), error.offset() + 1);
      assertThat(consumer.poll(Duration.ofMillis(200)).count()).isZero();
    }
  }

  private static <V> ConsumerRecord<String, V> pollOne(KafkaConsumer<String, V> consumer) {
    for (int i = 0; i < 40; i++) {
      ConsumerRecords<String, V> records = consumer.poll(Duration.ofMillis(500));
      if (!records.isEmpty()) {
        assertThat(records.count()).isEqualTo(1);
        return records.iterator().next();
      }
    }
    throw new AssertionError("no record within 20 s");
  }

  private static KafkaConsumer<String, Article> consumer(KafkaCluster kafka, String group) {
    return new KafkaConsumer<>(consumerProps(kafka, group),
        Topics.ARTICLES.keySerde().deserializer(), Topics.ARTICLES.valueSerde().deserializer());
  }

  private static Map<String, Object> consumerProps(KafkaCluster kafka, String group) {
    return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
  }
}
