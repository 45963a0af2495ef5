package io.scomon.infra.process;

import io.scomon.infra.InfraException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a command in a small shell watchdog that stops the command when the owning JVM is gone,
 * whatever way it went (even {@code kill -9}), so no child process outlives its owner.
 */
public final class Watchdog {

  private Watchdog() {}

  /** The command line that runs {@code command} under the watchdog of this JVM. */
  public static List<String> wrap(Path workDir, List<String> command) {
    Path script = workDir.resolve("watchdog.sh");
    try (InputStream in = Watchdog.class.getResourceAsStream("watchdog.sh")) {
      if (in == null) {
        throw new InfraException("watchdog.sh missing from the scomon-infra jar");
      }
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new InfraException("cannot write the process watchdog to " + script + ": " + e.getMessage(), e);
    }
    List<String> wrapped = new ArrayList<>();
    wrapped.add("/bin/bash");
    wrapped.add(script.toString());
    wrapped.add(Long.toString(ProcessHandle.current().pid()));
    wrapped.addAll(command);
    return wrapped;
  }

  /**
   * Stops a process started through {@link #wrap}: asks politely, waits, then kills it and every
   * descendant that is left.
   */
  public static void stop(Process process, java.time.Duration grace) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    for (ProcessHandle child : tree) {
      try {
        long left = Math.max(1, deadline - System.nanoTime());
        child.onExit().get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
        child.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        child.destroyForcibly();
      }
    }
  }
}
