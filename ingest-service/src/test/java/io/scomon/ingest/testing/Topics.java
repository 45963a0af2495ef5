package io.scomon.ingest.testing;

import io.scomon.schemas.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** Reads a whole topic back (from the beginning to its current end) and writes single records. */
public final class Topics {

  private Topics() {}

  /** Every record now on the topic whose value matches. */
  public static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrap, Topic<K, V> topic, Predicate<V> filter) {
    try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> parts = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10)).stream()
          .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts, Duration.ofSeconds(10));
      List<ConsumerRecord<K, V>> out = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic.name() + " to its end within 20 s");
        }
        for (ConsumerRecord<K, V> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.value() != null && filter.test(r.value())) {
            out.add(r);
          }
        }
      }
      return out;
    }
  }

  public static <K, V> void write(String bootstrap, Topic<K, V> topic, K key, V value) throws Exception {
    try (KafkaProducer<K, V> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
        topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
    }
  }
}
