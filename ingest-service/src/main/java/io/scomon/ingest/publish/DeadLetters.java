package io.scomon.ingest.publish;

import io.scomon.schemas.DeadLetter;
import io.scomon.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes what could not be processed to {@code scomon.dlq}: the stage, the reason, the error
 * class, the origin topic/partition/offset with the original bytes, and context (URL, source,
 * HTTP status). Keyed by the original key.
 */
public final class DeadLetters {

  private final KafkaWriter writer;
  private final Clock clock;

  public DeadLetters(KafkaWriter writer, Clock clock) {
    this.writer = writer;
    this.clock = clock;
  }

  /**
   * @param stage where it failed: fetch, extract, publish, decode
   * @param reason the failure's tag (the metric's reason)
   * @param origin the record at stake, or null
   */
  public CompletableFuture<RecordMetadata> send(String stage, String reason, String message, Throwable error,
      Origin origin, Map<String, String> context) {
    Map<String, String> ctx = new HashMap<>();
    context.forEach((k, v) -> {
      if (k != null && v != null) {
        ctx.put(k, v);
      }
    });
    ctx.put("message", message == null ? reason : message);
    DeadLetter.Builder b = DeadLetter.newBuilder()
        .setService("ingest")
        .setStage(stage)
        .setReason(reason)
        .setErrorClass(error == null ? null : error.getClass().getName())
        .setContext(ctx)
        .setFailedAt(clock.instant());
    String key = ctx.get("url");
    if (origin != null) {
      b.setSourceTopic(origin.topic()).setSourcePartition(origin.partition()).setSourceOffset(origin.offset())
          .setOriginalKey(origin.key() == null ? null : ByteBuffer.wrap(origin.key()))
          .setOriginalValue(origin.value() == null ? null : ByteBuffer.wrap(origin.value()));
      key = origin.keyText() != null ? origin.keyText() : key;
    }
    return writer.send(Topics.DLQ, key, b.build());
  }
}
