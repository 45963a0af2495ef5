package io.scomon.index.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The service's metrics, in Prometheus format at {@code /metrics}: documents indexed, superseded
 * (version conflicts: a newer copy was already there), failed, retried and dead-lettered, bulk
 * request latency, records pending, consumer pause state and lag.
 */
public final class IndexMetrics {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, AtomicLong> lagByTopic = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Timer bulkLatency;
  private final AtomicLong paused = new AtomicLong();

  public IndexMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    bulkLatency = Timer.builder("scomon.index.bulk.latency")
        .description("Time from sending a bulk request to its response")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(60))
        .register(registry);
    Gauge.builder("scomon.index.consumer.paused", paused, AtomicLong::get)
        .description("1 while the consumer's partitions are paused for backpressure").register(registry);
  }

  /** The registry behind /metrics, for other components of the service (alert delivery). */
  public io.micrometer.core.instrument.MeterRegistry registry() {
    return registry;
  }

  /** A document Elasticsearch accepted. */
  public void indexed(String kind) {
    counter("scomon.index.documents.indexed", "Documents Elasticsearch accepted", "kind", kind).increment();
  }

  /** A write refused with a version conflict: Elasticsearch already held this copy or a newer one. Counts as success. */
  public void superseded(String kind) {
    counter("scomon.index.documents.superseded", "Writes skipped because a newer or equal version was stored",
        "kind", kind).increment();
  }

  /** An item Elasticsearch refused; {@code outcome} is {@code retry} or {@code rejected}. */
  public void failed(String kind, String outcome) {
    counter("scomon.index.documents.failed", "Documents Elasticsearch refused", "kind", kind, "outcome", outcome)
        .increment();
  }

  /** A bulk request that failed as a whole (connection refused, timeout, 5xx). */
  public void bulkFailed() {
    counter("scomon.index.bulk.failed", "Bulk requests that failed as a whole").increment();
  }

  public void retried(int operations) {
    counter("scomon.index.documents.retried", "Operations sent again after a failure").increment(operations);
  }

  public void deadLettered(String stage) {
    counter("scomon.index.dead.letters", "Records sent to scomon.dlq", "stage", stage).increment();
  }

  /** Copies of articles deleted because a newer copy lives in another month. */
  public void duplicatesDeleted(int copies) {
    counter("scomon.index.duplicates.deleted", "Older copies of moved articles deleted from their old month")
        .increment(copies);
  }

  /** Article copies waiting for the duplicate check before their records are acknowledged. */
  public void duplicateChecksPending(Supplier<Number> pending) {
    Gauge.builder("scomon.index.duplicates.pending", pending).strongReference(true)
        .description("Article copies waiting for the check that no other month holds them").register(registry);
  }

  public void bulkLatency(long nanos) {
    bulkLatency.record(Duration.ofNanos(nanos));
  }

  public void consumerPaused(boolean isPaused) {
    paused.set(isPaused ? 1 : 0);
  }

  /** Records read past the consumer's position but not yet fetched, summed per topic. */
  public void consumerLag(String topic, long lag) {
    lagByTopic.computeIfAbsent(topic, t -> {
      AtomicLong value = new AtomicLong();
      Gauge.builder("scomon.index.consumer.lag", value, AtomicLong::get).tag("topic", t)
          .description("Records in the topic not yet read by this instance").register(registry);
      return value;
    }).set(lag);
  }

  /** Records read from Kafka whose writes Elasticsearch has not acknowledged yet. */
  public void pendingRecords(Supplier<Number> pending) {
    Gauge.builder("scomon.index.pending.records", pending).strongReference(true)
        .description("Records read but not yet acknowledged by Elasticsearch").register(registry);
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }

  /** Current value of a counter (0 when it was never incremented), for tests and logs. */
  public double count(String name, String... tags) {
    Counter counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  /** Sum of a counter over every tag combination. */
  public double total(String name) {
    return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
  }

  /** Current value of a gauge, 0 when it is not registered. */
  public double gauge(String name) {
    Gauge gauge = registry.find(name).gauge();
    return gauge == null ? 0 : gauge.value();
  }

  private Counter counter(String name, String description, String... tags) {
    String key = name + String.join(",", tags);
    return counters.computeIfAbsent(key, k -> Counter.builder(name).description(description).tags(tags)
        .register(registry));
  }

  /** The tag value of a document kind, e.g. {@code article}. */
  public static String kind(Enum<?> kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
