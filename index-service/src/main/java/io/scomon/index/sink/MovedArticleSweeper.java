package io.scomon.index.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.TermsAggregationExecutionHint;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.scomon.index.document.IndexNames;
import io.scomon.index.ops.IndexMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one copy of each article under the alias. An article is written to the month of its current
 * publish date (or fetch date); when a newer copy's date falls in another month, or an older copy is
 * replayed into the month it once had, the write creates a second document with the same id in a
 * second monthly index. So every article write Elasticsearch reports as <em>created</em> (new in that
 * index) or <em>superseded</em> (a replay) is checked here: in batches, one {@code ids} search over
 * the alias, answered by aggregations on doc values (no hits fetched), finds every index holding the
 * id and the version there; the copy with the highest version stays, the others are deleted with that
 * version ({@code external_gte}, so a late replay of the older copy cannot bring it back while the
 * tombstone lives). The record is acknowledged (its offset becomes committable) only
 * after its check, so a crash never leaves a duplicate behind a committed offset.
 *
 * <p>A check waits until the written copy is visible to search ({@code settle}, longer than the
 * refresh interval); until then a duplicate can be seen for a moment.
 */
public final class MovedArticleSweeper implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MovedArticleSweeper.class);

  /** A written article copy to check, and what to do once it is checked. */
  private record Written(String id, String index, long version, long writtenAtNanos, Runnable onChecked) {}

  private final ElasticsearchClient client;
  private final Duration settle;
  private final int batchSize;
  private final IndexMetrics metrics;
  private final ConcurrentLinkedQueue<Written> queue = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "index-duplicate-sweeper");
    t.setDaemon(true);
    return t;
  });
  private final List<Written> waiting = new ArrayList<>();
  private final Duration giveUp;
  private long failuresInARow;

  public MovedArticleSweeper(ElasticsearchClient client, Duration settle, int batchSize, IndexMetrics metrics) {
    this.client = client;
    this.settle = settle;
    this.batchSize = batchSize;
    this.metrics = metrics;
    this.giveUp = settle.multipliedBy(30);
  }

  public MovedArticleSweeper start(Duration interval) {
    scheduler.scheduleWithFixedDelay(this::sweepSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** An article copy was written to {@code index}; {@code onChecked} runs once no other month holds the id. */
  public void written(String id, String index, long version, Runnable onChecked) {
    queue.add(new Written(id, index, version, System.nanoTime(), onChecked));
  }

  /** Copies written but not checked yet. */
  public int pending() {
    return queue.size() + waitingSize();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private synchronized int waitingSize() {
    return waiting.size();
  }

  private void sweepSafely() {
    try {
      sweep();
      if (failuresInARow > 0) {
        LOG.info("duplicate sweep works again after {} failed attempts", failuresInARow);
      }
      failuresInARow = 0;
    } catch (Exception e) {
      if (failuresInARow++ % 20 == 0) {
        LOG.warn("duplicate sweep failed ({} in a row), retrying: {}", failuresInARow, e.toString());
      }
    }
  }

  /** Checks every copy written at least {@code settle} ago; returns how many duplicate copies it deleted. */
  synchronized int sweep() throws Exception {
    for (Written w; (w = queue.poll()) != null; ) {
      waiting.add(w);
    }
    long ripe = System.nanoTime() - settle.toNanos();
    List<Written> due = new ArrayList<>();
    for (Written w : waiting) {
      if (w.writtenAtNanos() <= ripe) {
        due.add(w);
      }
    }
    int deleted = 0;
    for (int from = 0; from < due.size(); from += batchSize) {
      List<Written> batch = due.subList(from, Math.min(due.size(), from + batchSize));
      deleted += check(batch);
    }
    return deleted;
  }

  /**
   * Looks the batch's ids up over the alias with one search that returns no hits, only, per id, the
   * indices holding it and the newest enrichment instant in each (the external version): doc values,
   * no stored fields.
   */
  private int check(List<Written> batch) throws Exception {
    List<String> ids = batch.stream().map(Written::id).distinct().toList();
    SearchResponse<Void> found = client.search(s -> s.index(IndexNames.ARTICLES_ALIAS)
        .size(0)
        .trackTotalHits(t -> t.enabled(false))
        .query(q -> q.ids(i -> i.values(ids)))
        .aggregations("ids", a -> a
            .terms(t -> t.field("scomon.article_id").size(ids.size()).executionHint(TermsAggregationExecutionHint.Map))
            .aggregations("copies", c -> c
                .terms(t -> t.field("_index").size(100))
                .aggregations("version", v -> v.max(m -> m.field("scomon.enriched_at"))))), Void.class);
    Map<String, Map<String, Long>> copies = new HashMap<>(); // id -> index -> version
    for (StringTermsBucket id : found.aggregations().get("ids").sterms().buckets().array()) {
      Map<String, Long> byIndex = new HashMap<>();
      for (StringTermsBucket copy : id.aggregations().get("copies").sterms().buckets().array()) {
        byIndex.put(copy.key().stringValue(), (long) copy.aggregations().get("version").max().value());
      }
      copies.put(id.key().stringValue(), byIndex);
    }

    List<Written> checked = new ArrayList<>();
    long tooLong = System.nanoTime() - giveUp.toNanos();
    for (Written w : batch) {
      Map<String, Long> where = copies.getOrDefault(w.id(), Map.of());
      boolean visible = where.containsKey(w.index());
      boolean superseded = where.values().stream().anyMatch(v -> v > w.version());
      if (!visible && !superseded) {
        if (w.writtenAtNanos() > tooLong) {
          continue; // not searchable yet: look again next time
        }
        // its index was deleted or it never became searchable: nothing left to compare it with
        LOG.warn("article {} written to {} is still not searchable after {}; no longer checked", w.id(), w.index(),
            giveUp);
      }
      checked.add(w);
    }

    List<BulkOperation> deletes = new ArrayList<>();
    for (Map.Entry<String, Map<String, Long>> e : copies.entrySet()) {
      if (e.getValue().size() < 2) {
        continue;
      }
      Map.Entry<String, Long> keep = e.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
      for (Map.Entry<String, Long> copy : e.getValue().entrySet()) {
        if (!copy.getKey().equals(keep.getKey())) {
          deletes.add(BulkOperation.of(b -> b.delete(d -> d.index(copy.getKey()).id(e.getKey())
              .version(keep.getValue()).versionType(VersionType.ExternalGte))));
          LOG.info("article {} is in {} (version {}) and {} (version {}): deleting the older copy", e.getKey(),
              keep.getKey(), keep.getValue(), copy.getKey(), copy.getValue());
        }
      }
    }
    int deleted = 0;
    if (!deletes.isEmpty()) {
      BulkResponse response = client.bulk(b -> b.operations(deletes));
      for (BulkResponseItem item : response.items()) {
        if (item.error() == null) {
          deleted++;
        } else if (item.status() != 404 && item.status() != 409) {
          throw new IllegalStateException("cannot delete duplicate " + item.index() + "/" + item.id() + ": "
              + item.error().type() + ": " + item.error().reason());
        }
      }
      metrics.duplicatesDeleted(deleted);
    }
    java.util.Set<Written> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    done.addAll(checked);
    synchronized (this) {
      waiting.removeIf(done::contains);
    }
    checked.forEach(w -> w.onChecked().run());
    return deleted;
  }
}
