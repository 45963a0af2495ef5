package io.scomon.local;

import io.scomon.infra.InfraException;
import io.scomon.infra.process.Watchdog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A JVM of the local stack (Kafka, a service) run under the watchdog, its output in a log file. */
final class ChildProcess implements AutoCloseable {

  /** Every JVM of the local stack logs with this one configuration (the services' jars each carry their own). */
  static final String LOGGING_PROPERTY = "logback.configurationFile";
  static final String LOGGING = "logback-local.xml";

  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code java [jvmArgs] -cp <this JVM's classpath> mainClass args}. */
  static ChildProcess startJava(String name, Path workDir, Path log, List<String> jvmArgs, String mainClass,
      List<String> args, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-D" + LOGGING_PROPERTY + "=" + LOGGING);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(Watchdog.wrap(workDir, command))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(env);
      return new ChildProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new InfraException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The last lines of its log, to explain why it stopped. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n  ", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ")";
    }
  }

  /** The pid of the program itself (the JVM under the watchdog). */
  java.util.OptionalLong programPid() {
    return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
        .mapToLong(ProcessHandle::pid).findFirst();
  }

  /** Kills the program with SIGKILL, as a crash would (no shutdown hook runs); its watchdog then ends too. */
  void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      Watchdog.stop(process, Duration.ofSeconds(30));
    }
  }
}
