package io.scomon.index.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class AcknowledgedOffsetsTest {

  private static final TopicPartition P0 = new TopicPartition("scomon.articles.enriched", 0);
  private static final TopicPartition P1 = new TopicPartition("scomon.articles.enriched", 1);
  private final AcknowledgedOffsets offsets = new AcknowledgedOffsets();

  @Test
  void nothingIsCommittableBeforeARecordWasSubmitted() {
    assertThat(offsets.committable(P0)).isEmpty();
  }

  @Test
  void aPartitionCommitsUpToItsFirstUnacknowledgedRecord() {
    var r10 = offsets.submitted(P0, 10);
    var r11 = offsets.submitted(P0, 11);
    var r12 = offsets.submitted(P0, 12);

    r12.acknowledge(); // a later bulk request answered first
    assertThat(offsets.committable(P0)).hasValue(10);
    r10.acknowledge();
    assertThat(offsets.committable(P0)).hasValue(11);
    r11.acknowledge();
    assertThat(offsets.committable(P0)).hasValue(13);
    assertThat(offsets.pending()).isZero();
  }

  @Test
  void partitionsProgressIndependently() {
    offsets.submitted(P0, 5);
    offsets.submitted(P1, 7).acknowledge();

    assertThat(offsets.committable(P0)).hasValue(5);
    assertThat(offsets.committable(P1)).hasValue(8);
    assertThat(offsets.pending(P0)).isEqualTo(1);
    assertThat(offsets.pending(P1)).isZero();
  }

  @Test
  void acknowledgingTwiceCountsOnce() {
    var r = offsets.submitted(P0, 1);
    offsets.submitted(P0, 2);

    r.acknowledge();
    r.acknowledge();

    assertThat(offsets.pending()).isEqualTo(1);
  }

  @Test
  void aReleasedPartitionIsForgottenAndLateAcknowledgementsAreIgnored() {
    var r = offsets.submitted(P0, 3);
    offsets.submitted(P1, 4);

    offsets.release(List.of(P0));
    r.acknowledge();

    assertThat(r.released()).isTrue();
    assertThat(offsets.committable(P0)).isEmpty();
    assertThat(offsets.pending()).isEqualTo(1);
  }
}
