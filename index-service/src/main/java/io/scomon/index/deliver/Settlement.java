package io.scomon.index.deliver;

import io.scomon.index.sink.DeadLetterPublisher;
import io.scomon.index.sink.SourceRecord;
import io.scomon.schemas.topic.Topics;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records how a send ended, for one alert or every alert of a digest: delivered, skipped, or failed,
 * in which case each alert first goes to {@code scomon.dlq} (service index, stage deliver, the reason,
 * the alert's topic/partition/offset and bytes). Ledger and dead-letter writes are retried until they
 * succeed, since an alert is settled only once they are.
 */
final class Settlement {

  private static final Logger LOG = LoggerFactory.getLogger(Settlement.class);
  static final String STAGE = "deliver";

  private final DeliveryLedger ledger;
  private final DeadLetterPublisher deadLetters;
  private final Executor deadLetterThread;
  private final Async async;
  private final DeliveryMetrics metrics;
  private final Clock clock;

  /** @param deadLetterThread where the producer is called (it may block while Kafka is unreachable) */
  Settlement(DeliveryLedger ledger, DeadLetterPublisher deadLetters, Executor deadLetterThread, Async async,
      DeliveryMetrics metrics, Clock clock) {
    this.ledger = ledger;
    this.deadLetters = deadLetters;
    this.deadLetterThread = deadLetterThread;
    this.async = async;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * @param what the alert or digest, for logs
   * @param target the webhook URL or mail address, for logs and dead letters
   */
  CompletableFuture<Void> settle(List<LedgerEntry> entries, SendLoop.End end, String what, String target) {
    LedgerEntry first = entries.get(0);
    Channel channel = first.channel();
    if (end instanceof SendLoop.End.Delivered delivered) {
      return write(entries.stream().map(e -> e.delivered(end.attempts(), clock.instant())).toList(), what)
          .thenRun(() -> {
            metrics.delivered(channel, entries.size());
            LOG.info("delivered {} of subscription {} by {} to {} ({} attempt(s), {})", what, first.subscriptionId(),
                channel.id(), target, end.attempts(), delivered.detail());
          });
    }
    if (end instanceof SendLoop.End.Skipped skipped) {
      return skip(entries, skipped.reason(), what);
    }
    String reason = ((SendLoop.End.GaveUp) end).reason();
    String message = channel.id() + " delivery failed after " + end.attempts() + " attempt(s): " + reason;
    CompletableFuture<Void> lettered = CompletableFuture.completedFuture(null);
    for (LedgerEntry e : entries) {
      lettered = lettered.thenCompose(v -> deadLetter(e, message, target));
    }
    return lettered
        .thenCompose(v -> write(entries.stream().map(e -> e.failed(end.attempts(), reason, clock.instant())).toList(),
            what))
        .thenRun(() -> {
          metrics.failed(channel, entries.size());
          LOG.warn("gave up {} of subscription {} by {} to {}: {}; sent to {}", what, first.subscriptionId(),
              channel.id(), target, message, Topics.DLQ.name());
        });
  }

  /** Records the entries skipped, with the reason. */
  CompletableFuture<Void> skip(List<LedgerEntry> entries, String reason, String what) {
    LedgerEntry first = entries.get(0);
    return write(entries.stream().map(e -> e.skipped(reason, clock.instant())).toList(), what).thenRun(() -> {
      metrics.skipped(first.channel(), entries.size());
      LOG.info("skipped {} of subscription {} on {}: {}", what, first.subscriptionId(), first.channel().id(), reason);
    });
  }

  /** Writes entries as they are (pending with an attempt count, or claimed by a digest). */
  CompletableFuture<Void> write(List<LedgerEntry> entries, String what) {
    if (entries.size() == 1) {
      return async.untilDone("ledger write of " + what, () -> ledger.put(entries.get(0)));
    }
    return async.untilDone("ledger write of " + what, () -> ledger.putAll(entries));
  }

  /** A record of {@code scomon.alerts} that is not an alert: dead-lettered with its bytes, nothing sent. */
  CompletableFuture<Void> deadLetterUndecodable(SourceRecord source, RuntimeException error) {
    String reason = "undecodable alert: " + error.getMessage();
    return async.untilDone("dead letter of " + source, () -> CompletableFuture
            .supplyAsync(() -> deadLetters.publish(source, STAGE, reason, error.getClass().getName(), Map.of()),
                deadLetterThread)
            .thenCompose(f -> f))
        .thenRun(() -> {
          metrics.failed(Channel.ALL, 1);
          LOG.warn("record {} is not an alert, sent to {}: {}", source, Topics.DLQ.name(), reason);
        });
  }

  private CompletableFuture<Void> deadLetter(LedgerEntry entry, String reason, String target) {
    if (entry.source() == null) {
      LOG.error("alert {} has no Kafka origin to dead-letter; recorded failed only", entry.alert().getId());
      return CompletableFuture.completedFuture(null);
    }
    Map<String, String> context = new LinkedHashMap<>();
    context.put("alertId", entry.alert().getId());
    context.put("subscriptionId", entry.subscriptionId());
    context.put("channel", entry.channel().id());
    context.put("target", target);
    if (entry.digestId() != null) {
      context.put("digestId", entry.digestId());
    }
    return async.untilDone("dead letter of " + entry.id(), () -> CompletableFuture
        .supplyAsync(() -> deadLetters.publish(entry.source(), STAGE, reason, "delivery_failed", context),
            deadLetterThread)
        .thenCompose(f -> f));
  }
}
