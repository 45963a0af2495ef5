package io.scomon.index.sink;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: attempt n waits between half and all of {@code initial * 2^(n-1)}, capped. */
public record Backoff(Duration initial, Duration max) {

  public Duration delay(int attempt) {
    long cap = max.toMillis();
    long base = initial.toMillis();
    long exp = attempt <= 1 ? base : base << Math.min(attempt - 1, 30);
    long full = Math.min(cap, exp <= 0 ? cap : exp);
    long half = full / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
  }
}
