package io.scomon.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Settings of the local stack, from the environment (documented in the README) with command-line
 * overrides: {@code --data DIR}, {@code --kafka-port N}, {@code --es-port N}.
 *
 * @param dataDir where Kafka's log, Elasticsearch's data and the logs live between runs; must be
 *     reachable by user nobody when run as root (the default under /var/tmp is)
 */
record LocalStackConfig(Path dataDir, int kafkaPort, int elasticsearchPort) {

  static final String DEFAULT_DATA = "/var/tmp/scomon-" + System.getProperty("user.name");

  Path elasticsearchHome() {
    return dataDir.resolve("elasticsearch");
  }

  static LocalStackConfig parse(String[] args, Map<String, String> env) {
    Path data = Path.of(env.getOrDefault("SCOMON_DATA", DEFAULT_DATA));
    int kafkaPort = port(env.getOrDefault("SCOMON_KAFKA_PORT", "9092"), "SCOMON_KAFKA_PORT");
    int esPort = port(env.getOrDefault("SCOMON_ES_PORT", "9200"), "SCOMON_ES_PORT");
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--data" -> data = Path.of(value(args, ++i, arg));
        case "--kafka-port" -> kafkaPort = port(value(args, ++i, arg), arg);
        case "--es-port" -> esPort = port(value(args, ++i, arg), arg);
        default -> throw new IllegalArgumentException("unknown option " + arg
            + " (options: --data DIR, --kafka-port N, --es-port N)");
      }
    }
    return new LocalStackConfig(data.toAbsolutePath(), kafkaPort, esPort);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int port(String text, String name) {
    try {
      int port = Integer.parseInt(text.strip());
      if (port < 1 || port > 65534) {
        throw new IllegalArgumentException(name + " must be a port between 1 and 65534, was " + text);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number, was '" + text + "'");
    }
  }
}
