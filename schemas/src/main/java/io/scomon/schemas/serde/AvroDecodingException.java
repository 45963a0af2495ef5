package io.scomon.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** A message that is not a readable Avro single-object encoding of the expected type. */
public class AvroDecodingException extends SerializationException {

  private final String topic;

  public AvroDecodingException(String topic, String message, Throwable cause) {
    super(message + (topic == null ? "" : " (topic " + topic + ")"), cause);
    this.topic = topic;
  }

  /** The topic the message was read from, or null when decoded outside Kafka. */
  public String topic() {
    return topic;
  }
}
