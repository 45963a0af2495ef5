package io.scomon.index.deliver;

import io.scomon.schemas.DeliveryMode;
import io.scomon.schemas.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code index.deliver.digest.check-interval}, reads the ledger's pending digest entries and
 * sends the digests that are due (see {@link DigestPlanner}): one mail and one webhook POST per
 * subscription listing its alerts since the last digest. A digest's entries are first marked with its
 * id, so a digest interrupted by a restart goes out again with the same id and the same alerts; the
 * entries of a deleted subscription are recorded skipped. Because the digests come from the ledger,
 * a restart loses none.
 */
final class DigestScheduler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DigestScheduler.class);
  /** Most pending entries read per check; more wait for the next check. */
  static final int READ_LIMIT = 10_000;

  private final DeliveryLedger ledger;
  private final SubscriptionDirectory directory;
  private final ChannelSenders senders;
  private final DigestPlanner planner;
  private final SendLoop loop;
  private final Settlement settlement;
  private final Async async;
  private final DeliveryConfig.Digest config;
  private final Clock clock;
  private final Set<String> sending = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean checking = new AtomicBoolean();
  private ScheduledFuture<?> ticks;

  DigestScheduler(DeliveryLedger ledger, SubscriptionDirectory directory, ChannelSenders senders, SendLoop loop,
      Settlement settlement, Async async, DeliveryConfig.Digest config, Clock clock) {
    this.ledger = ledger;
    this.directory = directory;
    this.senders = senders;
    this.planner = new DigestPlanner(config.maxAlerts());
    this.loop = loop;
    this.settlement = settlement;
    this.async = async;
    this.config = config;
    this.clock = clock;
  }

  void start() {
    long every = config.checkInterval().toMillis();
    ticks = async.scheduler().scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
  }

  /** How long a subscription's alerts wait for their digest; zero when it is no longer in digest mode. */
  Duration interval(Subscription s) {
    if (s.getMode() != DeliveryMode.DIGEST) {
      return Duration.ZERO;
    }
    return config.minute().multipliedBy(Math.max(1, s.getDigestMinutes()));
  }

  private void check() {
    if (async.closing() || !checking.compareAndSet(false, true)) {
      return;
    }
    async.track(() -> ledger.pendingDigestEntries(READ_LIMIT).thenCompose(this::handle))
        .whenComplete((v, error) -> {
          checking.set(false);
          if (error != null && !async.closing()) {
            LOG.warn("digest check failed, next in {} ms: {}", config.checkInterval().toMillis(), error.toString());
          }
        });
  }

  private CompletableFuture<Void> handle(List<LedgerEntry> pending) {
    List<LedgerEntry> live = new ArrayList<>();
    Map<String, List<LedgerEntry>> gone = new LinkedHashMap<>();
    for (LedgerEntry e : pending) {
      if (e.digestId() != null && sending.contains(e.digestId())) {
        continue;
      }
      Optional<String> skip = senders.skipReason(e.subscriptionId(), e.channel());
      if (skip.isPresent()) {
        gone.computeIfAbsent(skip.get() + "\n" + e.subscriptionId() + "\n" + e.channel().id(), k -> new ArrayList<>())
            .add(e);
      } else {
        live.add(e);
      }
    }
    List<CompletableFuture<Void>> work = new ArrayList<>();
    gone.forEach((key, entries) -> work.add(skipStillPending(entries, key.substring(0, key.indexOf('\n')))));
    for (DigestPlanner.Batch batch : planner.plan(live, clock.instant(),
        id -> directory.current(id).map(this::interval))) {
      if (sending.add(batch.digestId())) {
        async.track(() -> sendIfUnchanged(batch)).whenComplete((v, error) -> {
          sending.remove(batch.digestId());
          if (error != null && !async.closing()) {
            LOG.warn("digest {} not settled, tried again at the next check: {}", batch.digestId(), error.toString());
          }
        });
      }
    }
    return CompletableFuture.allOf(work.toArray(CompletableFuture[]::new));
  }

  /** Records skipped those entries that are still pending now (the check's read may be older than a digest's end). */
  private CompletableFuture<Void> skipStillPending(List<LedgerEntry> entries, String reason) {
    List<String> ids = entries.stream().map(LedgerEntry::id).toList();
    return async.untilDone("ledger read of " + ids.size() + " digest alerts", () -> ledger.getAll(ids))
        .thenCompose(now -> {
          List<LedgerEntry> pending = now.values().stream()
              .filter(e -> e.status() == DeliveryStatus.PENDING && (e.digestId() == null || !sending.contains(
                  e.digestId())))
              .toList();
          return pending.isEmpty() ? CompletableFuture.<Void>completedFuture(null)
              : settlement.skip(pending, reason, pending.size() + " digest alert(s)");
        });
  }

  /**
   * Sends the digest unless its entries changed since the check read them (a digest that just finished
   * may have settled them after that read): they are read again, realtime, once the digest id is held.
   */
  private CompletableFuture<Void> sendIfUnchanged(DigestPlanner.Batch planned) {
    List<String> ids = planned.entries().stream().map(LedgerEntry::id).toList();
    return async.untilDone("ledger read of digest " + planned.digestId(), () -> ledger.getAll(ids))
        .thenComposeAsync(now -> {
          boolean unchanged = planned.entries().stream().allMatch(e -> {
            LedgerEntry current = now.get(e.id());
            return current != null && current.status() == DeliveryStatus.PENDING
                && Objects.equals(current.digestId(), e.digestId());
          });
          if (!unchanged) {
            LOG.debug("digest {} changed since it was planned; planned again at the next check", planned.digestId());
            return CompletableFuture.<Void>completedFuture(null);
          }
          return send(planned);
        }, async.executor());
  }

  private CompletableFuture<Void> send(DigestPlanner.Batch planned) {
    String what = "digest " + planned.digestId() + " (" + planned.entries().size() + " alerts)";
    List<LedgerEntry> entries = planned.claim()
        ? planned.entries().stream().map(e -> e.claimed(planned.digestId(), clock.instant())).toList()
        : planned.entries();
    DigestPlanner.Batch batch = new DigestPlanner.Batch(planned.digestId(), planned.subscriptionId(),
        planned.channel(), entries, false);
    CompletableFuture<Void> claimed = planned.claim() ? settlement.write(entries, what)
        : CompletableFuture.completedFuture(null);
    String lastError = entries.stream().map(LedgerEntry::lastError).filter(e -> e != null).findFirst().orElse(null);
    SendLoop.Send send = new SendLoop.Send(what + " by " + batch.channel().id(), batch.channel(),
        () -> senders.skipReason(batch.subscriptionId(), batch.channel()), () -> false,
        n -> senders.digest(batch),
        (n, outcome) -> settlement.write(entries.stream()
            .map(e -> e.attempted(n, outcome.detail(), clock.instant())).toList(), what));
    return claimed
        .thenCompose(v -> loop.run(send, batch.attempts(), lastError))
        .thenCompose(end -> settlement.settle(entries, end, what,
            senders.target(batch.subscriptionId(), batch.channel())));
  }

  @Override
  public void close() {
    if (ticks != null) {
      ticks.cancel(false);
    }
  }
}
