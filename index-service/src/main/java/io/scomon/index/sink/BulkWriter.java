package io.scomon.index.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.scomon.index.config.IndexConfig;
import io.scomon.index.document.IndexDocument;
import io.scomon.index.ops.IndexMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the {@link BulkIngester}. Writes the documents made from each Kafka record,
 * learns from every bulk item what became of it (the ingester's per-operation context carries the
 * record), and acknowledges a record once Elasticsearch took all its documents (and, for an article,
 * the {@link MovedArticleSweeper} checked that no other month holds a copy), superseded them with a
 * newer version, or refused them for good and the record is in {@code scomon.dlq}. Only acknowledged
 * offsets become committable ({@link #committable}).
 *
 * <p>Failures: a bulk request that fails as a whole (connection refused, timeout, 429, 5xx) is sent
 * again with exponential backoff for as long as it takes; an item Elasticsearch cannot take now
 * (429, 5xx, missing index, write block) is retried up to {@code index.retry.max-item-attempts}
 * times; an item it refuses (400: mapping error, wrong type) is dead-lettered with the reason.
 * Backpressure: the ingester bounds requests in flight, and {@link #pendingRecords()} tells the
 * consumer when to pause.
 */
public final class BulkWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);
  private static final long FAILURE_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(15);

  private final BulkIngester<Operation> ingester;
  private final AcknowledgedOffsets offsets = new AcknowledgedOffsets();
  private final DeadLetterPublisher deadLetters;
  private final IndexMetrics metrics;
  private final Backoff backoff;
  private final int maxItemAttempts;
  private final Consumer<String> recreateIndex;
  private final MovedArticleSweeper sweeper;
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "index-bulk-retry");
    t.setDaemon(true);
    return t;
  });
  private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
  private final Set<String> recreating = ConcurrentHashMap.newKeySet();
  private final AtomicInteger failedRequestsInARow = new AtomicInteger();
  private final AtomicLong lastFailureLog = new AtomicLong(System.nanoTime() - FAILURE_LOG_INTERVAL_NANOS);
  private volatile boolean closing;

  /**
   * @param recreateIndex creates an index a write found missing (deleted by hand while running)
   * @param sweeper checks written articles for copies in other months before they are acknowledged
   */
  public BulkWriter(ElasticsearchClient client, IndexConfig.Bulk bulk, IndexConfig.Retry retry,
      DeadLetterPublisher deadLetters, IndexMetrics metrics, Consumer<String> recreateIndex,
      MovedArticleSweeper sweeper) {
    this.sweeper = sweeper;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.backoff = new Backoff(retry.initialBackoff(), retry.maxBackoff());
    this.maxItemAttempts = retry.maxItemAttempts();
    this.recreateIndex = recreateIndex;
    this.ingester = BulkIngester.of(b -> b
        .client(client)
        .maxOperations(bulk.maxActions())
        .maxSize(bulk.maxBytes())
        .flushInterval(bulk.flushInterval().toMillis(), TimeUnit.MILLISECONDS)
        .maxConcurrentRequests(bulk.maxConcurrentRequests())
        .listener(new Listener()));
    metrics.pendingRecords(offsets::pending);
  }

  /** Writes the documents made from one record; the record is acknowledged when all of them are. */
  public void submit(SourceRecord source, List<IndexDocument> documents) {
    if (documents.isEmpty()) {
      throw new IllegalArgumentException("no documents to write for " + source);
    }
    PendingRecord record = new PendingRecord(source, offsets.submitted(source.topicPartition(), source.offset()),
        documents.size());
    for (IndexDocument document : documents) {
      ingester.add(bulkOperation(document), new Operation(record, document, 0, 0));
    }
  }

  /** Sends a record that cannot be indexed at all (undecodable, unmappable) to the DLQ; acknowledged once it is there. */
  public void deadLetter(SourceRecord source, String stage, String reason, String errorClass,
      Map<String, String> context) {
    PendingRecord record = new PendingRecord(source, offsets.submitted(source.topicPartition(), source.offset()), 1);
    publishDeadLetter(record, stage, reason, errorClass, context, 1);
  }

  /** The offset to commit for a partition: every record before it was acknowledged. */
  public OptionalLong committable(TopicPartition partition) {
    return offsets.committable(partition);
  }

  public int pendingRecords() {
    return offsets.pending();
  }

  public int pendingRecords(TopicPartition partition) {
    return offsets.pending(partition);
  }

  /** Sends what is buffered now, without waiting for the flush interval. */
  public void flush() {
    ingester.flush();
  }

  /**
   * Waits until every record submitted from these partitions is acknowledged (null: from all).
   * Returns false if that did not happen within the timeout.
   */
  public boolean awaitAcknowledged(Collection<TopicPartition> partitions, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextFlush = 0;
    while (pending(partitions) > 0) {
      long now = System.nanoTime();
      if (now > deadline) {
        return false;
      }
      if (now > nextFlush) {
        ingester.flush();
        nextFlush = now + TimeUnit.MILLISECONDS.toNanos(200);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Stops writing for partitions this instance no longer owns; the next owner reads them again. */
  public void release(Collection<TopicPartition> partitions) {
    offsets.release(partitions);
  }

  /**
   * Stops retrying and closes the ingester after sending what it holds. Records not acknowledged by
   * then stay uncommitted and are read again after a restart.
   */
  @Override
  public void close() {
    closing = true;
    retries.shutdownNow();
    try {
      ingester.close();
    } catch (RuntimeException e) {
      LOG.warn("closing the bulk ingester: {}", e.toString());
    }
  }

  private int pending(Collection<TopicPartition> partitions) {
    if (partitions == null) {
      return offsets.pending();
    }
    int sum = 0;
    for (TopicPartition tp : partitions) {
      sum += offsets.pending(tp);
    }
    return sum;
  }

  private static BulkOperation bulkOperation(IndexDocument document) {
    BinaryData source = BinaryData.of(document.source(), ContentType.APPLICATION_JSON);
    return BulkOperation.of(b -> b.index(i -> i.index(document.index()).id(document.id())
        .version(document.version()).versionType(VersionType.External).document(source)));
  }

  private void retryLater(List<Operation> operations) {
    if (operations.isEmpty() || closing) {
      return;
    }
    int attempt = operations.stream().mapToInt(Operation::attempt).max().orElse(1);
    Duration delay = backoff.delay(attempt);
    metrics.retried(operations.size());
    try {
      retries.schedule(() -> resend(operations), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closing: these records stay unacknowledged and are read again after a restart
    }
  }

  private void resend(List<Operation> operations) {
    for (Operation op : operations) {
      if (closing) {
        return;
      }
      if (op.record().ticket().released()) {
        continue; // the partition moved to another instance, which reads the record again
      }
      try {
        ingester.add(bulkOperation(op.document()), op);
      } catch (IllegalStateException e) {
        return; // ingester closed
      }
    }
  }

  /** A new copy of an article may have an older sibling in another month: acknowledge once the sweeper checked. */
  private void checkForOtherCopies(Operation op) {
    IndexDocument doc = op.document();
    if (doc.kind() == IndexDocument.Kind.ARTICLE) {
      sweeper.written(doc.id(), doc.index(), doc.version(), op.record()::done);
    } else {
      op.record().done();
    }
  }

  private void deadLetterItem(Operation op, String reason, String errorType, int status) {
    IndexDocument doc = op.document();
    Map<String, String> context = new LinkedHashMap<>();
    context.put("index", doc.index());
    context.put("id", doc.id());
    context.put("kind", IndexMetrics.kind(doc.kind()));
    context.put("status", Integer.toString(status));
    context.put("version", Long.toString(doc.version()));
    context.put("attempts", Integer.toString(op.attempt() + 1));
    publishDeadLetter(op.record(), "index", reason, errorType, context, 1);
  }

  private void publishDeadLetter(PendingRecord record, String stage, String reason, String errorClass,
      Map<String, String> context, int attempt) {
    deadLetters.publish(record.source(), stage, reason, errorClass, context).whenComplete((ok, error) -> {
      if (error == null) {
        metrics.deadLettered(stage);
        LOG.warn("{} sent to scomon.dlq ({}): {}", record.source(), stage, reason);
        record.done();
        return;
      }
      LOG.error("cannot send {} to scomon.dlq (attempt {}), retrying: {}", record.source(), attempt, error.toString());
      if (!closing) {
        try {
          retries.schedule(() -> publishDeadLetter(record, stage, reason, errorClass, context, attempt + 1),
              backoff.delay(attempt).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
          // closing: the record stays unacknowledged and is read again after a restart
        }
      }
    });
  }

  private void recreate(String index) {
    if (!recreating.add(index)) {
      return;
    }
    try {
      retries.execute(() -> {
        try {
          recreateIndex.accept(index);
        } catch (RuntimeException e) {
          LOG.warn("cannot recreate missing index {}: {}", index, e.getMessage());
        } finally {
          recreating.remove(index);
        }
      });
    } catch (RejectedExecutionException e) {
      recreating.remove(index);
    }
  }

  private static String describe(BulkResponseItem item) {
    if (item.error() == null) {
      return "status " + item.status();
    }
    StringBuilder reason = new StringBuilder(item.error().type()).append(": ").append(item.error().reason());
    if (item.error().causedBy() != null) {
      reason.append(" (caused by ").append(item.error().causedBy().type()).append(": ")
          .append(item.error().causedBy().reason()).append(')');
    }
    return reason.toString();
  }

  /** HTTP status of a failed request, or 0 when it never got an answer (connection refused, timeout). */
  static int statusOf(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ElasticsearchException e) {
      return e.status();
    }
    if (t instanceof TransportException e) {
      return e.statusCode();
    }
    return 0;
  }

  /** A record being written, acknowledged once each of its operations is done. */
  private static final class PendingRecord {
    private final SourceRecord source;
    private final AcknowledgedOffsets.Ticket ticket;
    private final AtomicInteger remaining;

    PendingRecord(SourceRecord source, AcknowledgedOffsets.Ticket ticket, int operations) {
      this.source = source;
      this.ticket = ticket;
      this.remaining = new AtomicInteger(operations);
    }

    SourceRecord source() {
      return source;
    }

    AcknowledgedOffsets.Ticket ticket() {
      return ticket;
    }

    void done() {
      if (remaining.decrementAndGet() == 0) {
        ticket.acknowledge();
      }
    }
  }

  /**
   * The ingester's per-operation context: the record a document came from, the document, and how
   * often it was tried (for the backoff) and refused item by item (for the dead-letter limit).
   */
  private record Operation(PendingRecord record, IndexDocument document, int attempt, int itemFailures) {
    Operation failedItem() {
      return new Operation(record, document, attempt + 1, itemFailures + 1);
    }

    Operation failedRequest() {
      return new Operation(record, document, attempt + 1, itemFailures);
    }
  }

  private final class Listener implements BulkListener<Operation> {

    @Override
    public void beforeBulk(long executionId, BulkRequest request, List<Operation> contexts) {
      sentAt.put(executionId, System.nanoTime());
    }

    @Override
    public void afterBulk(long executionId, BulkRequest request, List<Operation> contexts, BulkResponse response) {
      recordLatency(executionId);
      int failedBefore = failedRequestsInARow.getAndSet(0);
      if (failedBefore > 0) {
        LOG.info("Elasticsearch accepts bulk requests again after {} failed ones", failedBefore);
      }
      List<BulkResponseItem> items = response.items();
      List<Operation> again = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        BulkResponseItem item = items.get(i);
        Operation op = contexts.get(i);
        String errorType = item.error() == null ? null : item.error().type();
        String kind = IndexMetrics.kind(op.document().kind());
        switch (ItemOutcome.of(item.status(), errorType)) {
          case WRITTEN -> {
            metrics.indexed(kind);
            if ("created".equals(item.result())) {
              checkForOtherCopies(op);
            } else {
              op.record().done(); // updated in place: this month already held it
            }
          }
          case SUPERSEDED -> {
            metrics.superseded(kind);
            checkForOtherCopies(op); // a replay: its first write may not have been checked before a crash
          }
          case RETRY -> {
            metrics.failed(kind, "retry");
            if ("index_not_found_exception".equals(errorType)) {
              recreate(op.document().index());
            }
            Operation next = op.failedItem();
            if (next.itemFailures() >= maxItemAttempts) {
              deadLetterItem(op, describe(item) + "; gave up after " + next.itemFailures() + " attempts",
                  errorType, item.status());
            } else {
              again.add(next);
            }
          }
          case REJECTED -> {
            metrics.failed(kind, "rejected");
            deadLetterItem(op, describe(item), errorType, item.status());
          }
        }
      }
      retryLater(again);
    }

    @Override
    public void afterBulk(long executionId, BulkRequest request, List<Operation> contexts, Throwable failure) {
      recordLatency(executionId);
      metrics.bulkFailed();
      int status = statusOf(failure);
      int inARow = failedRequestsInARow.incrementAndGet();
      long now = System.nanoTime();
      long last = lastFailureLog.get();
      if (now - last >= FAILURE_LOG_INTERVAL_NANOS && lastFailureLog.compareAndSet(last, now)) {
        LOG.warn("bulk request of {} operations failed ({} in a row{}), retrying with backoff: {}", contexts.size(),
            inARow, status == 0 ? "" : ", HTTP " + status, failure.toString());
      }
      // a request refused as a whole with a 4xx other than 408/429 will not pass by waiting: count it per item
      boolean refused = status >= 400 && status < 500 && status != 408 && status != 429;
      List<Operation> again = new ArrayList<>(contexts.size());
      for (Operation op : contexts) {
        if (!refused) {
          again.add(op.failedRequest());
          continue;
        }
        Operation next = op.failedItem();
        if (next.itemFailures() >= maxItemAttempts) {
          deadLetterItem(op, "bulk request refused with HTTP " + status + ": " + failure.getMessage(), null, status);
        } else {
          again.add(next);
        }
      }
      retryLater(again);
    }

    private void recordLatency(long executionId) {
      Long start = sentAt.remove(executionId);
      if (start != null) {
        metrics.bulkLatency(System.nanoTime() - start);
      }
    }
  }
}
