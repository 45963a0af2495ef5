package io.scomon.enrich.topology;

import io.scomon.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Dead letters of enrich-service: the reason, where the record came from, and its original bytes. */
final class DeadLetters {

  static final String SERVICE = "enrich";

  private DeadLetters() {}

  static DeadLetter of(String stage, String reason, Throwable error, RecordMetadata origin, String key,
      byte[] value, Map<String, String> context, Instant now) {
    return DeadLetter.newBuilder()
        .setService(SERVICE)
        .setStage(stage)
        .setReason(reason)
        .setErrorClass(error == null ? null : error.getClass().getName())
        .setSourceTopic(origin == null ? null : origin.topic())
        .setSourcePartition(origin == null ? null : origin.partition())
        .setSourceOffset(origin == null ? null : origin.offset())
        .setOriginalKey(key == null ? null : ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))
        .setOriginalValue(value == null ? null : ByteBuffer.wrap(value))
        .setContext(Map.copyOf(context))
        .setFailedAt(now)
        .build();
  }
}
