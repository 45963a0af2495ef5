package io.scomon.index.sink;

import org.apache.kafka.common.TopicPartition;

/**
 * Where a write comes from: a Kafka record, with its original bytes for the dead-letter queue.
 *
 * @param key original key bytes, may be null
 * @param value original value bytes, may be null
 */
public record SourceRecord(String topic, int partition, long offset, byte[] key, byte[] value) {

  public TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }

  @Override
  public String toString() {
    return topic + "-" + partition + "@" + offset;
  }
}
