package io.scomon.ingest.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl's counters, tagged by source: every failure with its reason (and a log line with URL
 * and reason), pages by outcome, polls by outcome, requests emitted and articles published.
 * Prometheus names: {@code scomon_ingest_failures_total{source,reason}}, {@code
 * scomon_ingest_pages_total{source,outcome}}, {@code scomon_ingest_polls_total{source,outcome}},
 * {@code scomon_ingest_fetch_requests_total{source}}, {@code scomon_ingest_articles_published_total{source}},
 * {@code scomon_ingest_recovered_total{source,reason}}.
 */
public final class CrawlMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(CrawlMetrics.class);

  private final MeterRegistry registry;

  public CrawlMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** A failure: logged with URL and reason, counted under source and reason. */
  public void failed(String sourceId, String url, String reason, String detail) {
    LOG.warn("failed source={} reason={} url={}: {}", sourceId, reason, url, detail);
    Counter.builder("scomon.ingest.failures").description("Failed fetches, polls and pages")
        .tag("source", sourceId).tag("reason", reason).register(registry).increment();
  }

  /** A problem the crawler worked around (the page was still used), e.g. a wrong declared charset. */
  public void recovered(String sourceId, String url, String reason, String detail) {
    LOG.info("recovered source={} reason={} url={}: {}", sourceId, reason, url, detail);
    Counter.builder("scomon.ingest.recovered").description("Problems worked around")
        .tag("source", sourceId).tag("reason", reason).register(registry).increment();
  }

  /** A page handled: fetched, not-modified, unchanged, skipped. */
  public void page(String sourceId, String outcome) {
    Counter.builder("scomon.ingest.pages").description("Pages by outcome")
        .tag("source", sourceId).tag("outcome", outcome).register(registry).increment();
  }

  /** A source polled: new-items, no-new-items, not-modified, failed. */
  public void poll(String sourceId, String outcome) {
    Counter.builder("scomon.ingest.polls").description("Source polls by outcome")
        .tag("source", sourceId).tag("outcome", outcome).register(registry).increment();
  }

  public void requested(String sourceId, int count) {
    Counter.builder("scomon.ingest.fetch.requests").description("Fetch requests emitted")
        .tag("source", sourceId).register(registry).increment(count);
  }

  public void published(String sourceId, int count) {
    Counter.builder("scomon.ingest.articles.published").description("Articles published")
        .tag("source", sourceId).register(registry).increment(count);
  }

  /** Failures counted so far for a source and reason (tests, health). */
  public double failures(String sourceId, String reason) {
    return count(Search.in(registry).name("scomon.ingest.failures").tag("source", sourceId).tag("reason", reason));
  }

  /** Failures counted so far for a source, all reasons. */
  public double failures(String sourceId) {
    return count(Search.in(registry).name("scomon.ingest.failures").tag("source", sourceId));
  }

  public double recoveries(String sourceId, String reason) {
    return count(Search.in(registry).name("scomon.ingest.recovered").tag("source", sourceId).tag("reason", reason));
  }

  public double pages(String sourceId, String outcome) {
    return count(Search.in(registry).name("scomon.ingest.pages").tag("source", sourceId).tag("outcome", outcome));
  }

  public double polls(String sourceId, String outcome) {
    return count(Search.in(registry).name("scomon.ingest.polls").tag("source", sourceId).tag("outcome", outcome));
  }

  private static double count(Search search) {
    return search.counters().stream().mapToDouble(Counter::count).sum();
  }
}
