package io.scomon.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.scomon.ingest.source.PollSchedule;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdaptiveIntervalTest {

  private static final PollSchedule BOUNDS =
      new PollSchedule(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofHours(2));

  @Test
  void newItemsHalveTheInterval() {
    assertThat(AdaptiveInterval.afterPoll(Duration.ofMinutes(20), 3, BOUNDS)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aPollWithNothingNewLengthensTheIntervalByHalf() {
    assertThat(AdaptiveInterval.afterPoll(Duration.ofMinutes(20), 0, BOUNDS)).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void theIntervalStaysWithinItsBounds() {
    assertThat(AdaptiveInterval.afterPoll(Duration.ofMinutes(6), 10, BOUNDS)).isEqualTo(Duration.ofMinutes(5));
    assertThat(AdaptiveInterval.afterPoll(Duration.ofMinutes(100), 0, BOUNDS)).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void aQuietSourceReachesTheMaximumAndABusyOneTheMinimum() {
    Duration d = BOUNDS.interval();
    for (int i = 0; i < 10; i++) {
      d = AdaptiveInterval.afterPoll(d, 0, BOUNDS);
    }
    assertThat(d).isEqualTo(BOUNDS.max());
    for (int i = 0; i < 10; i++) {
      d = AdaptiveInterval.afterPoll(d, 1, BOUNDS);
    }
    assertThat(d).isEqualTo(BOUNDS.min());
  }

  @Test
  void failuresBackOffExponentiallyUpToTheMaximum() {
    assertThat(AdaptiveInterval.afterFailure(Duration.ofMinutes(10), 1, BOUNDS)).isEqualTo(Duration.ofMinutes(20));
    assertThat(AdaptiveInterval.afterFailure(Duration.ofMinutes(10), 3, BOUNDS)).isEqualTo(Duration.ofMinutes(80));
    assertThat(AdaptiveInterval.afterFailure(Duration.ofMinutes(10), 30, BOUNDS)).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void aPersistedIntervalOutsideChangedBoundsIsClamped() {
    assertThat(AdaptiveInterval.clamp(Duration.ofMinutes(1), BOUNDS)).isEqualTo(Duration.ofMinutes(5));
    assertThat(AdaptiveInterval.clamp(Duration.ZERO, BOUNDS)).isEqualTo(Duration.ofMinutes(15));
  }
}
