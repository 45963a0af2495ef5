package io.scomon.ingest.fetch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

/**
 * A bounded pool of worker threads in front of one queue per host. A host runs at most one task
 * at a time, and its next task starts no sooner than the host's delay after the previous one
 * ended (the larger of the configured minimum and the robots.txt Crawl-delay), or after a pause
 * (429, Retry-After). Waiting is done by the scheduler, never by a sleeping worker, so a slow or
 * stalled host holds one thread at most and every other host keeps its pace.
 */
public final class HostQueues implements AutoCloseable {

  private static final class Host {
    final String key;
    final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    boolean busy;
    long notBefore;

    Host(String key) {
      this.key = key;
      this.notBefore = System.nanoTime();
    }
  }

  private final ScheduledThreadPoolExecutor pool;
  private final ToLongFunction<String> delayNanos;
  private final Map<String, Host> hosts = new HashMap<>();
  private final Object lock = new Object();
  private int queued;
  private int running;
  private boolean closed;

  /**
   * @param threads worker threads
   * @param delay the delay between two requests to a host, asked after each task
   */
  public HostQueues(int threads, java.util.function.Function<String, Duration> delay, String name) {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.pool = new ScheduledThreadPoolExecutor(threads, factory);
    this.pool.setRemoveOnCancelPolicy(true);
    this.delayNanos = host -> {
      try {
        Duration d = delay.apply(host);
        return d == null ? 0 : d.toNanos();
      } catch (RuntimeException e) {
        return 0;
      }
    };
  }

  /** Queues a task for a host; the future completes with its result or exception. */
  public <T> CompletableFuture<T> submit(String host, Callable<T> task) {
    CompletableFuture<T> future = new CompletableFuture<>();
    Runnable job = () -> {
      try {
        future.complete(task.call());
      } catch (Throwable t) {
        future.completeExceptionally(t);
      }
    };
    synchronized (lock) {
      if (closed) {
        future.completeExceptionally(new RejectedExecutionException("host queues are closed"));
        return future;
      }
      Host h = hosts.computeIfAbsent(host, Host::new);
      h.queue.add(job);
      queued++;
      if (!h.busy) {
        schedule(h);
      }
    }
    return future;
  }

  /** Keeps the host idle for at least this long from now (server asked us to slow down). */
  public void pause(String host, Duration duration) {
    synchronized (lock) {
      Host h = hosts.computeIfAbsent(host, Host::new);
      h.notBefore = Math.max(h.notBefore, System.nanoTime() + duration.toNanos());
    }
  }

  /** Tasks waiting (not running). */
  public int queued() {
    synchronized (lock) {
      return queued;
    }
  }

  /** Tasks running now. */
  public int running() {
    synchronized (lock) {
      return running;
    }
  }

  private void schedule(Host h) {
    h.busy = true;
    long wait = Math.max(0, h.notBefore - System.nanoTime());
    try {
      pool.schedule(() -> run(h), wait, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      h.busy = false;
    }
  }

  private void run(Host h) {
    Runnable job;
    synchronized (lock) {
      if (closed) {
        return;
      }
      long wait = h.notBefore - System.nanoTime();
      if (wait > 0) {
        pool.schedule(() -> run(h), wait, TimeUnit.NANOSECONDS);
        return;
      }
      job = h.queue.poll();
      if (job == null) {
        h.busy = false;
        return;
      }
      queued--;
      running++;
    }
    try {
      job.run();
    } finally {
      long delay = delayNanos.applyAsLong(h.key);
      synchronized (lock) {
        running--;
        h.notBefore = Math.max(h.notBefore, System.nanoTime() + delay);
        if (!h.queue.isEmpty() && !closed) {
          schedule(h);
        } else {
          h.busy = false;
          prune();
        }
      }
    }
  }

  private void prune() {
    if (hosts.size() < 10_000) {
      return;
    }
    long now = System.nanoTime();
    hosts.values().removeIf(x -> !x.busy && x.queue.isEmpty() && x.notBefore - now < 0);
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
    }
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
