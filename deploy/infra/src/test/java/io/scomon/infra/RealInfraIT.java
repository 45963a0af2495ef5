package io.scomon.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.scomon.infra.junit.ElasticsearchCluster;
import io.scomon.infra.junit.KafkaCluster;
import io.scomon.infra.junit.RealElasticsearch;
import io.scomon.infra.junit.RealKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@RealKafka
@RealElasticsearch
class RealInfraIT {

  @Test
  void kafkaBrokerStoresAndReturnsARecord(KafkaCluster kafka) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic("infra.smoke", 1, (short) 1))).all().get();
    }
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("infra.smoke", "sco", "Shanghai Cooperation Organization")).get();
    }
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "infra-smoke",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("infra.smoke"));
      ConsumerRecords<String, String> records = ConsumerRecords.empty();
      for (int i = 0; i < 40 && records.isEmpty(); i++) {
        records = consumer.poll(Duration.ofMillis(500));
      }
      assertThat(records.records("infra.smoke")).singleElement()
          .satisfies(r -> assertThat(r.value()).isEqualTo("Shanghai Cooperation Organization"));
    }
  }

  @Test
  void elasticsearchAnswersWithAHealthyCluster(ElasticsearchCluster es) throws Exception {
    HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(es.httpUrl() + "/_cluster/health")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"cluster_name\":\"scomon\"").containsPattern("\"status\":\"(green|yellow)\"");
    assertThat(es.httpUrl()).startsWith("http://127.0.0.1:");
  }
}
