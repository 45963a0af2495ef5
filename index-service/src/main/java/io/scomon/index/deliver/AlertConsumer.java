package io.scomon.index.deliver;

import io.scomon.index.sink.AcknowledgedOffsets;
import io.scomon.index.sink.OffsetCommitter;
import io.scomon.index.sink.SourceRecord;
import io.scomon.schemas.Alert;
import io.scomon.schemas.topic.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll loop of {@code scomon.alerts} for delivery, in its own consumer group, on its own thread:
 * hands every alert to the {@link AlertDispatcher} without waiting for it, pauses while
 * {@code index.deliver.max-in-flight} alerts are being sent (or {@code max-retrying} more wait for a
 * retry), and commits per partition only the offset
 * below which every alert is settled ({@link AcknowledgedOffsets}). On close it stops reading, lets the
 * sends under way finish and be recorded (up to the shutdown timeout), then commits.
 */
final class AlertConsumer implements Runnable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AlertConsumer.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Consumer<byte[], byte[]> consumer;
  private final AlertDispatcher dispatcher;
  private final Async async;
  private final AcknowledgedOffsets offsets = new AcknowledgedOffsets();
  private final OffsetCommitter committer;
  private final int maxInFlight;
  private final int maxRetrying;
  private final IntSupplier retrying;
  private final Duration shutdownTimeout;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile boolean started;
  private boolean paused;

  /**
   * @param retrying sends of alerts waiting between two attempts: they count against {@code maxRetrying}
   *     rather than {@code maxInFlight}, so a receiver that keeps failing cannot use up the budget of the others
   */
  AlertConsumer(Consumer<byte[], byte[]> consumer, AlertDispatcher dispatcher, Async async, int maxInFlight,
      int maxRetrying, IntSupplier retrying, Duration commitInterval, Duration shutdownTimeout) {
    this.consumer = consumer;
    this.dispatcher = dispatcher;
    this.async = async;
    this.maxInFlight = maxInFlight;
    this.maxRetrying = maxRetrying;
    this.retrying = retrying;
    this.committer = new OffsetCommitter(consumer, offsets::committable, commitInterval);
    this.shutdownTimeout = shutdownTimeout;
  }

  static Consumer<byte[], byte[]> kafkaConsumer(String bootstrapServers, String groupId, String clientId,
      int maxInFlight) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-deliver");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // enrich-service writes transactionally
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(1, Math.min(500, maxInFlight)));
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** Alerts read and not settled yet. */
  int inFlight() {
    return offsets.pending();
  }

  boolean started() {
    return started;
  }

  boolean alive() {
    return stopped.getCount() > 0;
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(Topics.ALERTS.name()), new Rebalance());
      started = true;
      while (running) {
        applyBackpressure();
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
          handle(r);
        }
        committer.commit(false);
      }
    } catch (WakeupException e) {
      if (running) {
        LOG.error("the delivery consumer stopped on an unexpected wakeup", e);
      }
    } catch (RuntimeException e) {
      LOG.error("the delivery consumer stopped on an unexpected error", e);
    } finally {
      finish();
      stopped.countDown();
    }
  }

  private void handle(ConsumerRecord<byte[], byte[]> r) {
    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
    AcknowledgedOffsets.Ticket ticket = offsets.submitted(tp, r.offset());
    SourceRecord source = new SourceRecord(r.topic(), r.partition(), r.offset(), r.key(), r.value());
    if (r.value() == null) {
      ticket.acknowledge(); // a tombstone on a stream topic carries no alert
      return;
    }
    Alert alert;
    try {
      alert = Topics.ALERTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
    } catch (RuntimeException e) {
      dispatcher.undecodable(source, e).whenComplete((v, error) -> settled(ticket, source, error));
      return;
    }
    dispatcher.dispatch(alert, source, ticket::released).whenComplete((v, error) -> settled(ticket, source, error));
  }

  private static void settled(AcknowledgedOffsets.Ticket ticket, SourceRecord source, Throwable error) {
    if (error == null) {
      ticket.acknowledge();
      return;
    }
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof CancellationException) {
      LOG.debug("{} left unsettled: {}", source, cause.getMessage());
    } else {
      LOG.error("{} left unsettled by an unexpected error; it is read again after a restart", source, cause);
    }
  }

  /**
   * Pauses while the alerts being sent (not waiting for a retry) reach {@code maxInFlight}, or all
   * unsettled alerts reach {@code maxInFlight + maxRetrying}; resumes below half of the limit reached.
   */
  private void applyBackpressure() {
    int pending = offsets.pending();
    int active = Math.max(0, pending - retrying.getAsInt()); // an alert waiting on two channels counts twice there
    int total = maxInFlight + maxRetrying;
    boolean full = active >= maxInFlight || pending >= total;
    boolean stillFull = active > maxInFlight / 2 || pending > total / 2;
    boolean shouldPause = full || (paused && stillFull);
    if (shouldPause && !paused) {
      LOG.debug("pausing: {} alerts in flight, {} sends waiting to retry", pending, retrying.getAsInt());
    }
    if (shouldPause) {
      consumer.pause(consumer.assignment());
    } else if (paused) {
      consumer.resume(consumer.paused());
    }
    paused = shouldPause;
  }

  private void finish() {
    try {
      async.beginClosing();
      if (!async.awaitIdle(shutdownTimeout)) {
        LOG.warn("{} deliveries still busy after {}; their alerts stay uncommitted and are read again",
            async.busy(), shutdownTimeout);
      }
      committer.commit(consumer.assignment(), true);
      if (offsets.pending() > 0) {
        LOG.info("stopped with {} alerts unsettled (waiting to retry); they are read again after a restart",
            offsets.pending());
      }
    } catch (RuntimeException e) {
      LOG.warn("while stopping the delivery consumer: {}", e.toString());
    } finally {
      try {
        consumer.close(Duration.ofSeconds(10));
      } catch (RuntimeException e) {
        LOG.warn("closing the delivery consumer: {}", e.toString());
      }
    }
  }

  /** Stops the loop, lets the sends under way settle (up to the shutdown timeout), commits and closes. */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Rebalance implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      Set<TopicPartition> revoked = Set.copyOf(partitions);
      committer.commit(revoked, true);
      offsets.release(revoked); // their unsettled alerts stop at the next attempt; the next owner reads them again
      committer.forget(revoked);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty()) {
        LOG.info("delivering alerts of {}", partitions);
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      Set<TopicPartition> lost = Set.copyOf(partitions);
      offsets.release(lost);
      committer.forget(lost);
    }
  }
}
