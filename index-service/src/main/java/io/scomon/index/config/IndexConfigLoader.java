package io.scomon.index.config;

import io.smallrye.config.ConfigValue;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link IndexConfig} with SmallRye Config. Sources, strongest first: system properties
 * ({@code -Dindex.bulk.max-actions=500}), the environment ({@code INDEX_BULK_MAX_ACTIONS=500}), then
 * {@code index-defaults.properties} on the classpath, which declares every key. A value that does not
 * parse or is out of range, or an {@code index.*} key that is not declared, fails with the key's name.
 */
public final class IndexConfigLoader {

  static final String DEFAULTS = "index-defaults.properties";
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb)?");

  private final SmallRyeConfig config;
  private final Set<String> declared;

  private IndexConfigLoader(SmallRyeConfig config, Set<String> declared) {
    this.config = config;
    this.declared = declared;
  }

  /** The configuration of this process: its environment and system properties over the defaults. */
  public static IndexConfig load() {
    Map<String, String> sysProps = new HashMap<>();
    System.getProperties().forEach((k, v) -> sysProps.put(k.toString(), v.toString()));
    return load(System.getenv(), sysProps);
  }

  /** The configuration given an environment and system properties (tests pass their own). */
  public static IndexConfig load(Map<String, String> environment, Map<String, String> systemProperties) {
    URL defaults = IndexConfigLoader.class.getClassLoader().getResource(DEFAULTS);
    if (defaults == null) {
      throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
    }
    PropertiesConfigSource defaultSource;
    Properties declaredKeys = new Properties();
    try (var in = defaults.openStream()) {
      declaredKeys.load(in);
      defaultSource = new PropertiesConfigSource(defaults, 100);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + defaults, e);
    }
    SmallRyeConfig config = new SmallRyeConfigBuilder()
        .withSources(defaultSource,
            new EnvConfigSource(environment, EnvConfigSource.ORDINAL),
            new PropertiesConfigSource(systemProperties, "system properties", 400))
        .build();
    return new IndexConfigLoader(config, declaredKeys.stringPropertyNames()).build(systemProperties.keySet());
  }

  private IndexConfig build(Set<String> systemPropertyNames) {
    Set<String> unknown = new TreeSet<>();
    for (String name : systemPropertyNames) {
      if (name.startsWith("index.") && !declared.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      String first = unknown.iterator().next();
      throw new ConfigException(first, "unknown key (not declared in " + DEFAULTS + "); unknown keys: " + unknown);
    }
    return new IndexConfig(
        new IndexConfig.Kafka(
            text("index.kafka.bootstrap-servers"),
            text("index.kafka.group-id"),
            text("index.kafka.client-id"),
            positive("index.kafka.max-poll-records"),
            positive("index.kafka.max-pending-records"),
            positiveDuration("index.kafka.commit-interval"),
            positiveDuration("index.kafka.revoke-timeout")),
        new IndexConfig.Elasticsearch(
            httpUrl("index.elasticsearch.url"),
            positiveDuration("index.elasticsearch.connect-timeout"),
            positiveDuration("index.elasticsearch.socket-timeout"),
            positiveDuration("index.elasticsearch.startup-timeout")),
        new IndexConfig.Bulk(
            positive("index.bulk.max-actions"),
            bytes("index.bulk.max-bytes"),
            positiveDuration("index.bulk.flush-interval"),
            positive("index.bulk.max-concurrent-requests")),
        new IndexConfig.Retry(
            positiveDuration("index.retry.initial-backoff"),
            positiveDuration("index.retry.max-backoff"),
            positive("index.retry.max-item-attempts")),
        new IndexConfig.Layout(
            positive("index.layout.shards"),
            atLeastZero("index.layout.replicas")),
        new IndexConfig.Duplicates(
            positiveDuration("index.duplicates.sweep-interval"),
            positiveDuration("index.duplicates.settle"),
            positive("index.duplicates.batch-size")),
        new IndexConfig.Http(
            port("index.http.port"),
            positiveDuration("index.http.health-check-interval")),
        positiveDuration("index.shutdown.timeout"));
  }

  private String text(String key) {
    String value = raw(key).strip();
    if (value.isEmpty()) {
      throw new ConfigException(key, "must not be empty" + origin(key));
    }
    return value;
  }

  private int positive(String key) {
    int value = integer(key);
    if (value < 1) {
      throw new ConfigException(key, "must be at least 1, was " + value + origin(key));
    }
    return value;
  }

  private int atLeastZero(String key) {
    int value = integer(key);
    if (value < 0) {
      throw new ConfigException(key, "must be 0 or more, was " + value + origin(key));
    }
    return value;
  }

  private int port(String key) {
    int value = integer(key);
    if (value < 0 || value > 65535) {
      throw new ConfigException(key, "must be a TCP port 0..65535 (0 picks a free one), was " + value + origin(key));
    }
    return value;
  }

  private int integer(String key) {
    String value = raw(key).strip();
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "must be a whole number, was '" + value + "'" + origin(key), e);
    }
  }

  private long bytes(String key) {
    String value = raw(key).strip().toLowerCase(Locale.ROOT);
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      throw new ConfigException(key, "must be a size such as 5mb, 512kb or 1048576, was '" + value + "'" + origin(key));
    }
    long number = Long.parseLong(m.group(1));
    long unit = switch (m.group(2) == null ? "b" : m.group(2)) {
      case "kb" -> 1024L;
      case "mb" -> 1024L * 1024;
      case "gb" -> 1024L * 1024 * 1024;
      default -> 1L;
    };
    if (number < 1) {
      throw new ConfigException(key, "must be at least 1 byte, was '" + value + "'" + origin(key));
    }
    return Math.multiplyExact(number, unit);
  }

  private Duration positiveDuration(String key) {
    return Durations.positive(key, raw(key).strip(), origin(key));
  }

  private URI httpUrl(String key) {
    String value = raw(key).strip();
    try {
      URI uri = new URI(value);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new ConfigException(key, "must be an http(s) URL such as http://127.0.0.1:9200, was '" + value + "'"
            + origin(key));
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException(key, "must be an http(s) URL such as http://127.0.0.1:9200, was '" + value + "'"
          + origin(key), e);
    }
  }

  private String raw(String key) {
    if (!declared.contains(key)) {
      throw new IllegalStateException("the code reads " + key + " but " + DEFAULTS + " does not declare it");
    }
    ConfigValue value = config.getConfigValue(key);
    if (value.getValue() == null) {
      throw new ConfigException(key, "missing");
    }
    return value.getValue();
  }

  private String origin(String key) {
    ConfigValue value = config.getConfigValue(key);
    String source = value.getSourceName();
    if (source == null) {
      return "";
    }
    if (source.startsWith(EnvConfigSource.NAME) || source.contains("EnvConfigSource")) {
      return " (from environment variable " + key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT) + ")";
    }
    if (source.contains(DEFAULTS)) {
      return " (from " + DEFAULTS + ")";
    }
    return " (from " + source + ")";
  }
}
