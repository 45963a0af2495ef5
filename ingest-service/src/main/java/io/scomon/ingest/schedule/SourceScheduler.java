package io.scomon.ingest.schedule;

import io.scomon.ingest.monitor.CrawlMetrics;
import io.scomon.ingest.source.Source;
import io.scomon.ingest.source.SourceList;
import io.scomon.ingest.state.CrawlStateStore;
import io.scomon.schemas.CrawlState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every source when it is due. Due times, intervals, validators and failure counts live in
 * the crawl state of the source's URL, so after a restart a source is polled when it was going to
 * be, not at once. One poll per source at a time; the polls themselves run on the host queues, so
 * the scheduler thread never waits on the network.
 */
public final class SourceScheduler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SourceScheduler.class);

  private final SourceList sources;
  private final SourcePoller poller;
  private final CrawlStateStore state;
  private final CrawlMetrics metrics;
  private final Duration tick;
  private final Clock clock;
  private final Set<String> polling = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "source-scheduler");
    t.setDaemon(true);
    return t;
  });

  public SourceScheduler(SourceList sources, SourcePoller poller, CrawlStateStore state, CrawlMetrics metrics,
      Duration tick, Clock clock) {
    this.sources = sources;
    this.poller = poller;
    this.state = state;
    this.metrics = metrics;
    this.tick = tick;
    this.clock = clock;
  }

  public void start() {
    timer.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts the polls that are due now. */
  void tick() {
    try {
      Instant now = clock.instant();
      for (Source s : sources.sources()) {
        if (polling.contains(s.id())) {
          continue;
        }
        CrawlState st = state.get(s.url().toString()).orElse(null);
        boolean due = st == null || st.getNextDueAt() == null || !st.getNextDueAt().isAfter(now);
        if (due && polling.add(s.id())) {
          poller.poll(s).whenComplete((result, error) -> {
            try {
              record(s, error == null ? result : PollResult.failed(0, "internal-error"));
            } catch (RuntimeException e) {
              LOG.error("cannot record the poll of {}", s.id(), e);
            } finally {
              polling.remove(s.id());
            }
          });
        }
      }
    } catch (RuntimeException e) {
      LOG.error("scheduler tick failed", e);
    }
  }

  private void record(Source s, PollResult r) {
    Instant now = clock.instant();
    state.update(s.url().toString(), s.id(), b -> {
      Duration current = AdaptiveInterval.clamp(Duration.ofMillis(b.getIntervalMillis()), s.schedule());
      Duration interval;
      Duration wait;
      int failures;
      if (r.ok()) {
        failures = 0;
        interval = AdaptiveInterval.afterPoll(current, r.newItems(), s.schedule());
        wait = interval;
      } else {
        failures = b.getConsecutiveFailures() + 1;
        interval = current;
        wait = AdaptiveInterval.afterFailure(current, failures, s.schedule());
      }
      b.setLastFetchedAt(now).setLastStatus(r.status()).setConsecutiveFailures(failures).setLastError(r.failure())
          .setIntervalMillis(interval.toMillis()).setNewItemsLastPoll(r.newItems()).setNextDueAt(now.plus(wait));
      if (r.etag() != null) {
        b.setEtag(r.etag());
      }
      if (r.lastModified() != null) {
        b.setLastModified(r.lastModified());
      }
      if (r.contentHash() != null) {
        b.setContentHash(r.contentHash());
      }
      LOG.info("polled {}: {} ({} new), next in {}", s.id(), r.outcome(), r.newItems(), wait);
      return b;
    });
    metrics.poll(s.id(), r.outcome());
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
