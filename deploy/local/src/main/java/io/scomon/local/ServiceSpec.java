package io.scomon.local;

import java.util.List;
import java.util.Map;

/**
 * One of the three services as the local stack runs it: its main class, the environment that
 * configures it (the services read {@code INGEST_*}, {@code ENRICH_*}, {@code INDEX_*} variables),
 * and the port whose {@code /health/ready} says it is up.
 */
record ServiceSpec(String name, String mainClass, Map<String, String> env, int healthPort, List<String> jvmArgs) {

  static final List<String> JVM = List.of("-Xms64m", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError");
}
