package io.scomon.index.deliver;

import io.scomon.index.sink.Backoff;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler every delivery runs on: continuations, retries (scheduled, never slept on), digest
 * ticks. It counts the flows that are busy (not parked between two attempts), so that shutdown can let
 * them finish what they are sending and record it before offsets are committed; once closing, a parked
 * flow ends with a {@link CancellationException} instead of trying again (its alert stays unsettled and
 * is read again after the restart).
 */
final class Async implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Async.class);

  private final ScheduledExecutorService scheduler;
  private final Backoff infraBackoff;
  private final AtomicInteger busy = new AtomicInteger();
  private volatile boolean closing;

  /** @param infraBackoff between attempts to write the ledger or the dead-letter queue */
  Async(int threads, Backoff infraBackoff) {
    AtomicInteger n = new AtomicInteger();
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, r -> {
      Thread t = new Thread(r, "deliver-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    executor.setRemoveOnCancelPolicy(true);
    this.scheduler = executor;
    this.infraBackoff = infraBackoff;
  }

  Executor executor() {
    return scheduler;
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  boolean closing() {
    return closing;
  }

  /** Runs a flow, counted busy until it completes (parked waits excepted). */
  <T> CompletableFuture<T> track(Supplier<CompletableFuture<T>> flow) {
    busy.incrementAndGet();
    CompletableFuture<T> result;
    try {
      result = flow.get();
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    return result.whenComplete((v, e) -> busy.decrementAndGet());
  }

  /** Completes after {@code delay} on the scheduler; the calling flow is parked meanwhile. */
  CompletableFuture<Void> park(Duration delay) {
    CompletableFuture<Void> woken = new CompletableFuture<>();
    if (closing) {
      woken.completeExceptionally(new CancellationException("shutting down"));
      return woken;
    }
    busy.decrementAndGet();
    try {
      scheduler.schedule(() -> {
        busy.incrementAndGet();
        if (closing) {
          woken.completeExceptionally(new CancellationException("shutting down"));
        } else {
          woken.complete(null);
        }
      }, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) { // rejected: the scheduler is shut down
      busy.incrementAndGet();
      woken.completeExceptionally(new CancellationException("shutting down"));
    }
    return woken;
  }

  /**
   * Runs {@code operation} until it succeeds: for writes to the ledger and the dead-letter queue,
   * without which an alert cannot be settled. Gives up only when closing.
   */
  <T> CompletableFuture<T> untilDone(String what, Supplier<CompletableFuture<T>> operation) {
    return attempt(what, operation, 1);
  }

  private <T> CompletableFuture<T> attempt(String what, Supplier<CompletableFuture<T>> operation, int attempt) {
    CompletableFuture<T> result;
    try {
      result = operation.get();
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    return result.handle((value, error) -> {
      if (error == null) {
        return CompletableFuture.completedFuture(value);
      }
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      Duration wait = infraBackoff.delay(attempt);
      if (attempt == 1 || attempt % 10 == 0) {
        LOG.warn("{} failed (attempt {}, next in {} ms): {}", what, attempt, wait.toMillis(), cause.toString());
      }
      return park(wait).thenComposeAsync(v -> attempt(what, operation, attempt + 1), scheduler);
    }).thenCompose(f -> f);
  }

  /** From now on parked flows end instead of trying again. */
  void beginClosing() {
    closing = true;
  }

  /** Waits until no flow is busy, up to {@code timeout}; true if none is. */
  boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (busy.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return busy.get() <= 0;
  }

  int busy() {
    return busy.get();
  }

  @Override
  public void close() {
    closing = true;
    scheduler.shutdownNow();
  }
}
