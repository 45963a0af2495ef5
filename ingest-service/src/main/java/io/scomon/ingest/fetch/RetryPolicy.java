package io.scomon.ingest.fetch;

import java.time.Duration;
import java.util.Optional;

/**
 * When to try a failed fetch again: only retryable failures (429, 5xx, timeouts, resets), at most
 * {@code maxAttempts} attempts in all, after {@code base * 2^(attempt-1)} or what Retry-After asked
 * for, never longer than {@code maxDelay}.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration maxDelay) {

  /**
   * The delay before the next attempt, or empty to give up.
   *
   * @param attemptsSoFar attempts made, the failed one included (1 after the first failure)
   */
  public Optional<Duration> next(FetchException failure, int attemptsSoFar) {
    if (!failure.retryable() || attemptsSoFar >= maxAttempts) {
      return Optional.empty();
    }
    if (failure.retryAfter() != null) {
      return Optional.of(min(failure.retryAfter(), maxDelay));
    }
    int exponent = Math.min(attemptsSoFar - 1, 20);
    return Optional.of(min(base.multipliedBy(1L << exponent), maxDelay));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
