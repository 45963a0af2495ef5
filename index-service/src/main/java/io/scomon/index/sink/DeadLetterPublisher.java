package io.scomon.index.sink;

import io.scomon.schemas.DeadLetter;
import io.scomon.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes records index-service cannot process to {@code scomon.dlq}, with the reason, origin and original bytes. */
public final class DeadLetterPublisher implements AutoCloseable {

  private final Producer<String, DeadLetter> producer;
  private final Clock clock;

  public DeadLetterPublisher(Producer<String, DeadLetter> producer, Clock clock) {
    this.producer = producer;
    this.clock = clock;
  }

  public static DeadLetterPublisher create(String bootstrapServers, String clientId, Clock clock) {
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.CLIENT_ID_CONFIG, clientId + "-dlq",
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 5);
    return new DeadLetterPublisher(new KafkaProducer<>(config, Topics.DLQ.keySerde().serializer(),
        Topics.DLQ.valueSerde().serializer()), clock);
  }

  /**
   * Sends one dead letter; the future completes once Kafka has it.
   *
   * @param stage where it failed: decode, map or index
   * @param context details such as the index, document id and HTTP status
   */
  public CompletableFuture<Void> publish(SourceRecord source, String stage, String reason, String errorClass,
      Map<String, String> context) {
    DeadLetter letter = DeadLetter.newBuilder()
        .setService("index")
        .setStage(stage)
        .setReason(reason)
        .setErrorClass(errorClass)
        .setSourceTopic(source.topic())
        .setSourcePartition(source.partition())
        .setSourceOffset(source.offset())
        .setOriginalKey(source.key() == null ? null : ByteBuffer.wrap(source.key()))
        .setOriginalValue(source.value() == null ? null : ByteBuffer.wrap(source.value()))
        .setContext(Map.copyOf(context))
        .setFailedAt(clock.instant())
        .build();
    String key = source.key() == null ? null : new String(source.key(), StandardCharsets.UTF_8);
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      producer.send(new ProducerRecord<>(Topics.DLQ.name(), key, letter), (metadata, error) -> {
        if (error != null) {
          done.completeExceptionally(error);
        } else {
          done.complete(null);
        }
      });
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  @Override
  public void close() {
    producer.close();
  }
}
