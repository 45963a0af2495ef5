package io.scomon.ingest;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scomon.ingest.config.IngestConfig;
import io.scomon.ingest.crawl.FetchRequestConsumer;
import io.scomon.ingest.crawl.PageCrawler;
import io.scomon.ingest.feed.SitemapReader;
import io.scomon.ingest.fetch.HostQueues;
import io.scomon.ingest.fetch.HttpFetcher;
import io.scomon.ingest.fetch.RetryPolicy;
import io.scomon.ingest.fetch.RobotsCache;
import io.scomon.ingest.guard.AddressGuard;
import io.scomon.ingest.monitor.CrawlMetrics;
import io.scomon.ingest.monitor.HealthServer;
import io.scomon.ingest.publish.DeadLetters;
import io.scomon.ingest.publish.KafkaWriter;
import io.scomon.ingest.publish.Origin;
import io.scomon.ingest.schedule.SourcePoller;
import io.scomon.ingest.schedule.SourceScheduler;
import io.scomon.ingest.source.SourceList;
import io.scomon.ingest.state.CrawlStateStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: every part wired from the config and the sources, started in order and
 * closed in reverse. {@link IngestApp} runs one; tests start one in their JVM.
 */
public final class IngestService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
  private final CrawlMetrics metrics;
  private final PrometheusMeterRegistry registry;
  private FetchRequestConsumer consumer;
  private HostQueues hosts;
  private HealthServer health;
  private volatile boolean ready;
  private volatile boolean closed;

  private IngestService(PrometheusMeterRegistry registry) {
    this.registry = registry;
    this.metrics = new CrawlMetrics(registry);
  }

  /** Starts every part; on failure, closes what was started and rethrows. */
  public static IngestService start(IngestConfig config, SourceList sources, PrometheusMeterRegistry registry)
      throws IOException {
    IngestService service = new IngestService(registry);
    try {
      service.startParts(config, sources);
      return service;
    } catch (IOException | RuntimeException e) {
      service.close();
      throw e;
    }
  }

  private void startParts(IngestConfig config, SourceList sources) throws IOException {
    Clock clock = Clock.systemUTC();
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    closeables.push(gc);

    IngestConfig.Kafka kafka = config.kafka();
    KafkaWriter writer = push(new KafkaWriter(kafka.bootstrapServers(), kafka.clientId()));
    DeadLetters deadLetters = new DeadLetters(writer, clock);
    CrawlStateStore state = push(CrawlStateStore.open(kafka.bootstrapServers(), kafka.clientId(), writer,
        kafka.stateLoadTimeout(), (record, error) -> {
          metrics.failed("crawl-state", new String(record.key(), java.nio.charset.StandardCharsets.UTF_8),
              "bad-state-record", error.toString());
          deadLetters.send("decode", "bad-state-record", error.toString(), error,
              new Origin(record.topic(), record.partition(), record.offset(), record.key(), record.value()), Map.of());
        }));

    HttpFetcher fetcher = push(new HttpFetcher(HttpFetcher.Settings.of(config.fetch(), config.workers().threads()),
        new AddressGuard()));
    RobotsCache robots = new RobotsCache(fetcher, config.fetch().robotsAgent(), config.politeness().robotsTtl(), clock);
    IngestConfig.Politeness politeness = config.politeness();
    Function<String, Duration> hostDelay = host -> {
      Duration crawlDelay = robots.crawlDelay(host).orElse(Duration.ZERO);
      if (crawlDelay.compareTo(politeness.maxCrawlDelay()) > 0) {
        crawlDelay = politeness.maxCrawlDelay();
      }
      return crawlDelay.compareTo(politeness.minDelay()) > 0 ? crawlDelay : politeness.minDelay();
    };
    hosts = push(new HostQueues(config.workers().threads(), hostDelay, "fetch"));
    registry.gauge("scomon.ingest.hosts.queued", hosts, HostQueues::queued);
    registry.gauge("scomon.ingest.hosts.running", hosts, HostQueues::running);

    RetryPolicy retry = new RetryPolicy(config.fetch().maxAttempts(), config.fetch().retryBackoff(),
        config.fetch().maxRetryAfter());
    ExecutorService processing = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
        daemon("extract"));
    closeables.push(processing::shutdownNow);
    PageCrawler pages = new PageCrawler(new PageCrawler.Parts(fetcher, robots, hosts, processing, state, writer,
        deadLetters, metrics, retry, config.crawl().maxThreadPages(), clock));
    consumer = push(new FetchRequestConsumer(kafka.bootstrapServers(), kafka.clientId(), kafka.fetchGroupId(),
        config.workers().maxInFlight(), sources, pages, deadLetters, metrics));
    consumer.start();
    registry.gauge("scomon.ingest.requests.in.flight", consumer, FetchRequestConsumer::inFlight);

    if (config.schedule().enabled()) {
      SourcePoller poller = new SourcePoller(new SourcePoller.Parts(fetcher, robots, hosts, state, writer, pages,
          metrics, new SitemapReader(config.crawl().maxSitemaps(), config.fetch().maxBodyBytes()), hostDelay, config.crawl().maxLinksPerPoll(),
          clock));
      SourceScheduler scheduler = push(new SourceScheduler(sources, poller, state, metrics,
          config.schedule().tick(), clock));
      scheduler.start();
    }
    health = push(new HealthServer(config.http().host(), config.http().port(), () -> !closed, this::ready, registry));
    ready = true;
    LOG.info("ingest-service started: {} sources, scheduler {}, {} fetch workers, health on http://{}:{}/health/ready",
        sources.size(), config.schedule().enabled() ? "on" : "off", config.workers().threads(), config.http().host(),
        health.port());
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private <T extends AutoCloseable> T push(T closeable) {
    closeables.push(closeable);
    return closeable;
  }

  /** Started, crawl state read back, and the fetch consumer polling. */
  public boolean ready() {
    return ready && !closed && consumer != null && consumer.healthy();
  }

  public CrawlMetrics metrics() {
    return metrics;
  }

  /** Port of the health and metrics server. */
  public int httpPort() {
    return health.port();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    while (!closeables.isEmpty()) {
      AutoCloseable c = closeables.pop();
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
      }
    }
    LOG.info("ingest-service stopped");
  }
}
