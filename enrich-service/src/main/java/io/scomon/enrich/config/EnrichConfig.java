package io.scomon.enrich.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.NoSuchElementException;

/**
 * Everything enrich-service can be told, validated at startup. Keys, meanings and defaults are in
 * {@code enrich-defaults.properties}; the environment and system properties override them.
 */
public record EnrichConfig(
    String bootstrapServers,
    String applicationId,
    Path stateDir,
    int threads,
    Duration commitInterval,
    int replicationFactor,
    Optional<Path> taxonomyFile,
    Duration taxonomyReloadInterval,
    Optional<Path> gazetteerFile,
    int maxDuplicateDistance,
    int rememberedArticles,
    String httpHost,
    int httpPort,
    Api api,
    Map<String, String> streamsOverrides) {

  /** The subscriptions API: whether it runs, where, and the token it demands. */
  public record Api(boolean enabled, String host, int port, String token) {}

  private static final String DEFAULTS = "/enrich-defaults.properties";
  /** Keys under this prefix go to Kafka Streams as they are, e.g. {@code enrich.streams.producer.batch.size}. */
  public static final String STREAMS_PREFIX = "enrich.streams.";

  /** Reads the defaults file, then the environment and system properties. */
  public static EnrichConfig load() {
    return load(Map.of());
  }

  /** As {@link #load()}, with {@code overrides} winning over everything (tests, the launcher). */
  public static EnrichConfig load(Map<String, String> overrides) {
    URL defaults = EnrichConfig.class.getResource(DEFAULTS);
    SmallRyeConfig config;
    try {
      config = new SmallRyeConfigBuilder()
          .addDefaultSources()
          .withSources(new PropertiesConfigSource(defaults, 50))
          .withSources(new PropertiesConfigSource(Map.copyOf(overrides), "overrides", 1000))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULTS, e);
    }
    return from(config);
  }

  private static EnrichConfig from(SmallRyeConfig c) {
    String stateDir = text(c, "enrich.state-dir");
    return new EnrichConfig(
        required(c, "enrich.kafka.bootstrap-servers"),
        required(c, "enrich.application-id"),
        stateDir.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir"), "scomon-enrich-state") : Path.of(stateDir),
        range(c, "enrich.threads", 1, 64),
        Duration.ofMillis(range(c, "enrich.commit-interval-ms", 1, 600_000)),
        range(c, "enrich.replication-factor", 1, 10),
        file(c, "enrich.taxonomy.file"),
        Duration.ofMillis(range(c, "enrich.taxonomy.reload-interval-ms", 100, 86_400_000)),
        file(c, "enrich.gazetteer.file"),
        range(c, "enrich.dedup.max-distance", 0, 15),
        range(c, "enrich.dedup.remembered-articles", 1, 10_000_000),
        required(c, "enrich.http.host"),
        range(c, "enrich.http.port", 0, 65535),
        api(c),
        streamsOverrides(c));
  }

  private static Api api(SmallRyeConfig c) {
    String enabled = text(c, "enrich.api.enabled");
    if (!enabled.equals("true") && !enabled.equals("false")) {
      throw new InvalidConfigException("enrich.api.enabled", enabled, "must be true or false");
    }
    if (enabled.equals("false")) {
      return new Api(false, "127.0.0.1", 0, "");
    }
    String token = text(c, "enrich.api.token");
    if (token.length() < 16) {
      throw new InvalidConfigException("enrich.api.token", token.isEmpty() ? "" : "(hidden)",
          "the API needs a token of at least 16 characters (or set enrich.api.enabled=false)");
    }
    return new Api(true, required(c, "enrich.api.host"), range(c, "enrich.api.port", 0, 65535), token);
  }

  private static Map<String, String> streamsOverrides(SmallRyeConfig c) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (String name : c.getPropertyNames()) {
      if (name.startsWith(STREAMS_PREFIX) && name.length() > STREAMS_PREFIX.length()) {
        out.put(name.substring(STREAMS_PREFIX.length()), text(c, name));
      }
    }
    return Map.copyOf(out);
  }

  private static String text(SmallRyeConfig c, String key) {
    return c.getOptionalValue(key, String.class).orElse("").strip();
  }

  private static String required(SmallRyeConfig c, String key) {
    String value = text(c, key);
    if (value.isEmpty()) {
      throw new InvalidConfigException(key, "", "a value is required");
    }
    return value;
  }

  private static int range(SmallRyeConfig c, String key, int min, int max) {
    String value = text(c, key);
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new InvalidConfigException(key, value, "must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidConfigException(key, value, "must be a whole number");
    } catch (NoSuchElementException e) {
      throw new InvalidConfigException(key, value, "a value is required");
    }
  }

  private static Optional<Path> file(SmallRyeConfig c, String key) {
    String value = text(c, key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Path path = Path.of(value);
    if (!Files.isReadable(path)) {
      throw new InvalidConfigException(key, value, "no readable file there");
    }
    return Optional.of(path);
  }
}
