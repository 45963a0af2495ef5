package io.scomon.index.consume;

import io.scomon.index.config.IndexConfig;
import io.scomon.index.document.AlertDocuments;
import io.scomon.index.document.ArticleDocuments;
import io.scomon.index.ops.IndexMetrics;
import io.scomon.index.sink.BulkWriter;
import io.scomon.index.sink.OffsetCommitter;
import io.scomon.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll loop, on its own thread: reads {@code scomon.articles.enriched} and {@code scomon.alerts}
 * as raw bytes (so an undecodable record reaches the DLQ with its bytes), hands each record's document
 * to the {@link BulkWriter}, pauses its partitions while too many records wait for Elasticsearch, and
 * commits, per partition, the offset below which the writer acknowledged everything.
 */
public final class IndexingConsumer implements Runnable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IndexingConsumer.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Consumer<byte[], byte[]> consumer;
  private final RecordPlanner planner;
  private final BulkWriter writer;
  private final IndexMetrics metrics;
  private final IndexConfig.Kafka config;
  private final Duration shutdownTimeout;
  private final OffsetCommitter committer;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile boolean started;
  private boolean paused;

  IndexingConsumer(Consumer<byte[], byte[]> consumer, RecordPlanner planner, BulkWriter writer, IndexMetrics metrics,
      IndexConfig config) {
    this.consumer = consumer;
    this.planner = planner;
    this.writer = writer;
    this.metrics = metrics;
    this.config = config.kafka();
    this.shutdownTimeout = config.shutdownTimeout();
    this.committer = new OffsetCommitter(consumer, this::committableOffset, this.config.commitInterval());
  }

  /** A consumer of the service's topics with the given writer. */
  public static IndexingConsumer create(IndexConfig config, BulkWriter writer, ArticleDocuments articles,
      AlertDocuments alerts, IndexMetrics metrics, Clock clock) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, config.kafka().groupId());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.kafka().clientId());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // enrich-service writes transactionally
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.kafka().maxPollRecords());
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    return new IndexingConsumer(consumer, new RecordPlanner(articles, alerts, clock), writer, metrics, config);
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(Topics.ARTICLES_ENRICHED.name(), Topics.ALERTS.name()), new Rebalance());
      started = true;
      while (running) {
        applyBackpressure();
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        for (ConsumerRecord<byte[], byte[]> record : records) {
          write(planner.plan(record));
        }
        committer.commit(false);
        reportLag();
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (RuntimeException e) {
      LOG.error("the indexing consumer stopped on an unexpected error", e);
      throw e;
    } finally {
      finish();
      stopped.countDown();
    }
  }

  /** True while the poll loop runs (liveness). */
  public boolean alive() {
    return stopped.getCount() > 0;
  }

  public boolean started() {
    return started;
  }

  /** Stops the loop: waits for Elasticsearch to acknowledge what was read (up to the shutdown timeout), commits, closes. */
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

  private void write(RecordPlanner.Plan plan) {
    if (plan.isDeadLetter()) {
      writer.deadLetter(plan.source(), plan.stage(), plan.reason(), plan.errorClass(), Map.of());
    } else {
      writer.submit(plan.source(), List.of(plan.document()));
    }
  }

  /** Pauses every assigned partition above the pending limit; resumes below half of it. */
  private void applyBackpressure() {
    int pending = writer.pendingRecords();
    boolean shouldPause = pending > config.maxPendingRecords()
        || (paused && pending > config.maxPendingRecords() / 2);
    if (shouldPause) {
      consumer.pause(consumer.assignment());
      if (!paused) {
        LOG.debug("pausing: {} records pending", pending);
      }
    } else if (paused) {
      consumer.resume(consumer.paused());
    }
    paused = shouldPause;
    metrics.consumerPaused(paused);
  }

  /**
   * When nothing read from the partition waits, its position (past transaction markers too);
   * otherwise the writer's acknowledged offset.
   */
  private OptionalLong committableOffset(TopicPartition tp) {
    boolean waiting = writer.pendingRecords(tp) > 0;
    if (!waiting) {
      try {
        return OptionalLong.of(consumer.position(tp, Duration.ZERO));
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        // position not known yet
      }
    }
    return waiting ? writer.committable(tp) : OptionalLong.empty();
  }

  private void reportLag() {
    Map<String, Long> lag = new HashMap<>();
    for (TopicPartition tp : consumer.assignment()) {
      OptionalLong partitionLag = consumer.currentLag(tp);
      if (partitionLag.isPresent()) {
        lag.merge(tp.topic(), partitionLag.getAsLong(), Long::sum);
      }
    }
    lag.forEach(metrics::consumerLag);
  }

  private void finish() {
    try {
      boolean all = writer.awaitAcknowledged(null, shutdownTimeout);
      if (!all) {
        LOG.warn("{} records were not acknowledged by Elasticsearch within {}; their offsets stay uncommitted",
            writer.pendingRecords(), shutdownTimeout);
      }
      committer.commit(consumer.assignment(), true);
    } catch (RuntimeException e) {
      LOG.warn("while stopping the consumer: {}", e.toString());
    } finally {
      try {
        consumer.close(Duration.ofSeconds(10));
      } catch (RuntimeException e) {
        LOG.warn("closing the consumer: {}", e.toString());
      }
    }
  }

  private final class Rebalance implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      Set<TopicPartition> revoked = Set.copyOf(partitions);
      if (running && !writer.awaitAcknowledged(revoked, config.revokeTimeout())) {
        LOG.warn("partitions {} revoked with writes still pending; the next owner reads them again", revoked);
      }
      committer.commit(revoked, true);
      writer.release(revoked);
      committer.forget(revoked);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty()) {
        LOG.info("assigned {}", partitions);
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      Set<TopicPartition> lost = Set.copyOf(partitions);
      writer.release(lost);
      committer.forget(lost);
    }
  }
}
