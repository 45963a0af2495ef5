package io.scomon.index.deliver;

import io.scomon.index.sink.SourceRecord;
import io.scomon.schemas.Alert;
import io.scomon.schemas.DeliveryMode;
import io.scomon.schemas.Subscription;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one alert read from {@code scomon.alerts} to settled on each channel of its subscription:
 * the ledger is read first (already settled: nothing to do; attempts already made count), an instant
 * alert is sent with retries and recorded delivered or failed (and dead-lettered), a digest alert is
 * recorded pending for {@link DigestScheduler}, and an alert whose subscription is gone is recorded
 * skipped.
 */
final class AlertDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

  private final SubscriptionDirectory directory;
  private final DeliveryLedger ledger;
  private final ChannelSenders senders;
  private final SendLoop loop;
  private final Settlement settlement;
  private final Async async;
  private final DeliveryMetrics metrics;
  private final Clock clock;
  /** Sends under way, by ledger id: an alert read again while its send still runs waits for it. */
  private final Map<String, CompletableFuture<Void>> sending = new ConcurrentHashMap<>();

  AlertDispatcher(SubscriptionDirectory directory, DeliveryLedger ledger, ChannelSenders senders, SendLoop loop,
      Settlement settlement, Async async, DeliveryMetrics metrics, Clock clock) {
    this.directory = directory;
    this.ledger = ledger;
    this.senders = senders;
    this.loop = loop;
    this.settlement = settlement;
    this.async = async;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Completes once the alert is settled on every channel; fails with a CancellationException when the
   * service stops or {@code abandoned} turns true (its partition was revoked) before that.
   */
  CompletableFuture<Void> dispatch(Alert alert, SourceRecord source, BooleanSupplier abandoned) {
    return async.track(() -> directory.resolve(alert.getSubscriptionId())
        .thenComposeAsync(lookup -> route(alert, source, lookup, abandoned), async.executor()));
  }

  private CompletableFuture<Void> route(Alert alert, SourceRecord source, SubscriptionDirectory.Lookup lookup,
      BooleanSupplier abandoned) {
    if (!(lookup instanceof SubscriptionDirectory.Lookup.Found found)) {
      return skipAll(alert, source, lookup instanceof SubscriptionDirectory.Lookup.Deleted
          ? "subscription deleted" : "unknown subscription");
    }
    Subscription s = found.subscription();
    if (!s.getActive()) {
      return skipAll(alert, source, "subscription inactive");
    }
    List<Channel> channels = ChannelSenders.channels(s);
    if (channels.isEmpty()) {
      return skipAll(alert, source, "subscription has no webhookUrl and no email");
    }
    boolean digest = s.getMode() == DeliveryMode.DIGEST;
    return CompletableFuture.allOf(channels.stream()
        .map(c -> onChannel(alert, source, c, digest, abandoned))
        .toArray(CompletableFuture[]::new));
  }

  /**
   * One alert on one channel. When the same alert is already being sent here (its partition was
   * revoked, e.g. while Kafka restarted, and assigned back, so it was read again before the first send
   * was recorded), this waits for that send and then reads the ledger, so it is not sent twice.
   */
  private CompletableFuture<Void> onChannel(Alert alert, SourceRecord source, Channel channel, boolean digest,
      BooleanSupplier abandoned) {
    String id = LedgerEntry.id(alert.getId(), channel);
    CompletableFuture<Void> slot = new CompletableFuture<>();
    CompletableFuture<Void> earlier = sending.putIfAbsent(id, slot);
    if (earlier != null) {
      return earlier.handle((done, error) -> null)
          .thenComposeAsync(ignored -> onChannel(alert, source, channel, digest, abandoned), async.executor());
    }
    CompletableFuture<Void> run;
    try {
      run = settleOnChannel(id, alert, source, channel, digest, abandoned);
    } catch (RuntimeException e) {
      sending.remove(id, slot);
      slot.complete(null);
      throw e;
    }
    run.whenComplete((done, error) -> {
      sending.remove(id, slot);
      slot.complete(null);
    });
    return run;
  }

  private CompletableFuture<Void> settleOnChannel(String id, Alert alert, SourceRecord source, Channel channel,
      boolean digest, BooleanSupplier abandoned) {
    return async.untilDone("ledger read of " + id, () -> ledger.get(id)).thenComposeAsync(existing -> {
      if (existing.isPresent() && existing.get().status().settled()) {
        LOG.debug("alert {} already {} on {}", alert.getId(), existing.get().status().id(), channel.id());
        return CompletableFuture.<Void>completedFuture(null);
      }
      if (existing.isPresent() && existing.get().digest()) {
        return CompletableFuture.<Void>completedFuture(null); // waits for its digest
      }
      if (digest) {
        return settlement.write(List.of(LedgerEntry.pending(alert, channel, true, source, clock.instant())),
            "alert " + alert.getId()).thenRun(() -> {
              metrics.queued(channel);
              LOG.debug("alert {} of subscription {} waits for its {} digest", alert.getId(),
                  alert.getSubscriptionId(), channel.id());
            });
      }
      return instant(existing.orElseGet(() -> LedgerEntry.pending(alert, channel, false, source, clock.instant())),
          source, abandoned);
    }, async.executor());
  }

  private CompletableFuture<Void> instant(LedgerEntry recorded, SourceRecord source, BooleanSupplier abandoned) {
    LedgerEntry entry = new LedgerEntry(recorded.alert(), recorded.channel(), false, recorded.status(),
        recorded.attempts(), recorded.lastError(), recorded.recordedAt(), recorded.updatedAt(), null, null, source);
    Alert alert = entry.alert();
    Channel channel = entry.channel();
    String what = "alert " + alert.getId();
    SendLoop.Send send = new SendLoop.Send(what + " by " + channel.id(), channel,
        () -> senders.skipReason(alert.getSubscriptionId(), channel), abandoned,
        n -> senders.alert(channel, alert),
        (n, outcome) -> settlement.write(List.of(entry.attempted(n, outcome.detail(), clock.instant())), what));
    return loop.run(send, entry.attempts(), entry.lastError())
        .thenCompose(end -> settlement.settle(List.of(entry), end, what,
            senders.target(alert.getSubscriptionId(), channel)));
  }

  private CompletableFuture<Void> skipAll(Alert alert, SourceRecord source, String reason) {
    return settlement.skip(List.of(LedgerEntry.pending(alert, Channel.ALL, false, source, clock.instant())), reason,
        "alert " + alert.getId());
  }

  /** An alert that cannot be read: dead-lettered with its bytes, so the record is settled. */
  CompletableFuture<Void> undecodable(SourceRecord source, RuntimeException error) {
    return async.track(() -> settlement.deadLetterUndecodable(source, error));
  }
}
