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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * index) or <em>superseded</em> (a replay) is checked here, in batches: an {@code ids} search over the
 * other monthly indices, answered by an aggregation on doc values (no hits fetched), finds the ids
 * that have another copy; for those, the copy with the highest version stays and the others are
 * deleted with that version ({@code external_gte}, so a late replay of the older copy cannot bring it
 * back while the tombstone lives). The record is acknowledged (its offset becomes committable) only
 * after its check, so a crash never leaves a duplicate behind a committed offset.
 *
 * <p>A copy is checked {@code settle} after its write, which must exceed the indices' refresh delay
 * so that every earlier copy is searchable; until then a duplicate can be seen for a moment.
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
  private long failuresInARow;

  public MovedArticleSweeper(ElasticsearchClient client, Duration settle, int batchSize, IndexMetrics metrics) {
    this.client = client;
    this.settle = settle;
    this.batchSize = batchSize;
    this.metrics = metrics;
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
      Set<Written> done = Collections.newSetFromMap(new IdentityHashMap<>());
      done.addAll(batch);
      waiting.removeIf(done::contains);
      batch.forEach(w -> w.onChecked().run());
    }
    return deleted;
  }

  /**
   * Which ids of the batch exist in a monthly index other than the one each was written to: one search
   * per month written, over every other month, answered by an aggregation (no hits fetched). The month
   * being written, with the most and smallest segments, is not searched. Of two copies written close
   * together, the later one's check comes at least {@code settle} after the earlier write, so it sees it.
   */
  private int check(List<Written> batch) throws Exception {
    Map<String, List<String>> idsByIndex = new LinkedHashMap<>();
    batch.forEach(w -> idsByIndex.computeIfAbsent(w.index(), i -> new ArrayList<>()).add(w.id()));
    Set<String> elsewhere = new HashSet<>();
    for (Map.Entry<String, List<String>> written : idsByIndex.entrySet()) {
      List<String> ids = written.getValue().stream().distinct().toList();
      SearchResponse<Void> found = client.search(s -> s
          .index(IndexNames.ARTICLES_PATTERN, "-" + written.getKey())
          .ignoreUnavailable(true).allowNoIndices(true)
          .size(0)
          .trackTotalHits(t -> t.enabled(false))
          .query(q -> q.ids(i -> i.values(ids)))
          .aggregations("ids", a -> a.terms(t -> t.field("scomon.article_id").size(ids.size())
              .executionHint(TermsAggregationExecutionHint.Map))), Void.class);
      for (StringTermsBucket id : found.aggregations().get("ids").sterms().buckets().array()) {
        elsewhere.add(id.key().stringValue());
      }
    }
    return elsewhere.isEmpty() ? 0 : keepNewest(List.copyOf(elsewhere));
  }

  /** For articles found in more than one month: keeps the copy with the highest version, deletes the others. */
  private int keepNewest(List<String> ids) throws Exception {
    SearchResponse<Void> found = client.search(s -> s.index(IndexNames.ARTICLES_ALIAS)
        .size(0)
        .trackTotalHits(t -> t.enabled(false))
        .query(q -> q.ids(i -> i.values(ids)))
        .aggregations("ids", a -> a
            .terms(t -> t.field("scomon.article_id").size(ids.size()).executionHint(TermsAggregationExecutionHint.Map))
            .aggregations("copies", c -> c
                .terms(t -> t.field("_index").size(100))
                .aggregations("version", v -> v.max(m -> m.field("scomon.enriched_at"))))), Void.class);
    List<BulkOperation> deletes = new ArrayList<>();
    for (StringTermsBucket id : found.aggregations().get("ids").sterms().buckets().array()) {
      Map<String, Long> versionByIndex = new HashMap<>();
      for (StringTermsBucket copy : id.aggregations().get("copies").sterms().buckets().array()) {
        versionByIndex.put(copy.key().stringValue(), (long) copy.aggregations().get("version").max().value());
      }
      if (versionByIndex.size() < 2) {
        continue;
      }
      Map.Entry<String, Long> keep = versionByIndex.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
      for (Map.Entry<String, Long> copy : versionByIndex.entrySet()) {
        if (!copy.getKey().equals(keep.getKey())) {
          String articleId = id.key().stringValue();
          deletes.add(BulkOperation.of(b -> b.delete(d -> d.index(copy.getKey()).id(articleId)
              .version(keep.getValue()).versionType(VersionType.ExternalGte))));
          LOG.info("article {} is in {} (version {}) and {} (version {}): deleting the older copy", articleId,
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
    return deleted;
  }
}
