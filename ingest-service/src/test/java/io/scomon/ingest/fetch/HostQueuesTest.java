package io.scomon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class HostQueuesTest {

  @Test
  void tasksOfOneHostRunOneAtATimeWithTheDelayBetweenThem() throws Exception {
    List<long[]> runs = Collections.synchronizedList(new ArrayList<>());
    try (HostQueues q = new HostQueues(4, host -> Duration.ofMillis(150), "t")) {
      List<CompletableFuture<Integer>> all = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        all.add(q.submit("news.example", () -> {
          long start = System.nanoTime();
          Thread.sleep(20);
          runs.add(new long[] {start, System.nanoTime()});
          return 1;
        }));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    }
    assertThat(runs).hasSize(4);
    for (int i = 1; i < runs.size(); i++) {
      long gapMillis = (runs.get(i)[0] - runs.get(i - 1)[1]) / 1_000_000;
      assertThat(gapMillis).as("gap before task %d", i).isGreaterThanOrEqualTo(149);
    }
  }

  @Test
  void aStalledHostDoesNotHoldUpAnotherHost() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (HostQueues q = new HostQueues(2, host -> Duration.ZERO, "t")) {
      CompletableFuture<String> stalled = q.submit("stalled.example", () -> {
        release.await(10, TimeUnit.SECONDS);
        return "late";
      });
      List<CompletableFuture<String>> healthy = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        int n = i;
        healthy.add(q.submit("healthy.example", () -> "ok" + n));
      }
      CompletableFuture.allOf(healthy.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
      assertThat(stalled).isNotDone();
      release.countDown();
      assertThat(stalled.get(5, TimeUnit.SECONDS)).isEqualTo("late");
    }
  }

  @Test
  void aPauseDelaysTheHostsNextTask() throws Exception {
    try (HostQueues q = new HostQueues(2, host -> Duration.ZERO, "t")) {
      q.submit("busy.example", () -> 1).get(5, TimeUnit.SECONDS);
      q.pause("busy.example", Duration.ofMillis(300));
      long before = System.nanoTime();
      long ran = q.submit("busy.example", System::nanoTime).get(5, TimeUnit.SECONDS);
      assertThat((ran - before) / 1_000_000).isGreaterThanOrEqualTo(290);
    }
  }

  @Test
  void aFailingTaskFailsItsFutureAndTheQueueGoesOn() throws Exception {
    try (HostQueues q = new HostQueues(1, host -> Duration.ZERO, "t")) {
      CompletableFuture<Object> bad = q.submit("h", () -> {
        throw new IllegalStateException("boom");
      });
      CompletableFuture<String> good = q.submit("h", () -> "fine");
      assertThat(good.get(5, TimeUnit.SECONDS)).isEqualTo("fine");
      assertThat(bad).isCompletedExceptionally();
    }
  }
}
