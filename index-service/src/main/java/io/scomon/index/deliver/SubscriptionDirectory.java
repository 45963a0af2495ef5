package io.scomon.index.deliver;

import io.scomon.schemas.Subscription;
import io.scomon.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every subscription, kept in memory from the compacted topic {@code scomon.subscriptions}, read from
 * the beginning on its own thread (no consumer group) and kept caught up; a tombstone deletes. A
 * subscription that is not known yet may just not have been read: {@link #resolve} then waits until
 * the directory has read everything written before the question was asked.
 */
final class SubscriptionDirectory implements Runnable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionDirectory.class);
  private static final Duration POLL = Duration.ofMillis(200);

  /** What the directory knows of a subscription id. */
  sealed interface Lookup {
    record Found(Subscription subscription) implements Lookup {}

    /** A tombstone was read for it. */
    record Deleted() implements Lookup {}

    /** Never seen (or deleted and compacted away). */
    record Unknown() implements Lookup {}
  }

  private final Consumer<String, byte[]> consumer;
  private final Map<String, Subscription> live = new ConcurrentHashMap<>();
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();
  private final Queue<CompletableFuture<Void>> catchUpRequests = new ConcurrentLinkedQueue<>();
  private final List<Barrier> barriers = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;

  private record Barrier(Map<TopicPartition, Long> end, CompletableFuture<Void> reached) {}

  SubscriptionDirectory(Consumer<String, byte[]> consumer) {
    this.consumer = consumer;
  }

  static SubscriptionDirectory create(String bootstrapServers, String clientId) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-subscriptions");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new SubscriptionDirectory(new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer()));
  }

  /** The subscription as last read, if it exists. */
  Optional<Subscription> current(String id) {
    return Optional.ofNullable(live.get(id));
  }

  Lookup lookup(String id) {
    Subscription s = live.get(id);
    if (s != null) {
      return new Lookup.Found(s);
    }
    return deleted.contains(id) ? new Lookup.Deleted() : new Lookup.Unknown();
  }

  /** What is known of {@code id} once everything written to the topic before this call has been read. */
  CompletableFuture<Lookup> resolve(String id) {
    Lookup now = lookup(id);
    if (now instanceof Lookup.Found) {
      return CompletableFuture.completedFuture(now);
    }
    return catchUp().thenApply(v -> lookup(id));
  }

  /** Completes once the directory has read up to the topic's current end. */
  CompletableFuture<Void> catchUp() {
    CompletableFuture<Void> reached = new CompletableFuture<>();
    catchUpRequests.add(reached);
    return reached;
  }

  /** Blocks until the directory has read the whole topic as it is now. */
  void awaitCaughtUp(Duration timeout) {
    try {
      catchUp().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new DeliveryStartupException("cannot read " + Topics.SUBSCRIPTIONS.name() + " to its end within "
          + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryStartupException("interrupted while reading " + Topics.SUBSCRIPTIONS.name(), e);
    }
  }

  int size() {
    return live.size();
  }

  @Override
  public void run() {
    try {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.SUBSCRIPTIONS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (running) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
          apply(r);
        }
        List<CompletableFuture<Void>> requests = new ArrayList<>();
        for (CompletableFuture<Void> request; (request = catchUpRequests.poll()) != null; ) {
          requests.add(request);
        }
        if (!requests.isEmpty()) { // one look at the end for every question asked since the last poll
          Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
          requests.forEach(r -> barriers.add(new Barrier(end, r)));
        }
        for (Iterator<Barrier> it = barriers.iterator(); it.hasNext(); ) {
          Barrier b = it.next();
          if (b.end().entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
            b.reached().complete(null);
            it.remove();
          }
        }
      }
    } catch (WakeupException e) {
      if (running) {
        LOG.error("the subscription directory stopped on an unexpected wakeup", e);
      }
    } catch (RuntimeException e) {
      LOG.error("the subscription directory stopped on an unexpected error", e);
    } finally {
      DeliveryStartupException stop = new DeliveryStartupException("the subscription directory stopped", null);
      barriers.forEach(b -> b.reached().completeExceptionally(stop));
      catchUpRequests.forEach(r -> r.completeExceptionally(stop));
      try {
        consumer.close(Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        LOG.warn("closing the subscription consumer: {}", e.toString());
      }
      stopped.countDown();
    }
  }

  private void apply(ConsumerRecord<String, byte[]> r) {
    if (r.key() == null) {
      LOG.warn("subscription record without a key at {}-{}@{}; ignored", r.topic(), r.partition(), r.offset());
      return;
    }
    if (r.value() == null) {
      live.remove(r.key());
      deleted.add(r.key());
      LOG.debug("subscription {} deleted", r.key());
      return;
    }
    try {
      Subscription s = Topics.SUBSCRIPTIONS.valueSerde().deserializer().deserialize(r.topic(), r.value());
      live.put(r.key(), s);
      deleted.remove(r.key());
    } catch (RuntimeException e) {
      LOG.warn("undecodable subscription {} at {}-{}@{}, keeping what was known: {}", r.key(), r.topic(),
          r.partition(), r.offset(), e.toString());
    }
  }

  boolean alive() {
    return stopped.getCount() > 0;
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      stopped.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
