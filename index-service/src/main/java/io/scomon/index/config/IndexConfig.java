package io.scomon.index.config;

import java.net.URI;
import java.time.Duration;

/**
 * Everything index-service can be told, validated. Built once at startup by {@link IndexConfigLoader}
 * from {@code index-defaults.properties} and the environment; every key is documented there.
 */
public record IndexConfig(Kafka kafka, Elasticsearch elasticsearch, Bulk bulk, Retry retry, Layout layout,
    Duplicates duplicates, Http http, Duration shutdownTimeout) {

  /** {@code index.kafka.*}: the consumer of enriched articles and alerts, and the dead-letter producer. */
  public record Kafka(String bootstrapServers, String groupId, String clientId, int maxPollRecords,
      int maxPendingRecords, Duration commitInterval, Duration revokeTimeout) {}

  /** {@code index.elasticsearch.*}: where to write, and how long to wait for it. */
  public record Elasticsearch(URI url, Duration connectTimeout, Duration socketTimeout, Duration startupTimeout) {}

  /** {@code index.bulk.*}: when the BulkIngester sends a request, and how many may be in flight. */
  public record Bulk(int maxActions, long maxBytes, Duration flushInterval, int maxConcurrentRequests) {}

  /** {@code index.retry.*}: backoff of failed bulk requests and items. */
  public record Retry(Duration initialBackoff, Duration maxBackoff, int maxItemAttempts) {}

  /** {@code index.layout.*}: shape of the indices the service creates. */
  public record Layout(int shards, int replicas) {}

  /**
   * {@code index.duplicates.*}: the check, after an article is written, that no other month holds a
   * copy (its publish date moved, or an older copy was replayed).
   */
  public record Duplicates(Duration sweepInterval, Duration settle, int batchSize) {}

  /** {@code index.http.*}: the loopback operations server. */
  public record Http(int port, Duration healthCheckInterval) {}
}
