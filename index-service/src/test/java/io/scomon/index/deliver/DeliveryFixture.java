package io.scomon.index.deliver;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.scomon.index.PipelineFixture;
import io.scomon.index.config.IndexConfig;
import io.scomon.infra.junit.KafkaCluster;
import io.scomon.schemas.Subscription;
import io.scomon.schemas.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elasticsearch.client.RestClient;

/**
 * What the delivery integration tests share beyond {@link PipelineFixture}: subscriptions on the
 * compacted topic, consumer groups that start at the current end of {@code scomon.alerts} (so a test
 * sees only its own alerts), the service's configuration, and reading the ledger back.
 */
final class DeliveryFixture implements AutoCloseable {

  private final KafkaCluster kafka;
  private final String elasticsearchUrl;
  private final KafkaProducer<String, Subscription> subscriptions;
  private final ElasticsearchClient client;
  private final RestClientTransport transport;

  DeliveryFixture(KafkaCluster kafka, String elasticsearchUrl) {
    this.kafka = kafka;
    this.elasticsearchUrl = elasticsearchUrl;
    subscriptions = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        new StringSerializer(), Topics.SUBSCRIPTIONS.valueSerde().serializer());
    transport = new RestClientTransport(RestClient.builder(HttpHost.create(elasticsearchUrl)).build(),
        new JacksonJsonpMapper());
    client = new ElasticsearchClient(transport);
  }

  void subscribe(Subscription s) {
    try {
      subscriptions.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), s.getId(), s)).get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh consumer group whose committed offsets are the current end of scomon.alerts. */
  String groupAtEnd(String name) {
    String group = "it-deliver-" + name + "-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      int partitions = admin.describeTopics(List.of(Topics.ALERTS.name())).allTopicNames().get()
          .get(Topics.ALERTS.name()).partitions().size();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < partitions; p++) {
        latest.put(new TopicPartition(Topics.ALERTS.name(), p), OffsetSpec.latest());
      }
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(latest).all().get();
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      end.forEach((tp, info) -> offsets.put(tp, new OffsetAndMetadata(info.offset())));
      admin.alterConsumerGroupOffsets(group, offsets).all().get();
      return group;
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  static String ledgerIndex(String name) {
    return "scomon-deliveries-it-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  IndexConfig indexConfig() {
    return PipelineFixture.config(kafka, elasticsearchUrl, "unused-by-delivery", "index.retry.max-backoff", "500ms");
  }

  /** Delivery configuration with short timeouts, retries and digest minutes (1 s), plus overrides. */
  static DeliveryConfig config(String group, String ledger, int smtpPort, String... overrides) {
    Map<String, String> props = new HashMap<>();
    props.put("index.deliver.kafka.group-id", group);
    props.put("index.deliver.ledger.index", ledger);
    props.put("index.deliver.startup-timeout", "30s");
    props.put("index.deliver.max-in-flight", "100");
    props.put("index.deliver.retry.initial-backoff", "100ms");
    props.put("index.deliver.retry.max-backoff", "400ms");
    props.put("index.deliver.retry.max-attempts", "4");
    props.put("index.deliver.retry.max-retry-after", "2s");
    props.put("index.deliver.webhook.connect-timeout", "1s");
    props.put("index.deliver.webhook.timeout", "1s");
    props.put("index.deliver.email.smtp-host", "127.0.0.1");
    props.put("index.deliver.email.smtp-port", String.valueOf(smtpPort));
    props.put("index.deliver.email.connect-timeout", "1s");
    props.put("index.deliver.email.timeout", "2s");
    props.put("index.deliver.digest.check-interval", "200ms");
    props.put("index.deliver.digest.minute", "1s");
    for (int i = 0; i < overrides.length; i += 2) {
      props.put(overrides[i], overrides[i + 1]);
    }
    return DeliveryConfig.load(Map.of(), props);
  }

  /** The ledger document of an alert on a channel, if any. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Optional<Map<String, Object>> ledger(String index, String alertId, Channel channel) {
    try {
      GetResponse<Map> r = client.get(g -> g.index(index).id(LedgerEntry.id(alertId, channel)), Map.class);
      return r.found() ? Optional.of((Map<String, Object>) r.source()) : Optional.empty();
    } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
      return Optional.empty(); // index not created yet
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    subscriptions.close();
    transport.close();
  }
}
