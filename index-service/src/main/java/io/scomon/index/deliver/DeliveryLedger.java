package io.scomon.index.deliver;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.scomon.index.config.IndexConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery ledger in Elasticsearch ({@code index.deliver.ledger.index}): one document per alert
 * and channel, read before sending (a realtime GET, so it sees the last write at once) and written
 * after. Digests are built from its pending entries. All calls are asynchronous.
 */
final class DeliveryLedger {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryLedger.class);

  private final ElasticsearchAsyncClient client;
  private final String index;

  DeliveryLedger(ElasticsearchAsyncClient client, String index) {
    this.client = client;
    this.index = index;
  }

  String index() {
    return index;
  }

  /** Creates the index with its mapping unless it exists; retries until {@code timeout}. */
  void ensureIndex(IndexConfig.Layout layout, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (!client.indices().exists(e -> e.index(index)).get(10, TimeUnit.SECONDS).value()) {
          create(layout);
        }
        return;
      } catch (ExecutionException e) {
        if (e.getCause() instanceof ElasticsearchException es && es.error() != null
            && "resource_already_exists_exception".equals(es.error().type())) {
          return; // another instance created it meanwhile
        }
        last = e;
      } catch (TimeoutException e) {
        last = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DeliveryStartupException("interrupted while creating the ledger index " + index, e);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DeliveryStartupException("interrupted while creating the ledger index " + index, e);
      }
    }
    throw new DeliveryStartupException("cannot create the ledger index " + index + " within " + timeout, last);
  }

  private void create(IndexConfig.Layout layout) throws ExecutionException, InterruptedException, TimeoutException {
    client.indices().create(c -> c.index(index)
        .settings(s -> s.numberOfShards(String.valueOf(layout.shards()))
            .numberOfReplicas(String.valueOf(layout.replicas())))
        .mappings(m -> m.dynamic(DynamicMapping.False)
            .properties("alertId", p -> p.keyword(k -> k))
            .properties("channel", p -> p.keyword(k -> k))
            .properties("subscriptionId", p -> p.keyword(k -> k))
            .properties("mode", p -> p.keyword(k -> k))
            .properties("status", p -> p.keyword(k -> k))
            .properties("attempts", p -> p.integer(i -> i))
            .properties("lastError", p -> p.text(t -> t))
            .properties("recordedAt", p -> p.date(d -> d))
            .properties("updatedAt", p -> p.date(d -> d))
            .properties("deliveredAt", p -> p.date(d -> d))
            .properties("digestId", p -> p.keyword(k -> k))
            .properties("alert", p -> p.object(o -> o
                .properties("id", q -> q.keyword(k -> k))
                .properties("title", q -> q.text(t -> t))
                .properties("url", q -> q.keyword(k -> k))
                .properties("source", q -> q.keyword(k -> k))
                .properties("language", q -> q.keyword(k -> k))
                .properties("topics", q -> q.keyword(k -> k))
                .properties("publishedAt", q -> q.date(d -> d))
                .properties("matchedAt", q -> q.date(d -> d))
                .properties("matchedTerms", q -> q.keyword(k -> k))))
            .properties("kafka", p -> p.object(o -> o.enabled(false)))))
        .get(30, TimeUnit.SECONDS);
    LOG.info("created the delivery ledger index {}", index);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  CompletableFuture<Optional<LedgerEntry>> get(String id) {
    return client.get(g -> g.index(index).id(id), Map.class)
        .thenApply(r -> r.found() && r.source() != null
            ? Optional.of(LedgerEntry.fromDocument((Map<String, Object>) r.source()))
            : Optional.<LedgerEntry>empty());
  }

  /** The entries with these ids as they are now (realtime multi-get), by id; absent ids are left out. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  CompletableFuture<Map<String, LedgerEntry>> getAll(List<String> ids) {
    return client.mget(m -> m.index(index).ids(ids), Map.class).thenApply(response -> {
      Map<String, LedgerEntry> found = new HashMap<>();
      response.docs().forEach(item -> {
        if (item.isResult() && item.result().found() && item.result().source() != null) {
          found.put(item.result().id(), LedgerEntry.fromDocument((Map<String, Object>) item.result().source()));
        }
      });
      return found;
    });
  }

  CompletableFuture<Void> put(LedgerEntry entry) {
    return client.index(i -> i.index(index).id(entry.id()).document(entry.toDocument())).thenApply(r -> null);
  }

  /** Writes every entry; fails if Elasticsearch refused any of them. */
  CompletableFuture<Void> putAll(List<LedgerEntry> entries) {
    List<BulkOperation> operations = entries.stream()
        .map(e -> BulkOperation.of(o -> o.index(i -> i.id(e.id()).document(e.toDocument()))))
        .toList();
    return client.bulk(b -> b.index(index).operations(operations)).thenApply(DeliveryLedger::requireAll);
  }

  /** Pending digest entries, oldest first, at most {@code limit}; refreshes first so recent writes are seen. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  CompletableFuture<List<LedgerEntry>> pendingDigestEntries(int limit) {
    return client.indices().refresh(r -> r.index(index))
        .thenCompose(refreshed -> client.search(s -> s.index(index)
            .query(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("status").value(DeliveryStatus.PENDING.id())))
                .filter(f -> f.term(t -> t.field("mode").value("digest")))))
            .sort(o -> o.field(f -> f.field("recordedAt").order(SortOrder.Asc)))
            .size(limit), Map.class))
        .thenApply(response -> response.hits().hits().stream()
            .map(hit -> LedgerEntry.fromDocument((Map<String, Object>) hit.source()))
            .toList());
  }

  private static Void requireAll(BulkResponse response) {
    if (response.errors()) {
      BulkResponseItem failed = response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
      throw new LedgerWriteException("ledger write of " + failed.id() + " refused: " + failed.error().type() + ": "
          + failed.error().reason());
    }
    return null;
  }
}
