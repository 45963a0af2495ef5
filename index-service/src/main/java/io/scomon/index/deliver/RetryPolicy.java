package io.scomon.index.deliver;

import io.scomon.index.sink.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to try a failed send again: exponential backoff with jitter ({@link Backoff}), or the receiver's
 * {@code Retry-After} when it gave one (capped at {@code max-retry-after}), until {@code max-attempts}.
 */
final class RetryPolicy {

  private final Backoff backoff;
  private final int maxAttempts;
  private final Duration maxRetryAfter;

  RetryPolicy(DeliveryConfig.Retry config) {
    this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
    this.maxAttempts = config.maxAttempts();
    this.maxRetryAfter = config.maxRetryAfter();
  }

  /**
   * After {@code attempts} attempts, the last of which ended in {@code outcome}: how long to wait before
   * the next one, or empty to give up.
   */
  Optional<Duration> nextDelay(SendOutcome outcome, int attempts) {
    if (!(outcome instanceof SendOutcome.Retryable retryable) || attempts >= maxAttempts) {
      return Optional.empty();
    }
    return Optional.of(retryable.retryAfter()
        .map(wish -> wish.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wish)
        .orElseGet(() -> backoff.delay(attempts)));
  }

  int maxAttempts() {
    return maxAttempts;
  }

  /**
   * A {@code Retry-After} header value (RFC 9110: delay-seconds or an HTTP-date) as a wait from
   * {@code now}; empty when absent or unreadable. A date in the past means no wait.
   */
  static Optional<Duration> parseRetryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        return Optional.empty(); // more digits than a long: not a delay anyone means
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
