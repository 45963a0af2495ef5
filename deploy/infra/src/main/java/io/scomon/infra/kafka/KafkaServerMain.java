package io.scomon.infra.kafka;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the single-node Kafka as its own JVM (local runs): {@code KafkaServerMain LOG_DIR PORT CONTROLLER_PORT}.
 * Keeps its data between runs; stops cleanly on SIGTERM or Ctrl-C.
 */
public final class KafkaServerMain {

  private KafkaServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 3) {
      System.err.println("usage: KafkaServerMain LOG_DIR PORT CONTROLLER_PORT");
      System.exit(2);
    }
    KafkaBroker broker;
    try {
      broker = KafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), false);
    } catch (RuntimeException e) {
      System.err.println("Kafka: " + e.getMessage());
      System.exit(1);
      return;
    }
    System.out.println("Kafka ready at " + broker.bootstrapServers());
    new CountDownLatch(1).await(); // the shutdown hook of KafkaBroker stops the server
  }
}
