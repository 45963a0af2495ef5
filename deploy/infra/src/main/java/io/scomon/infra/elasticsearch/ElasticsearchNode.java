package io.scomon.infra.elasticsearch;

import io.scomon.infra.InfraException;
import io.scomon.infra.process.Ports;
import io.scomon.infra.process.Unprivileged;
import io.scomon.infra.process.Watchdog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Elasticsearch node run as a child process on 127.0.0.1: single-node discovery, security off,
 * a 512 MB heap, as user nobody when this JVM is root, under a watchdog so it cannot outlive us.
 */
public final class ElasticsearchNode implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchNode.class);

  /**
   * How to run the node.
   *
   * @param httpPort HTTP port, 0 for a free one
   * @param transportPort transport port, 0 for a free one
   * @param home directory for config, data, logs and tmp; null for a throwaway one deleted on close
   * @param heap JVM heap size, e.g. "512m"
   * @param javaHome JDK to run on (Elasticsearch 8 needs 17 or newer)
   * @param startTimeout how long to wait for a yellow cluster
   */
  public record Settings(int httpPort, int transportPort, Path home, String heap, Path javaHome, Duration startTimeout) {

    public static Settings throwaway() {
      return new Settings(0, 0, null, "512m", Path.of(System.getProperty("java.home")), Duration.ofSeconds(120));
    }

    public Settings withHome(Path home) {
      return new Settings(httpPort, transportPort, home, heap, javaHome, startTimeout);
    }

    public Settings withHttpPort(int port) {
      return new Settings(port, transportPort, home, heap, javaHome, startTimeout);
    }
  }

  private final Process process;
  private final Path home;
  private final boolean throwaway;
  private final int httpPort;
  private final Thread shutdownHook;

  private ElasticsearchNode(Process process, Path home, boolean throwaway, int httpPort) {
    this.process = process;
    this.home = home;
    this.throwaway = throwaway;
    this.httpPort = httpPort;
    this.shutdownHook = new Thread(this::stop, "elasticsearch-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts a node and returns once the cluster is yellow; fails with the reason from its log otherwise. */
  public static ElasticsearchNode start(ElasticsearchDistribution distribution, Settings settings) {
    requireJdk(settings.javaHome());
    Ports.requireFree(settings.httpPort(), "Elasticsearch", "scomon.elasticsearch.port");
    int httpPort = settings.httpPort() == 0 ? Ports.free() : settings.httpPort();
    int transportPort = settings.transportPort() == 0 ? Ports.free() : settings.transportPort();
    boolean throwaway = settings.home() == null;
    Path home = prepareHome(distribution, settings.home());

    List<String> command = new ArrayList<>(Unprivileged.prefix());
    command.add(distribution.home().resolve("bin/elasticsearch").toString());
    for (Map.Entry<String, String> e : Map.of(
        "cluster.name", "scomon",
        "node.name", "scomon-node",
        "discovery.type", "single-node",
        "network.host", Ports.LOOPBACK,
        "http.port", Integer.toString(httpPort),
        "transport.port", Integer.toString(transportPort),
        "path.data", home.resolve("data").toString(),
        "path.logs", home.resolve("logs").toString(),
        "xpack.security.enabled", "false",
        "cluster.routing.allocation.disk.threshold_enabled", "false").entrySet()) {
      command.add("-E");
      command.add(e.getKey() + "=" + e.getValue());
    }
    command.add("-E");
    command.add("action.auto_create_index=true");

    ProcessBuilder builder = new ProcessBuilder(Watchdog.wrap(home, command))
        .directory(home.resolve("logs").toFile())
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("logs/console.log").toFile());
    Map<String, String> env = builder.environment();
    env.put("ES_JAVA_HOME", settings.javaHome().toString());
    env.put("ES_PATH_CONF", home.resolve("config").toString());
    env.put("ES_TMPDIR", home.resolve("tmp").toString());
    env.put("ES_JAVA_OPTS", "-Xms" + settings.heap() + " -Xmx" + settings.heap());
    env.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + home.resolve("tmp"));
    env.remove("JAVA_TOOL_OPTIONS");

    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new InfraException("cannot start Elasticsearch: " + e.getMessage(), e);
    }
    ElasticsearchNode node = new ElasticsearchNode(process, home, throwaway, httpPort);
    try {
      node.awaitYellow(settings.startTimeout());
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
    LOG.info("Elasticsearch {} ready at {} in {} ms (home {})", distribution.version(), node.httpUrl(),
        (System.nanoTime() - started) / 1_000_000, home);
    return node;
  }

  public String httpUrl() {
    return "http://" + Ports.LOOPBACK + ":" + httpPort;
  }

  public int httpPort() {
    return httpPort;
  }

  public Path home() {
    return home;
  }

  public long pid() {
    return process.pid();
  }

  /** The pid of the Elasticsearch server JVM (the largest java process under the launcher), for measurements. */
  public java.util.OptionalLong serverPid() {
    return process.descendants()
        .filter(p -> p.info().arguments().map(a -> java.util.Arrays.asList(a).contains("org.elasticsearch.server/org.elasticsearch.bootstrap.Elasticsearch")
            || String.join(" ", a).contains("org.elasticsearch.bootstrap.Elasticsearch")).orElse(false))
        .mapToLong(ProcessHandle::pid).findFirst();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs stop() itself
      return;
    }
    stop();
  }

  private synchronized void stop() {
    if (process.isAlive()) {
      Watchdog.stop(process, Duration.ofSeconds(40));
    }
    if (throwaway) {
      ElasticsearchDistribution.deleteTree(home);
    }
  }

  private void awaitYellow(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create(httpUrl() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new InfraException("Elasticsearch stopped while starting (exit code " + process.exitValue() + ").\n"
            + diagnosis() + "\nFull log: " + home.resolve("logs/console.log"));
      }
      try {
        HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InfraException("interrupted while waiting for Elasticsearch", e);
      }
      sleep(250);
    }
    throw new InfraException("Elasticsearch did not become ready within " + timeout.toSeconds() + " s.\n"
        + diagnosis() + "\nFull log: " + home.resolve("logs/console.log"));
  }

  /** The lines of the console log that say why, and what to do about the usual causes. */
  private String diagnosis() {
    List<String> lines;
    try {
      lines = Files.readAllLines(home.resolve("logs/console.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no console log: " + e.getMessage() + ")";
    }
    String text = String.join("\n", lines);
    StringBuilder hint = new StringBuilder();
    if (text.contains("failed to obtain node locks") || text.contains("node.lock")) {
      hint.append("The data directory ").append(home.resolve("data"))
          .append(" is locked by another Elasticsearch (a previous run still running?). Stop it, or reset the data.\n");
    }
    if (text.contains("BindException") || text.contains("Address already in use")) {
      hint.append("A port is already taken: choose another one or stop the process that holds it.\n");
    }
    if (text.contains("incompatible") && text.contains("data")) {
      hint.append("The data directory ").append(home.resolve("data"))
          .append(" was written by another Elasticsearch version: reset the data.\n");
    }
    if (text.contains("can not run elasticsearch as root")) {
      hint.append("Elasticsearch refuses root: run as an ordinary user or install setpriv.\n");
    }
    List<String> tail = lines.subList(Math.max(0, lines.size() - 25), lines.size());
    return hint + "Last lines of the Elasticsearch log:\n  " + String.join("\n  ", tail);
  }

  private static Path prepareHome(ElasticsearchDistribution distribution, Path wanted) {
    try {
      Path home = wanted != null ? Files.createDirectories(wanted)
          : Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "scomon-elasticsearch-run-");
      Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path config = home.resolve("config");
      Files.createDirectories(config.resolve("jvm.options.d"));
      try (Stream<Path> files = Files.list(distribution.home().resolve("config"))) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          Path target = config.resolve(file.getFileName());
          if (!Files.exists(target)) {
            Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
      for (String dir : List.of("data", "logs", "tmp")) {
        Files.createDirectories(home.resolve(dir));
      }
      Files.deleteIfExists(home.resolve("logs/console.log"));
      Unprivileged.requireReachable(home);
      Unprivileged.handOver(home);
      return home;
    } catch (IOException e) {
      throw new InfraException("cannot prepare the Elasticsearch directory " + wanted + ": " + e.getMessage(), e);
    }
  }

  private static void requireJdk(Path javaHome) {
    Path java = javaHome.resolve("bin/java");
    if (!Files.isExecutable(java)) {
      throw new InfraException("no JDK at " + javaHome + " (" + java + " missing): Elasticsearch needs Java 17 or "
          + "newer. Set JAVA_HOME to a JDK 17+ installation.");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfraException("interrupted while waiting for Elasticsearch", e);
    }
  }
}
