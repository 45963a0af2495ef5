package io.scomon.index.ops;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness: every named dependency answered its last check. Checks run on their own thread at a
 * fixed interval, so {@code /health/ready} answers at once and never waits on a dead server.
 */
public final class Readiness implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

  /** One dependency check: returns normally when the dependency is usable, throws with the reason otherwise. */
  @FunctionalInterface
  public interface Check {
    void run() throws Exception;
  }

  private final Map<String, Check> checks;
  private final Map<String, String> status = new LinkedHashMap<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "index-readiness");
    t.setDaemon(true);
    return t;
  });

  public Readiness(Map<String, Check> checks) {
    this.checks = new LinkedHashMap<>(checks);
    checks.keySet().forEach(name -> status.put(name, "UNKNOWN"));
  }

  public Readiness start(Duration interval) {
    scheduler.scheduleWithFixedDelay(this::checkAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Runs every check now (the scheduler also does, at its interval). */
  public void checkAll() {
    for (Map.Entry<String, Check> check : checks.entrySet()) {
      String result;
      try {
        check.getValue().run();
        result = "UP";
      } catch (Exception e) {
        result = "DOWN: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
      } catch (Throwable t) {
        result = "DOWN: " + t;
      }
      String previous;
      synchronized (status) {
        previous = status.put(check.getKey(), result);
      }
      if (!result.equals(previous) && (result.equals("UP") || previous == null || previous.equals("UP")
          || previous.equals("UNKNOWN"))) {
        LOG.info("readiness of {}: {}", check.getKey(), result);
      }
    }
  }

  public boolean ready() {
    synchronized (status) {
      return status.values().stream().allMatch("UP"::equals);
    }
  }

  /** The result of the last check of each dependency. */
  public Map<String, String> status() {
    synchronized (status) {
      return new LinkedHashMap<>(status);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
