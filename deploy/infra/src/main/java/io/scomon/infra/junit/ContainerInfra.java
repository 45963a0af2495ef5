package io.scomon.infra.junit;

import io.scomon.infra.InfraException;
import io.scomon.infra.elasticsearch.ElasticsearchDistribution;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Testcontainers backend, for machines with Docker. Loaded only when selected, so the
 * (optional) Testcontainers jars are needed only there.
 */
final class ContainerInfra {

  private ContainerInfra() {}

  static InfraBackend.RunningKafka kafka() {
    try {
      KafkaContainer kafka = new KafkaContainer("apache/kafka:" + kafkaVersion());
      kafka.start();
      return new InfraBackend.RunningKafka(kafka.getBootstrapServers(), kafka::stop);
    } catch (RuntimeException | NoClassDefFoundError e) {
      throw new InfraException("the testcontainers backend could not start Kafka (is Docker running, are the "
          + "org.testcontainers jars on the test classpath?): " + e.getMessage(), e);
    }
  }

  static InfraBackend.RunningElasticsearch elasticsearch() {
    try {
      String version = System.getProperty(ElasticsearchDistribution.VERSION_PROPERTY, ElasticsearchDistribution.DEFAULT_VERSION);
      ElasticsearchContainer es = new ElasticsearchContainer("docker.elastic.co/elasticsearch/elasticsearch:" + version)
          .withEnv("xpack.security.enabled", "false")
          .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
      es.start();
      return new InfraBackend.RunningElasticsearch("http://" + es.getHttpHostAddress(), es::stop);
    } catch (RuntimeException | NoClassDefFoundError e) {
      throw new InfraException("the testcontainers backend could not start Elasticsearch (is Docker running?): "
          + e.getMessage(), e);
    }
  }

  private static String kafkaVersion() {
    String version = org.apache.kafka.common.utils.AppInfoParser.getVersion();
    return version == null || version.equals("unknown") ? "4.3.1" : version;
  }
}
