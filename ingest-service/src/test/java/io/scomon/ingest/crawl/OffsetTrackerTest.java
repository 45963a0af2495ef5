package io.scomon.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

  private static final TopicPartition P0 = new TopicPartition("scomon.fetch.requests", 0);
  private static final TopicPartition P1 = new TopicPartition("scomon.fetch.requests", 1);

  @Test
  void commitsOnlyUpToTheOldestUnfinishedRequest() {
    OffsetTracker t = new OffsetTracker();
    t.started(P0, 10);
    t.started(P0, 11);
    t.started(P0, 12);

    t.done(P0, 11);
    t.done(P0, 12);
    assertThat(t.committable()).isEmpty();

    t.done(P0, 10);
    assertThat(t.committable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(13)));
    assertThat(t.committable()).as("nothing moved since").isEmpty();
  }

  @Test
  void partitionsAreTrackedApart() {
    OffsetTracker t = new OffsetTracker();
    t.started(P0, 5);
    t.started(P1, 100);
    t.done(P1, 100);

    assertThat(t.committable()).containsExactly(Map.entry(P1, new OffsetAndMetadata(101)));
    assertThat(t.pending()).isEqualTo(1);
  }

  @Test
  void aRevokedPartitionIsForgottenAndLateCompletionsIgnored() {
    OffsetTracker t = new OffsetTracker();
    t.started(P0, 7);
    t.started(P0, 8);
    t.done(P0, 7);

    assertThat(t.committable(List.of(P0))).containsExactly(Map.entry(P0, new OffsetAndMetadata(8)));
    t.forget(List.of(P0));
    t.done(P0, 8);
    assertThat(t.committable()).isEmpty();
  }
}
