package io.scomon.index.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.scomon.index.sink.SourceRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestPlannerTest {

  private static final Instant T0 = Instant.parse("2025-06-04T09:00:00Z");
  private final DigestPlanner planner = new DigestPlanner(100);
  private final Map<String, Duration> intervals = Map.of("sub-a", Duration.ofMinutes(10), "sub-b",
      Duration.ofMinutes(30), "sub-now", Duration.ZERO);

  @Test
  void groupsPendingAlertsBySubscriptionAndChannelOnceTheOldestHasWaitedTheInterval() {
    List<LedgerEntry> pending = List.of(
        entry("sub-a", "a2", Channel.EMAIL, T0.plusSeconds(60)),
        entry("sub-a", "a1", Channel.EMAIL, T0),
        entry("sub-a", "a1", Channel.WEBHOOK, T0),
        entry("sub-a", "a3", Channel.EMAIL, T0.plusSeconds(590)),
        entry("sub-b", "b1", Channel.EMAIL, T0));

    List<DigestPlanner.Batch> batches = planner.plan(pending, T0.plus(Duration.ofMinutes(10)), this::interval);

    assertThat(batches).extracting(DigestPlanner.Batch::subscriptionId, DigestPlanner.Batch::channel)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("sub-a", Channel.EMAIL),
            org.assertj.core.groups.Tuple.tuple("sub-a", Channel.WEBHOOK));
    DigestPlanner.Batch mail = batches.get(0);
    assertThat(mail.entries()).extracting(e -> e.alert().getId()).containsExactly("sub-a:a1", "sub-a:a2", "sub-a:a3");
    assertThat(mail.claim()).isTrue();
    assertThat(mail.digestId()).isEqualTo("digest:sub-a:a1:email");
    assertThat(mail.since()).isEqualTo(T0);
  }

  @Test
  void nothingIsSentBeforeTheOldestAlertHasWaitedTheInterval() {
    List<LedgerEntry> pending = List.of(entry("sub-a", "a1", Channel.EMAIL, T0));

    assertThat(planner.plan(pending, T0.plus(Duration.ofMinutes(9)), this::interval)).isEmpty();
  }

  @Test
  void aDigestAlreadyClaimedGoesOutAgainWithTheSameIdAndAlertsWhateverTheTime() {
    LedgerEntry a1 = entry("sub-a", "a1", Channel.WEBHOOK, T0).claimed("digest:sub-a:a1:webhook", T0);
    LedgerEntry a2 = entry("sub-a", "a2", Channel.WEBHOOK, T0.plusSeconds(5)).claimed("digest:sub-a:a1:webhook", T0);
    LedgerEntry later = entry("sub-a", "a3", Channel.WEBHOOK, T0.plusSeconds(700));

    List<DigestPlanner.Batch> batches = planner.plan(List.of(later, a2, a1), T0.plusSeconds(720), this::interval);

    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).digestId()).isEqualTo("digest:sub-a:a1:webhook");
    assertThat(batches.get(0).claim()).isFalse();
    assertThat(batches.get(0).entries()).extracting(e -> e.alert().getId()).containsExactly("sub-a:a1", "sub-a:a2");
  }

  @Test
  void aDigestListsAtMostMaxAlertsTheOldestFirst() {
    DigestPlanner small = new DigestPlanner(2);
    List<LedgerEntry> pending = List.of(entry("sub-now", "n3", Channel.EMAIL, T0.plusSeconds(3)),
        entry("sub-now", "n1", Channel.EMAIL, T0.plusSeconds(1)), entry("sub-now", "n2", Channel.EMAIL,
            T0.plusSeconds(2)));

    List<DigestPlanner.Batch> batches = small.plan(pending, T0.plusSeconds(3), this::interval);

    assertThat(batches).singleElement().satisfies(b -> assertThat(b.entries()).extracting(e -> e.alert().getId())
        .containsExactly("sub-now:n1", "sub-now:n2"));
  }

  @Test
  void entriesOfASubscriptionWithoutAnIntervalAreLeftAlone() {
    assertThat(planner.plan(List.of(entry("sub-unknown", "u1", Channel.EMAIL, T0)), T0.plusSeconds(86_400),
        this::interval)).isEmpty();
  }

  @Test
  void aRetriedDigestCountsOnFromItsHighestAttempt() {
    LedgerEntry a1 = entry("sub-a", "a1", Channel.EMAIL, T0).claimed("d", T0).attempted(3, "HTTP 500", T0);
    LedgerEntry a2 = entry("sub-a", "a2", Channel.EMAIL, T0).claimed("d", T0).attempted(2, "HTTP 500", T0);

    assertThat(planner.plan(List.of(a1, a2), T0, this::interval).get(0).attempts()).isEqualTo(3);
  }

  private Optional<Duration> interval(String subscriptionId) {
    return Optional.ofNullable(intervals.get(subscriptionId));
  }

  private static LedgerEntry entry(String subscriptionId, String article, Channel channel, Instant recordedAt) {
    return LedgerEntry.pending(withId(Alerts.alert(subscriptionId, "https://example.org/" + article,
            "Story " + article), subscriptionId + ":" + article), channel, true,
        new SourceRecord("scomon.alerts", 0, 1, null, new byte[] {1}), recordedAt);
  }

  private static io.scomon.schemas.Alert withId(io.scomon.schemas.Alert alert, String id) {
    alert.setId(id);
    return alert;
  }
}
