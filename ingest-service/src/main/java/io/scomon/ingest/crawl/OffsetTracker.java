package io.scomon.ingest.crawl;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets may be committed when records of a partition finish out of order (hosts work in
 * parallel): per partition, the lowest offset still in progress, or one past the highest started
 * when none is. So a crash never skips an unfinished request; it may redo finished ones, which
 * crawl state and content hashes make harmless.
 */
final class OffsetTracker {

  private static final class Partition {
    final TreeSet<Long> pending = new TreeSet<>();
    long highestStarted = -1;
    long firstStarted = -1;
    long lastOffered = -1;
  }

  private final Map<TopicPartition, Partition> partitions = new HashMap<>();

  synchronized void started(TopicPartition tp, long offset) {
    Partition p = partitions.computeIfAbsent(tp, k -> new Partition());
    p.pending.add(offset);
    p.highestStarted = Math.max(p.highestStarted, offset);
    if (p.firstStarted < 0) {
      p.firstStarted = offset;
    }
  }

  synchronized void done(TopicPartition tp, long offset) {
    Partition p = partitions.get(tp);
    if (p != null) {
      p.pending.remove(offset);
    }
  }

  /** Offsets to commit that moved since the last call. */
  synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    partitions.forEach((tp, p) -> {
      long next = p.pending.isEmpty() ? p.highestStarted + 1 : p.pending.first();
      if (next > p.lastOffered && next > p.firstStarted) {
        out.put(tp, new OffsetAndMetadata(next));
        p.lastOffered = next;
      }
    });
    return out;
  }

  /** Offsets to commit for these partitions, regardless of what was offered before. */
  synchronized Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> tps) {
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    for (TopicPartition tp : tps) {
      Partition p = partitions.get(tp);
      if (p != null && p.highestStarted >= 0) {
        out.put(tp, new OffsetAndMetadata(p.pending.isEmpty() ? p.highestStarted + 1 : p.pending.first()));
      }
    }
    return out;
  }

  synchronized void forget(Collection<TopicPartition> tps) {
    tps.forEach(partitions::remove);
  }

  synchronized int pending() {
    return partitions.values().stream().mapToInt(p -> p.pending.size()).sum();
  }
}
