package io.scomon.ingest.schedule;

import io.scomon.ingest.source.PollSchedule;
import java.time.Duration;

/**
 * How a source's polling interval follows its rhythm: halved after a poll that found new items,
 * one and a half times longer after one that found none (304, same content, or only known links),
 * always within the source's min and max. After failures the next poll waits the interval times
 * 2^failures (capped at max); the interval itself is kept. Pure arithmetic.
 */
public final class AdaptiveInterval {

  private AdaptiveInterval() {}

  /** The interval after a successful poll that found {@code newItems} new items. */
  public static Duration afterPoll(Duration current, int newItems, PollSchedule bounds) {
    Duration base = clamp(current, bounds);
    Duration next = newItems > 0 ? base.dividedBy(2) : base.plus(base.dividedBy(2));
    return clamp(next, bounds);
  }

  /** How long to wait before the next poll after {@code consecutiveFailures} failed polls in a row. */
  public static Duration afterFailure(Duration current, int consecutiveFailures, PollSchedule bounds) {
    Duration base = clamp(current, bounds);
    int exponent = Math.max(0, Math.min(consecutiveFailures, 16));
    Duration wait = base.multipliedBy(1L << exponent);
    return wait.compareTo(bounds.max()) > 0 ? bounds.max() : wait;
  }

  /** The interval within the bounds (a persisted interval may predate a change of sources.yml). */
  public static Duration clamp(Duration d, PollSchedule bounds) {
    if (d == null || d.isZero() || d.isNegative()) {
      return bounds.interval();
    }
    if (d.compareTo(bounds.min()) < 0) {
      return bounds.min();
    }
    return d.compareTo(bounds.max()) > 0 ? bounds.max() : d;
  }
}
