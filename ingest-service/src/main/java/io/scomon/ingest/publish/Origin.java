package io.scomon.ingest.publish;

import java.nio.charset.StandardCharsets;

/**
 * Where a record came from, kept so that a failure can go to the dead-letter topic with the
 * original bytes and coordinates.
 */
public record Origin(String topic, int partition, long offset, byte[] key, byte[] value) {

  public String keyText() {
    return key == null ? null : new String(key, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return topic + "-" + partition + "@" + offset;
  }
}
