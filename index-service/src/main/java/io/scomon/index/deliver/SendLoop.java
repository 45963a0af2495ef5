package io.scomon.index.deliver;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attempts one send until it is delivered, refused for good, out of attempts, or no longer wanted.
 * Waits between attempts are scheduled ({@link Async#park}), so a failing receiver holds no thread.
 */
final class SendLoop {

  private static final Logger LOG = LoggerFactory.getLogger(SendLoop.class);

  /** How a send ended. */
  sealed interface End {
    int attempts();

    record Delivered(int attempts, String detail) implements End {}

    record GaveUp(int attempts, String reason) implements End {}

    record Skipped(int attempts, String reason) implements End {}
  }

  /** What one send is: for logs, the channel for metrics, and its callbacks. */
  record Send(String what, Channel channel, Supplier<Optional<String>> skipReason, BooleanSupplier abandoned,
      IntFunction<CompletableFuture<SendOutcome>> attempt,
      BiFunction<Integer, SendOutcome, CompletableFuture<Void>> beforeRetry) {}

  private final RetryPolicy policy;
  private final Async async;
  private final DeliveryMetrics metrics;
  private final AtomicInteger waiting = new AtomicInteger();

  SendLoop(RetryPolicy policy, Async async, DeliveryMetrics metrics) {
    this.policy = policy;
    this.async = async;
    this.metrics = metrics;
  }

  /** Sends of this loop waiting between two attempts. */
  int waiting() {
    return waiting.get();
  }

  /**
   * @param attemptsSoFar attempts already made (recorded in the ledger before a restart)
   * @param lastError the last of them failed with this, if any
   */
  CompletableFuture<End> run(Send send, int attemptsSoFar, String lastError) {
    return next(send, attemptsSoFar + 1, lastError);
  }

  private CompletableFuture<End> next(Send send, int number, String lastError) {
    if (async.closing() || send.abandoned().getAsBoolean()) {
      return CompletableFuture.failedFuture(new CancellationException(send.what() + ": stopped before attempt "
          + number));
    }
    Optional<String> skip = send.skipReason().get();
    if (skip.isPresent()) {
      return CompletableFuture.completedFuture(new End.Skipped(number - 1, skip.get()));
    }
    if (number > policy.maxAttempts()) {
      return CompletableFuture.completedFuture(new End.GaveUp(number - 1,
          lastError == null ? "attempts exhausted" : lastError));
    }
    CompletableFuture<SendOutcome> sent;
    try {
      sent = send.attempt().apply(number);
    } catch (RuntimeException e) {
      sent = CompletableFuture.completedFuture(new SendOutcome.Retryable("unexpected error: " + e));
    }
    return sent
        .exceptionally(e -> new SendOutcome.Retryable("unexpected error: " + e))
        .thenComposeAsync(outcome -> {
          if (outcome instanceof SendOutcome.Delivered delivered) {
            return CompletableFuture.completedFuture(new End.Delivered(number, delivered.detail()));
          }
          Optional<Duration> delay = policy.nextDelay(outcome, number);
          if (delay.isEmpty()) {
            return CompletableFuture.completedFuture(new End.GaveUp(number, outcome.detail()));
          }
          metrics.retried(send.channel());
          LOG.info("{}: attempt {} failed ({}), next in {} ms", send.what(), number, outcome.detail(),
              delay.get().toMillis());
          return send.beforeRetry().apply(number, outcome)
              .thenCompose(v -> {
                waiting.incrementAndGet();
                return async.park(delay.get()).whenComplete((x, e) -> waiting.decrementAndGet());
              })
              .thenComposeAsync(v -> next(send, number + 1, outcome.detail()), async.executor());
        }, async.executor());
  }
}
