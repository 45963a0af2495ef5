package io.scomon.index.sink;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits, for a consumer's partitions, the offsets its owner says are safe (everything below them
 * acknowledged or settled): at most once per interval while running, synchronously on revoke and at
 * the end, and never an offset already committed. Used on the consumer's own thread.
 */
public final class OffsetCommitter {

  private static final Logger LOG = LoggerFactory.getLogger(OffsetCommitter.class);

  private final Consumer<?, ?> consumer;
  private final Function<TopicPartition, OptionalLong> committable;
  private final Duration interval;
  private final Map<TopicPartition, Long> committed = new HashMap<>();
  private long nextCommitNanos;

  /** @param committable the offset that may be committed for a partition, if any */
  public OffsetCommitter(Consumer<?, ?> consumer, Function<TopicPartition, OptionalLong> committable, Duration interval) {
    this.consumer = consumer;
    this.committable = committable;
    this.interval = interval;
  }

  /** Commits the assigned partitions: asynchronously once the interval has passed, or now when {@code sync}. */
  public void commit(boolean sync) {
    long now = System.nanoTime();
    if (!sync && now < nextCommitNanos) {
      return;
    }
    nextCommitNanos = now + interval.toNanos();
    commit(consumer.assignment(), sync);
  }

  public void commit(Collection<TopicPartition> partitions, boolean sync) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : partitions) {
      OptionalLong offset = committable.apply(tp);
      if (offset.isPresent() && offset.getAsLong() > committed.getOrDefault(tp, -1L)) {
        offsets.put(tp, new OffsetAndMetadata(offset.getAsLong()));
      }
    }
    if (offsets.isEmpty()) {
      return;
    }
    if (sync) {
      try {
        consumer.commitSync(offsets, Duration.ofSeconds(10));
        offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
      } catch (RuntimeException e) {
        LOG.warn("cannot commit offsets {}: {}", offsets, e.toString());
      }
      return;
    }
    offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
    consumer.commitAsync(offsets, (done, error) -> {
      if (error != null) {
        LOG.warn("cannot commit offsets {}: {}", done == null ? offsets : done, error.toString());
        offsets.keySet().forEach(committed::remove);
      }
    });
  }

  /** Forgets what was committed for partitions this consumer no longer owns. */
  public void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(committed::remove);
  }
}
