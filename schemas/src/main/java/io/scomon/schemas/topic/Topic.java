package io.scomon.schemas.topic;

import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with the types of its keys and values, so that no topic name or serde is written
 * twice in the code base.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, TopicSpec spec) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    Objects.requireNonNull(spec, "spec");
  }

  /** The admin request that creates this topic. */
  public NewTopic newTopic(int partitions, short replicationFactor) {
    return new NewTopic(name, partitions, replicationFactor).configs(spec.configs());
  }

  public NewTopic newTopic(short replicationFactor) {
    return newTopic(spec.partitions(), replicationFactor);
  }

  @Override
  public String toString() {
    return name;
  }
}
