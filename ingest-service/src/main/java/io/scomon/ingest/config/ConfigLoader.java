package io.scomon.ingest.config;

import io.smallrye.config.ConfigValue;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds {@link IngestConfig} with SmallRye Config from four layers, weakest first: the defaults
 * file, environment variables ({@code INGEST_FETCH_TIMEOUT} for {@code ingest.fetch.timeout}),
 * system properties and explicit overrides. A key that the defaults file does not declare, or a
 * value that does not parse, fails with the key's name.
 */
final class ConfigLoader {

  static final String DEFAULTS = "ingest-defaults.properties";
  private static final String PREFIX = "ingest.";

  private final SmallRyeConfig config;

  private ConfigLoader(SmallRyeConfig config) {
    this.config = config;
  }

  static IngestConfig load(Map<String, String> overrides, Map<String, String> env) {
    Properties defaults = defaults();
    Set<String> known = new TreeSet<>(defaults.stringPropertyNames());
    Map<String, String> sysProps = new HashMap<>();
    System.getProperties().forEach((k, v) -> {
      if (k.toString().startsWith(PREFIX)) {
        sysProps.put(k.toString(), v.toString());
      }
    });
    Map<String, String> ingestEnv = new HashMap<>();
    env.forEach((k, v) -> {
      if (k.startsWith("INGEST_")) {
        ingestEnv.put(k, v);
      }
    });
    rejectUnknown(known, overrides.keySet(), "override");
    rejectUnknown(known, sysProps.keySet(), "system property");
    Set<String> knownEnv = new TreeSet<>();
    known.forEach(k -> knownEnv.add(envName(k)));
    for (String e : ingestEnv.keySet()) {
      if (!knownEnv.contains(e)) {
        throw new ConfigException(e, "unknown environment variable; known: " + knownEnv);
      }
    }
    SmallRyeConfig config = new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(defaults, DEFAULTS, 100))
        .withSources(new EnvConfigSource(ingestEnv, 300))
        .withSources(new PropertiesConfigSource(sysProps, "system properties", 400))
        .withSources(new PropertiesConfigSource(Map.copyOf(overrides), "overrides", 500))
        .build();
    return new ConfigLoader(config).read();
  }

  /** The environment variable that overrides a key: upper case, every other character '_'. */
  static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  private IngestConfig read() {
    Duration fetchTimeout = duration("ingest.fetch.timeout");
    IngestConfig.Fetch fetch = new IngestConfig.Fetch(
        duration("ingest.fetch.connect-timeout"),
        fetchTimeout,
        atLeast("ingest.fetch.deadline", duration("ingest.fetch.deadline"), fetchTimeout),
        longAtLeast("ingest.fetch.max-body-bytes", 1024),
        intBetween("ingest.fetch.max-redirects", 0, 20),
        string("ingest.fetch.user-agent"),
        intBetween("ingest.fetch.max-attempts", 1, 20),
        duration("ingest.fetch.retry-backoff"),
        duration("ingest.fetch.max-retry-after"));
    return new IngestConfig(
        new IngestConfig.Kafka(string("ingest.kafka.bootstrap-servers"), string("ingest.kafka.client-id"),
            string("ingest.kafka.fetch-group-id"), duration("ingest.kafka.state-load-timeout")),
        new IngestConfig.Sources(string("ingest.sources.file")),
        fetch,
        new IngestConfig.Politeness(durationOrZero("ingest.politeness.min-delay"),
            durationOrZero("ingest.politeness.max-crawl-delay"), duration("ingest.politeness.robots-ttl")),
        new IngestConfig.Workers(intBetween("ingest.workers.threads", 1, 512),
            intBetween("ingest.workers.max-in-flight", 1, 1_000_000)),
        new IngestConfig.Schedule(bool("ingest.schedule.enabled"), duration("ingest.schedule.tick")),
        new IngestConfig.Crawl(intBetween("ingest.crawl.max-thread-pages", 1, 1000),
            intBetween("ingest.crawl.max-sitemaps", 1, 10_000),
            intBetween("ingest.crawl.max-links-per-poll", 1, 100_000)),
        new IngestConfig.Http(string("ingest.http.host"), intBetween("ingest.http.port", 0, 65535)));
  }

  private String raw(String key) {
    ConfigValue v = config.getConfigValue(key);
    if (v == null || v.getValue() == null) {
      throw new ConfigException(key, "no value (declare it in " + DEFAULTS + ")");
    }
    return v.getValue().strip();
  }

  private String where(String key) {
    ConfigValue v = config.getConfigValue(key);
    return v == null || v.getSourceName() == null ? "" : " (from " + v.getSourceName() + ")";
  }

  private String string(String key) {
    String v = raw(key);
    if (v.isEmpty()) {
      throw new ConfigException(key, "must not be empty" + where(key));
    }
    return v;
  }

  private boolean bool(String key) {
    String v = raw(key).toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new ConfigException(key, "'" + v + "' is not true or false" + where(key));
    }
    return Boolean.parseBoolean(v);
  }

  private Duration duration(String key) {
    Duration d = durationOrZero(key);
    if (d.isZero()) {
      throw new ConfigException(key, "must be longer than zero" + where(key));
    }
    return d;
  }

  private Duration durationOrZero(String key) {
    Duration d;
    try {
      d = Durations.parse(raw(key));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, e.getMessage() + where(key), e);
    }
    if (d.isNegative()) {
      throw new ConfigException(key, "must not be negative" + where(key));
    }
    return d;
  }

  private Duration atLeast(String key, Duration value, Duration floor) {
    if (value.compareTo(floor) < 0) {
      throw new ConfigException(key, "must be at least " + Durations.format(floor) + where(key));
    }
    return value;
  }

  private int intBetween(String key, int min, int max) {
    long v = longValue(key);
    if (v < min || v > max) {
      throw new ConfigException(key, v + " is outside " + min + ".." + max + where(key));
    }
    return (int) v;
  }

  private long longAtLeast(String key, long min) {
    long v = longValue(key);
    if (v < min) {
      throw new ConfigException(key, v + " is below the minimum " + min + where(key));
    }
    return v;
  }

  private long longValue(String key) {
    String v = raw(key).replace("_", "");
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "'" + v + "' is not a whole number" + where(key), e);
    }
  }

  private static void rejectUnknown(Set<String> known, Set<String> given, String what) {
    for (String k : given) {
      if (!known.contains(k)) {
        throw new ConfigException(k, "unknown " + what + " key; known keys: " + known);
      }
    }
  }

  private static Properties defaults() {
    URL url = ConfigLoader.class.getClassLoader().getResource(DEFAULTS);
    if (url == null) {
      throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
    }
    Properties p = new Properties();
    try (InputStream in = url.openStream()) {
      p.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + url, e);
    }
    return p;
  }
}
