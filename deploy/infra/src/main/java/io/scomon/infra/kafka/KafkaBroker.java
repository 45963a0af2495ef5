package io.scomon.infra.kafka;

import io.scomon.infra.InfraException;
import io.scomon.infra.process.Ports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka (broker and controller in one server) running inside this JVM, on free
 * 127.0.0.1 ports, with its log directory formatted by Kafka's own StorageTool. The same
 * configuration runs as its own JVM through {@link KafkaServerMain} for local runs.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

  private final KafkaRaftServer server;
  private final Path logDir;
  private final boolean throwaway;
  private final int port;
  private final Thread shutdownHook;
  private boolean stopped;

  private KafkaBroker(KafkaRaftServer server, Path logDir, boolean throwaway, int port) {
    this.server = server;
    this.logDir = logDir;
    this.throwaway = throwaway;
    this.port = port;
    this.shutdownHook = new Thread(this::stop, "kafka-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts a broker with a throwaway log directory on free ports. */
  public static KafkaBroker startThrowaway() {
    try {
      Path dir = Files.createTempDirectory("scomon-kafka-");
      return start(dir, 0, 0, true);
    } catch (IOException e) {
      throw new InfraException("cannot create a Kafka log directory: " + e.getMessage(), e);
    }
  }

  /**
   * Starts a broker on {@code logDir} (formatted on first use, reused afterwards).
   *
   * @param port client port, 0 for a free one
   * @param controllerPort controller port, 0 for a free one
   */
  public static KafkaBroker start(Path logDir, int port, int controllerPort, boolean throwaway) {
    Ports.requireFree(port, "Kafka", "scomon.kafka.port");
    int clientPort = port == 0 ? Ports.free() : port;
    int quorumPort = controllerPort == 0 ? Ports.free() : controllerPort;
    long started = System.nanoTime();
    Properties props = serverProperties(logDir, clientPort, quorumPort);
    format(props, logDir);
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      server.shutdown();
      throw new InfraException("Kafka failed to start on " + logDir + ": " + e.getMessage()
          + (throwaway ? "" : ". If the directory holds data of an older or broken run you do not need, reset it."), e);
    }
    KafkaBroker broker = new KafkaBroker(server, logDir, throwaway, clientPort);
    LOG.info("Kafka ready at {} in {} ms (log dir {})", broker.bootstrapServers(),
        (System.nanoTime() - started) / 1_000_000, logDir);
    return broker;
  }

  /** The configuration of a one-node KRaft cluster on 127.0.0.1 (see DESIGN.md for why each setting). */
  public static Properties serverProperties(Path logDir, int clientPort, int controllerPort) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@" + Ports.LOOPBACK + ":" + controllerPort);
    p.setProperty("listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + clientPort + ",CONTROLLER://"
        + Ports.LOOPBACK + ":" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + clientPort);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
    p.setProperty("num.partitions", "1");
    p.setProperty("auto.create.topics.enable", "false");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "3");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("transaction.state.log.num.partitions", "3");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.num.partitions", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
    p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
    return p;
  }

  /** Formats the log directory with Kafka's StorageTool unless it already holds a formatted cluster. */
  static void format(Properties props, Path logDir) {
    try {
      Files.createDirectories(logDir);
      if (Files.exists(logDir.resolve("meta.properties"))) {
        return;
      }
      Path config = logDir.resolveSibling(logDir.getFileName() + ".server.properties");
      try (OutputStream out = Files.newOutputStream(config)) {
        props.store(out, "SCO Monitor single-node KRaft");
      }
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      int status = StorageTool.execute(new String[] {"format", "--config", config.toString(),
          "--cluster-id", Uuid.randomUuid().toString(), "--ignore-formatted"},
          new PrintStream(captured, true, StandardCharsets.UTF_8));
      Files.deleteIfExists(config);
      if (status != 0) {
        throw new InfraException("Kafka could not format " + logDir + ": " + captured.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new InfraException("cannot prepare the Kafka log directory " + logDir + ": " + e.getMessage(), e);
    }
  }

  public String bootstrapServers() {
    return Ports.LOOPBACK + ":" + port;
  }

  public int port() {
    return port;
  }

  public Path logDir() {
    return logDir;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      return; // the JVM is shutting down: the hook runs stop() itself
    }
    stop();
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    server.shutdown();
    server.awaitShutdown();
    if (throwaway) {
      deleteTree(logDir);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("could not delete Kafka log directory {}: {}", root, e.getMessage());
    }
  }
}
