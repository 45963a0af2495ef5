package io.scomon.enrich.api;

import io.scomon.enrich.topology.EnrichTopology;
import io.scomon.schemas.Subscription;
import io.scomon.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Subscriptions in the compacted topic {@code scomon.subscriptions}: writes go to the topic (so they
 * survive restarts and reach every enrich instance), reads come from this instance's global store,
 * and a write returns once the store shows it (read-your-writes for the API's caller).
 */
public final class KafkaSubscriptionStore implements SubscriptionStore {

  private final Producer<String, Subscription> producer;
  private final KafkaStreams streams;
  private final Duration visibilityTimeout;

  public KafkaSubscriptionStore(Producer<String, Subscription> producer, KafkaStreams streams, Duration visibilityTimeout) {
    this.producer = producer;
    this.streams = streams;
    this.visibilityTimeout = visibilityTimeout;
  }

  @Override
  public Optional<Subscription> get(String id) {
    return Optional.ofNullable(view().get(id)).map(KafkaSubscriptionStore::decode);
  }

  @Override
  public List<Subscription> list() {
    List<Subscription> all = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = view().all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> entry = it.next();
        all.add(decode(entry.value));
      }
    }
    return all;
  }

  @Override
  public void put(Subscription subscription) {
    send(subscription.getId(), subscription);
    byte[] expected = Topics.SUBSCRIPTIONS.valueSerde().serializer().serialize(Topics.SUBSCRIPTIONS.name(), subscription);
    await(subscription.getId(), bytes -> bytes != null && Arrays.equals(bytes, expected));
  }

  @Override
  public void delete(String id) {
    send(id, null);
    await(id, bytes -> bytes == null);
  }

  private void send(String id, Subscription value) {
    try {
      producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), id, value)).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not accept the change of subscription " + id + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void await(String id, Predicate<byte[]> visible) {
    long deadline = System.nanoTime() + visibilityTimeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (visible.test(view().get(id))) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    // stored in Kafka all the same: it will show up; the caller learns nothing is lost
  }

  private ReadOnlyKeyValueStore<String, byte[]> view() {
    return streams.store(StoreQueryParameters.fromNameAndType(EnrichTopology.SUBSCRIPTIONS_STORE,
        QueryableStoreTypes.keyValueStore()));
  }

  private static Subscription decode(byte[] bytes) {
    return Topics.SUBSCRIPTIONS.valueSerde().deserializer().deserialize(Topics.SUBSCRIPTIONS.name(), bytes);
  }
}
