package io.scomon.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scomon.infra.process.Watchdog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchdogIT {

  @TempDir Path dir;

  @Test
  void stopsTheCommandWhenItsOwnerIsKilled() throws Exception {
    Process owner = new ProcessBuilder("sleep", "600").start();
    List<String> command = new ArrayList<>(Watchdog.wrap(dir, List.of("sleep", "600")));
    command.set(2, Long.toString(owner.pid())); // the owner is the sleeping process, not this JVM
    Process watchdog = new ProcessBuilder(command).start();
    await().atMost(Duration.ofSeconds(5)).until(() -> watchdog.descendants().findAny().isPresent());
    ProcessHandle child = watchdog.descendants().findFirst().orElseThrow();

    owner.destroyForcibly(); // kill -9 of the owner: no chance to clean up

    await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive() && !watchdog.isAlive());
    assertThat(watchdog.exitValue()).isEqualTo(137);
  }

  @Test
  void stopsTheCommandWhenAskedTo() throws Exception {
    Process watchdog = new ProcessBuilder(Watchdog.wrap(dir, List.of("sleep", "600"))).start();
    await().atMost(Duration.ofSeconds(5)).until(() -> watchdog.descendants().findAny().isPresent());
    ProcessHandle child = watchdog.descendants().findFirst().orElseThrow();

    Watchdog.stop(watchdog, Duration.ofSeconds(10));

    assertThat(child.isAlive()).isFalse();
    assertThat(watchdog.isAlive()).isFalse();
  }
}
