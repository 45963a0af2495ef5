package io.scomon.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.scomon.index.config.IndexConfig;
import io.scomon.index.config.IndexConfigLoader;
import io.scomon.infra.junit.KafkaCluster;
import io.scomon.schemas.Alert;
import io.scomon.schemas.DeadLetter;
import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.topic.TopicProvisioner;
import io.scomon.schemas.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elasticsearch.client.RestClient;

/** What the integration tests share: configuration for a real broker and cluster, producing, reading back. */
public final class PipelineFixture implements AutoCloseable {

  private final KafkaCluster kafka;
  private final KafkaProducer<String, EnrichedArticle> articles;
  private final KafkaProducer<String, Alert> alerts;
  private final KafkaProducer<String, byte[]> raw;

  public PipelineFixture(KafkaCluster kafka) {
    this.kafka = kafka;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      new TopicProvisioner(admin, (short) 1).ensureAll();
    }
    Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG, 5);
    articles = new KafkaProducer<>(props, new StringSerializer(), Topics.ARTICLES_ENRICHED.valueSerde().serializer());
    alerts = new KafkaProducer<>(props, new StringSerializer(), Topics.ALERTS.valueSerde().serializer());
    raw = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  /** The service's configuration for this broker and cluster, quick to flush and retry, with a fresh group. */
  public static IndexConfig config(KafkaCluster kafka, String elasticsearchUrl, String group, String... overrides) {
    Map<String, String> props = new HashMap<>();
    props.put("index.kafka.bootstrap-servers", kafka.bootstrapServers());
    props.put("index.kafka.group-id", group);
    props.put("index.kafka.commit-interval", "200ms");
    props.put("index.elasticsearch.url", elasticsearchUrl);
    props.put("index.elasticsearch.startup-timeout", "30s");
    props.put("index.bulk.flush-interval", "200ms");
    props.put("index.retry.initial-backoff", "50ms");
    props.put("index.retry.max-backoff", "1s");
    props.put("index.retry.max-item-attempts", "1000");
    props.put("index.http.port", "0");
    props.put("index.http.health-check-interval", "300ms");
    props.put("index.shutdown.timeout", "5s");
    for (int i = 0; i < overrides.length; i += 2) {
      props.put(overrides[i], overrides[i + 1]);
    }
    return IndexConfigLoader.load(Map.of(), props);
  }

  public static String group(String name) {
    return "it-" + name + "-" + UUID.randomUUID();
  }

  public RecordMetadata produce(EnrichedArticle article) {
    return await(articles.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED.name(), article.getArticle().getId(),
        article)));
  }

  public List<RecordMetadata> produceAll(List<EnrichedArticle> batch) {
    List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
    for (EnrichedArticle a : batch) {
      sent.add(articles.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED.name(), a.getArticle().getId(), a)));
    }
    return sent.stream().map(PipelineFixture::await).toList();
  }

  public RecordMetadata produce(Alert alert) {
    return await(alerts.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.getId(), alert)));
  }

  public RecordMetadata produceRaw(String topic, String key, byte[] value) {
    return await(raw.send(new ProducerRecord<>(topic, key, value)));
  }

  /** Every dead letter on scomon.dlq so far. */
  public List<DeadLetter> deadLetters() {
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, group("dlq-reader"), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<DeadLetter> letters = new ArrayList<>();
    try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(props,
        Topics.DLQ.keySerde().deserializer(), Topics.DLQ.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.DLQ.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, DeadLetter> r : consumer.poll(Duration.ofMillis(200))) {
          letters.add(r.value());
        }
      }
    }
    return letters;
  }

  /** Offsets the group committed, by partition. */
  public Map<TopicPartition, Long> committed(String group) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, Long> result = new HashMap<>();
      offsets.forEach((tp, o) -> {
        if (o != null) {
          result.put(tp, o.offset());
        }
      });
      return result;
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    articles.close();
    alerts.close();
    raw.close();
  }

  private static <T> T await(java.util.concurrent.Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client for assertions on the cluster. */
  public static final class Search implements AutoCloseable {

    private final RestClientTransport transport;
    public final ElasticsearchClient client;

    public Search(String url) {
      transport = new RestClientTransport(RestClient.builder(HttpHost.create(url)).build(), new JacksonJsonpMapper());
      client = new ElasticsearchClient(transport);
    }

    /** Index and id of every document matching the query, after a refresh (up to 10,000). */
    public List<Hit<Map>> hits(String index, Query query) {
      try {
        client.indices().refresh(r -> r.index(index).ignoreUnavailable(true).allowNoIndices(true));
        SearchResponse<Map> response = client.search(s -> s.index(index).query(query).size(10_000)
            .ignoreUnavailable(true).allowNoIndices(true), Map.class);
        return response.hits().hits();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public List<Hit<Map>> bySource(String index, String sourceId) {
      return hits(index, Query.of(q -> q.term(t -> t.field("scomon.source.id").value(sourceId))));
    }

    @Override
    public void close() throws IOException {
      transport.close();
    }
  }
}
