package io.scomon.ingest.publish;

import io.scomon.schemas.topic.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The service's one Kafka producer (idempotent, acks=all), writing any typed {@link Topic} with
 * the topic's own serdes. Sends return futures that complete when the broker acknowledged.
 */
public final class KafkaWriter implements AutoCloseable {

  private final KafkaProducer<byte[], byte[]> producer;

  public KafkaWriter(String bootstrapServers, String clientId) {
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.CLIENT_ID_CONFIG, clientId + "-producer",
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 2,
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000),
        new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Serialises with the topic's serdes and sends; the future completes on acknowledgement. */
  public <K, V> CompletableFuture<RecordMetadata> send(Topic<K, V> topic, K key, V value, List<Header> headers) {
    byte[] k = key == null ? null : topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] v = value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value);
    return sendRaw(topic.name(), k, v, headers);
  }

  public <K, V> CompletableFuture<RecordMetadata> send(Topic<K, V> topic, K key, V value) {
    return send(topic, key, value, List.of());
  }

  CompletableFuture<RecordMetadata> sendRaw(String topic, byte[] key, byte[] value, List<Header> headers) {
    CompletableFuture<RecordMetadata> done = new CompletableFuture<>();
    try {
      producer.send(new ProducerRecord<>(topic, null, key, value, headers), (metadata, error) -> {
        if (error != null) {
          done.completeExceptionally(error);
        } else {
          done.complete(metadata);
        }
      });
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
