package io.scomon.index.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));

  @RepeatedTest(20)
  void eachAttemptWaitsBetweenHalfAndAllOfTheDoubledDelay() {
    assertThat(backoff.delay(1).toMillis()).isBetween(100L, 200L);
    assertThat(backoff.delay(3).toMillis()).isBetween(400L, 800L);
  }

  @Test
  void theDelayNeverExceedsTheMaximumHoweverManyAttempts() {
    assertThat(backoff.delay(12).toMillis()).isBetween(5_000L, 10_000L);
    assertThat(backoff.delay(1_000).toMillis()).isBetween(5_000L, 10_000L);
  }
}
