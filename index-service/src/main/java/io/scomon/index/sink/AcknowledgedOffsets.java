package io.scomon.index.sink;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;

/**
 * Per partition, the offset up to which every record was acknowledged: the lowest offset still
 * pending, or one past the last record submitted when none is. That is the offset that may be
 * committed: a record acknowledged out of order (a later bulk request answered first) does not move
 * it past an earlier record still in flight. Thread-safe: records are submitted by the consumer
 * thread and acknowledged by the bulk listener's threads.
 */
public final class AcknowledgedOffsets {

  private final Map<TopicPartition, Partition> partitions = new ConcurrentHashMap<>();
  private final AtomicInteger pending = new AtomicInteger();

  /** A record was handed to the writer; returns what acknowledges it. Offsets of a partition come in increasing order. */
  public Ticket submitted(TopicPartition partition, long offset) {
    Partition p = partitions.computeIfAbsent(partition, tp -> new Partition());
    p.submitted(offset);
    pending.incrementAndGet();
    return new Ticket(p, offset);
  }

  /** The offset to commit for a partition (the next record to read after a restart), empty if nothing was submitted. */
  public OptionalLong committable(TopicPartition partition) {
    Partition p = partitions.get(partition);
    return p == null ? OptionalLong.empty() : p.committable();
  }

  /** Records submitted and not yet acknowledged, over every partition. */
  public int pending() {
    return pending.get();
  }

  public int pending(TopicPartition partition) {
    Partition p = partitions.get(partition);
    return p == null ? 0 : p.size();
  }

  /**
   * Forgets partitions this instance no longer owns (revoked or lost). Their pending records will be
   * read again by the next owner; acknowledgements arriving later are ignored.
   */
  public void release(Collection<TopicPartition> released) {
    for (TopicPartition tp : released) {
      Partition p = partitions.remove(tp);
      if (p != null) {
        pending.addAndGet(-p.release());
      }
    }
  }

  /** Acknowledges one submitted record, once. */
  public final class Ticket {
    private final Partition partition;
    private final long offset;

    private Ticket(Partition partition, long offset) {
      this.partition = partition;
      this.offset = offset;
    }

    public void acknowledge() {
      if (partition.acknowledged(offset)) {
        pending.decrementAndGet();
      }
    }

    /** True once the partition was revoked: writing the record further is pointless. */
    public boolean released() {
      return partition.released;
    }

    public long offset() {
      return offset;
    }
  }

  private static final class Partition {
    private final TreeSet<Long> pending = new TreeSet<>();
    private long next = -1;
    private volatile boolean released;

    synchronized void submitted(long offset) {
      if (offset < next) {
        throw new IllegalStateException("offset " + offset + " submitted after " + (next - 1));
      }
      pending.add(offset);
      next = offset + 1;
    }

    synchronized boolean acknowledged(long offset) {
      return !released && pending.remove(offset);
    }

    synchronized OptionalLong committable() {
      if (next < 0) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(pending.isEmpty() ? next : pending.first());
    }

    synchronized int size() {
      return pending.size();
    }

    synchronized int release() {
      released = true;
      int size = pending.size();
      pending.clear();
      return size;
    }
  }
}
