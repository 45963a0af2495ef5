package io.scomon.index.deliver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Groups the ledger's pending digest entries into the digests to send now. Per subscription and
 * channel: entries already claimed by a digest (one that was being sent when the service stopped, or
 * is being retried) go out again under the same digest id; unclaimed entries form a new digest once
 * the oldest of them has waited the subscription's interval, listing at most {@code maxAlerts} of them,
 * oldest first. Pure: the clock and the subscriptions' intervals are given.
 */
final class DigestPlanner {

  /**
   * One digest to send.
   *
   * @param claim true for a new digest whose entries must first be marked with its id
   */
  record Batch(String digestId, String subscriptionId, Channel channel, List<LedgerEntry> entries, boolean claim) {

    /** When the oldest alert of the digest was recorded: the digest lists the alerts since then. */
    Instant since() {
      return entries.get(0).recordedAt();
    }

    /** The highest attempt count of its entries: a digest retried after a restart goes on counting. */
    int attempts() {
      return entries.stream().mapToInt(LedgerEntry::attempts).max().orElse(0);
    }
  }

  private final int maxAlerts;

  DigestPlanner(int maxAlerts) {
    this.maxAlerts = maxAlerts;
  }

  /**
   * @param pending pending digest entries, any order
   * @param intervalOf each subscription's digest interval ({@code Duration.ZERO}: send what waits now,
   *     e.g. it switched to instant mode); empty: leave its entries alone
   */
  List<Batch> plan(List<LedgerEntry> pending, Instant now, Function<String, Optional<Duration>> intervalOf) {
    Map<String, List<LedgerEntry>> groups = new LinkedHashMap<>();
    pending.stream()
        .sorted(Comparator.comparing(LedgerEntry::recordedAt).thenComparing((LedgerEntry e) -> e.id()))
        .forEach(e -> groups.computeIfAbsent(e.subscriptionId() + "\n" + e.channel().id(), k -> new ArrayList<>())
            .add(e));
    List<Batch> batches = new ArrayList<>();
    for (List<LedgerEntry> group : groups.values()) {
      LedgerEntry first = group.get(0);
      Map<String, List<LedgerEntry>> claimed = new LinkedHashMap<>();
      List<LedgerEntry> unclaimed = new ArrayList<>();
      for (LedgerEntry e : group) {
        if (e.digestId() != null) {
          claimed.computeIfAbsent(e.digestId(), k -> new ArrayList<>()).add(e);
        } else {
          unclaimed.add(e);
        }
      }
      claimed.forEach((id, entries) -> batches.add(new Batch(id, first.subscriptionId(), first.channel(), entries,
          false)));
      Optional<Duration> interval = intervalOf.apply(first.subscriptionId());
      if (!unclaimed.isEmpty() && interval.isPresent()
          && !unclaimed.get(0).recordedAt().plus(interval.get()).isAfter(now)) {
        List<LedgerEntry> listed = List.copyOf(unclaimed.subList(0, Math.min(maxAlerts, unclaimed.size())));
        batches.add(new Batch(digestId(listed.get(0)), first.subscriptionId(), first.channel(), listed, true));
      }
    }
    return batches;
  }

  /** Named after its oldest entry, which no other digest of the channel can list. */
  static String digestId(LedgerEntry oldest) {
    return "digest:" + oldest.id();
  }
}
