package io.scomon.ingest.source;

import java.time.Duration;

/**
 * How often a source is polled: it starts at {@code interval} and adapts between {@code min} and
 * {@code max} (see {@code io.scomon.ingest.schedule.AdaptiveInterval}).
 */
public record PollSchedule(Duration interval, Duration min, Duration max) {

  public PollSchedule {
    if (min.compareTo(interval) > 0 || interval.compareTo(max) > 0) {
      throw new IllegalArgumentException("min <= interval <= max does not hold");
    }
  }
}
