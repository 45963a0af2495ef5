package io.scomon.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Settings of the local stack, from the environment (documented in the README) with command-line
 * overrides: {@code --data DIR}, {@code --kafka-port N}, {@code --es-port N}, {@code --api-port N},
 * {@code --sources FILE}, {@code --demo}, {@code --free-ports} (pick every port free).
 *
 * @param dataDir where Kafka's log, Elasticsearch's data, the services' state and the logs live
 *     between runs; must be reachable by user nobody when run as root (the default under /var/tmp is)
 * @param sourcesFile the sources to crawl; null = the shipped list of real SCO sources (internet needed)
 * @param demo also serve the demo site on 127.0.0.1, crawl it, and create a sample subscription
 * @param smtp {@code host:port} of the SMTP server alert mails go to ({@code SCOMON_SMTP}); null = the
 *     index-service default (127.0.0.1:25)
 * @param serviceEnv {@code INGEST_*}, {@code ENRICH_*} and {@code INDEX_*} variables of the launcher's
 *     environment, passed on to the service they configure (the stack's own settings win)
 */
record LocalStackConfig(Path dataDir, int kafkaPort, int elasticsearchPort, int apiPort, Path sourcesFile, boolean demo,
    HealthPorts health, String smtp, Map<String, String> serviceEnv) {

  static final String DEFAULT_DATA = "/var/tmp/scomon-" + System.getProperty("user.name");

  /** Ports of the services' health and metrics endpoints. */
  record HealthPorts(int ingest, int enrich, int index) {
    static final HealthPorts DEFAULT = new HealthPorts(8081, 8082, 9464);
  }

  /** The same settings with every port 0: each is then picked free at start (tests, several stacks on one machine). */
  LocalStackConfig withFreePorts() {
    return new LocalStackConfig(dataDir, 0, 0, 0, sourcesFile, demo, new HealthPorts(0, 0, 0), smtp, serviceEnv);
  }

  Path elasticsearchHome() {
    return dataDir.resolve("elasticsearch");
  }

  static LocalStackConfig parse(String[] args, Map<String, String> env) {
    Path data = Path.of(env.getOrDefault("SCOMON_DATA", DEFAULT_DATA));
    int kafkaPort = port(env.getOrDefault("SCOMON_KAFKA_PORT", "9092"), "SCOMON_KAFKA_PORT");
    int esPort = port(env.getOrDefault("SCOMON_ES_PORT", "9200"), "SCOMON_ES_PORT");
    int apiPort = port(env.getOrDefault("SCOMON_API_PORT", "8080"), "SCOMON_API_PORT");
    String sources = env.get("SCOMON_SOURCES");
    boolean demo = false;
    boolean freePorts = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--data" -> data = Path.of(value(args, ++i, arg));
        case "--kafka-port" -> kafkaPort = port(value(args, ++i, arg), arg);
        case "--es-port" -> esPort = port(value(args, ++i, arg), arg);
        case "--api-port" -> apiPort = port(value(args, ++i, arg), arg);
        case "--sources" -> sources = value(args, ++i, arg);
        case "--demo" -> demo = true;
        case "--free-ports" -> freePorts = true;
        default -> throw new IllegalArgumentException("unknown option " + arg
            + " (options: --data DIR, --kafka-port N, --es-port N, --api-port N, --sources FILE, --demo, --free-ports)");
      }
    }
    Path sourcesFile = sources == null || sources.isBlank() ? null : Path.of(sources).toAbsolutePath();
    if (sourcesFile != null && !java.nio.file.Files.isReadable(sourcesFile)) {
      throw new IllegalArgumentException("sources file " + sourcesFile + " cannot be read");
    }
    String smtp = env.get("SCOMON_SMTP");
    if (smtp != null && !smtp.matches("[^:\\s]+:\\d{1,5}")) {
      throw new IllegalArgumentException("SCOMON_SMTP must be host:port, was '" + smtp + "'");
    }
    LocalStackConfig config = new LocalStackConfig(data.toAbsolutePath(), kafkaPort, esPort, apiPort, sourcesFile, demo,
        HealthPorts.DEFAULT, smtp, serviceEnv(env));
    return freePorts ? config.withFreePorts() : config;
  }

  private static Map<String, String> serviceEnv(Map<String, String> env) {
    Map<String, String> passed = new java.util.TreeMap<>();
    env.forEach((name, value) -> {
      if (name.startsWith("INGEST_") || name.startsWith("ENRICH_") || name.startsWith("INDEX_")) {
        passed.put(name, value);
      }
    });
    return Map.copyOf(passed);
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
