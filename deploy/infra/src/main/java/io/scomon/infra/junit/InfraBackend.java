package io.scomon.infra.junit;

import io.scomon.infra.InfraException;
import io.scomon.infra.elasticsearch.ElasticsearchDistribution;
import io.scomon.infra.elasticsearch.ElasticsearchNode;
import io.scomon.infra.kafka.KafkaBroker;
import java.util.Locale;

/**
 * Where the test infrastructure comes from, chosen by {@code -Dscomon.infra.backend}: {@code local}
 * (default: a KRaft broker in the test JVM and an Elasticsearch child process, no Docker needed) or
 * {@code testcontainers} (containers, where Docker exists).
 */
enum InfraBackend {
  LOCAL {
    @Override
    RunningKafka startKafka() {
      KafkaBroker broker = KafkaBroker.startThrowaway();
      return new RunningKafka(broker.bootstrapServers(), broker);
    }

    @Override
    RunningElasticsearch startElasticsearch() {
      ElasticsearchNode node = ElasticsearchNode.start(ElasticsearchDistribution.fromSystemProperties(),
          ElasticsearchNode.Settings.throwaway());
      return new RunningElasticsearch(node.httpUrl(), node);
    }
  },
  TESTCONTAINERS {
    @Override
    RunningKafka startKafka() {
      return ContainerInfra.kafka();
    }

    @Override
    RunningElasticsearch startElasticsearch() {
      return ContainerInfra.elasticsearch();
    }
  };

  static final String PROPERTY = "scomon.infra.backend";

  abstract RunningKafka startKafka();

  abstract RunningElasticsearch startElasticsearch();

  static InfraBackend selected() {
    String name = System.getProperty(PROPERTY, "local").trim().toUpperCase(Locale.ROOT);
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new InfraException("unknown -D" + PROPERTY + "=" + name.toLowerCase(Locale.ROOT)
          + ": use 'local' (default) or 'testcontainers'");
    }
  }

  /** A started Kafka and what stops it. */
  record RunningKafka(String bootstrapServers, AutoCloseable stopper) implements KafkaCluster, AutoCloseable {
    @Override
    public void close() throws Exception {
      stopper.close();
    }
  }

  /** A started Elasticsearch and what stops it. */
  record RunningElasticsearch(String httpUrl, AutoCloseable stopper) implements ElasticsearchCluster, AutoCloseable {
    @Override
    public void close() throws Exception {
      stopper.close();
    }
  }
}
