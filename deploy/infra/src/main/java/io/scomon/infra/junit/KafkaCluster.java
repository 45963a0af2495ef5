package io.scomon.infra.junit;

/** The Kafka a test talks to. Injected as a test or lifecycle method parameter. */
public interface KafkaCluster {

  /** {@code bootstrap.servers} for clients. */
  String bootstrapServers();
}
