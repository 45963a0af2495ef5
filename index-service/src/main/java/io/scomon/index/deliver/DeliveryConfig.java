package io.scomon.index.deliver;

import io.scomon.index.config.ConfigException;
import io.scomon.index.config.Durations;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The {@code index.deliver.*} keys of {@code index-defaults.properties}, validated. Read from the same
 * sources, in the same order, as {@code IndexConfigLoader}: system properties over the environment
 * ({@code INDEX_DELIVER_EMAIL_SMTP_HOST}) over the defaults file; a bad value fails with the key's name.
 * Kafka bootstrap servers, Elasticsearch URL and shutdown timeout come from {@code IndexConfig}.
 *
 * @param groupId consumer group of {@code scomon.alerts} for delivery (apart from the indexer's)
 * @param maxInFlight alerts being sent; the consumer pauses above it
 * @param maxRetrying alerts waiting for a retry, on top of {@code maxInFlight}
 * @param startupTimeout how long start-up may take to read the subscriptions and create the ledger index
 * @param ledgerIndex Elasticsearch index of the delivery ledger
 */
public record DeliveryConfig(String groupId, int maxInFlight, int maxRetrying, Duration startupTimeout,
    String ledgerIndex,
    Retry retry, Webhook webhook, Email email, Digest digest) {

  static final String DEFAULTS = "index-defaults.properties";

  /** {@code index.deliver.retry.*}: how often and how long a failing send is tried again. */
  public record Retry(Duration initialBackoff, Duration maxBackoff, int maxAttempts, Duration maxRetryAfter) {}

  /** {@code index.deliver.webhook.*}. */
  public record Webhook(Duration connectTimeout, Duration timeout) {}

  /** {@code index.deliver.email.*}: the SMTP server every alert mail goes through. */
  public record Email(String smtpHost, int smtpPort, InternetAddress from, Optional<String> username,
      Optional<String> password, boolean startTls, Duration connectTimeout, Duration timeout, int threads) {}

  /**
   * {@code index.deliver.digest.*}.
   *
   * @param minute how long one of a subscription's {@code digestMinutes} lasts: one minute, except in tests
   */
  public record Digest(Duration checkInterval, Duration minute, int maxAlerts) {}

  /** The delivery configuration of this process. */
  public static DeliveryConfig load() {
    Map<String, String> sysProps = new HashMap<>();
    System.getProperties().forEach((k, v) -> sysProps.put(k.toString(), v.toString()));
    return load(System.getenv(), sysProps);
  }

  /** The delivery configuration given an environment and system properties (tests pass their own). */
  public static DeliveryConfig load(Map<String, String> environment, Map<String, String> systemProperties) {
    URL defaults = DeliveryConfig.class.getClassLoader().getResource(DEFAULTS);
    if (defaults == null) {
      throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
    }
    Properties declared = new Properties();
    try (var in = defaults.openStream()) {
      declared.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + defaults, e);
    }
    SmallRyeConfig config = new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(declared, DEFAULTS, 100),
            new EnvConfigSource(environment, EnvConfigSource.ORDINAL),
            new PropertiesConfigSource(systemProperties, "system properties", 400))
        .build();
    return new Reader(config, declared.stringPropertyNames()).read();
  }

  /** Reads and checks each key; the messages match those of IndexConfigLoader. */
  private record Reader(SmallRyeConfig config, Set<String> declared) {

    DeliveryConfig read() {
      return new DeliveryConfig(
          text("index.deliver.kafka.group-id"),
          positive("index.deliver.max-in-flight"),
          positive("index.deliver.max-retrying"),
          duration("index.deliver.startup-timeout"),
          indexName("index.deliver.ledger.index"),
          new Retry(
              duration("index.deliver.retry.initial-backoff"),
              duration("index.deliver.retry.max-backoff"),
              positive("index.deliver.retry.max-attempts"),
              duration("index.deliver.retry.max-retry-after")),
          new Webhook(
              duration("index.deliver.webhook.connect-timeout"),
              duration("index.deliver.webhook.timeout")),
          new Email(
              text("index.deliver.email.smtp-host"),
              port("index.deliver.email.smtp-port"),
              address("index.deliver.email.from"),
              optional("index.deliver.email.username"),
              optional("index.deliver.email.password"),
              bool("index.deliver.email.starttls"),
              duration("index.deliver.email.connect-timeout"),
              duration("index.deliver.email.timeout"),
              positive("index.deliver.email.threads")),
          new Digest(
              duration("index.deliver.digest.check-interval"),
              duration("index.deliver.digest.minute"),
              positive("index.deliver.digest.max-alerts")));
    }

    private String text(String key) {
      return optional(key).orElseThrow(() -> new ConfigException(key, "must not be empty" + origin(key)));
    }

    private Optional<String> optional(String key) {
      if (!declared.contains(key)) {
        throw new IllegalStateException("the code reads " + key + " but " + DEFAULTS + " does not declare it");
      }
      ConfigValue value = config.getConfigValue(key);
      return Optional.ofNullable(value.getValue()).map(String::strip).filter(v -> !v.isEmpty());
    }

    private int positive(String key) {
      int value = integer(key);
      if (value < 1) {
        throw new ConfigException(key, "must be at least 1, was " + value + origin(key));
      }
      return value;
    }

    private int port(String key) {
      int value = integer(key);
      if (value < 1 || value > 65535) {
        throw new ConfigException(key, "must be a TCP port 1..65535, was " + value + origin(key));
      }
      return value;
    }

    private int integer(String key) {
      String value = text(key);
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new ConfigException(key, "must be a whole number, was '" + value + "'" + origin(key), e);
      }
    }

    private boolean bool(String key) {
      String value = text(key).toLowerCase(Locale.ROOT);
      return switch (value) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new ConfigException(key, "must be true or false, was '" + value + "'" + origin(key));
      };
    }

    private String indexName(String key) {
      String value = text(key);
      if (!value.matches("[a-z0-9][a-z0-9._-]*")) {
        throw new ConfigException(key, "must be a lower-case Elasticsearch index name, was '" + value + "'"
            + origin(key));
      }
      return value;
    }

    private InternetAddress address(String key) {
      String value = text(key);
      try {
        InternetAddress address = new InternetAddress(value, true);
        address.validate();
        return address;
      } catch (AddressException e) {
        throw new ConfigException(key, "must be a mail address such as 'SCO Monitor <alerts@example.org>', was '"
            + value + "'" + origin(key), e);
      }
    }

    private Duration duration(String key) {
      return Durations.positive(key, text(key), origin(key));
    }

    private String origin(String key) {
      String source = config.getConfigValue(key).getSourceName();
      if (source == null) {
        return "";
      }
      if (source.contains("EnvConfigSource") || source.startsWith(EnvConfigSource.NAME)) {
        return " (from environment variable " + key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT) + ")";
      }
      return " (from " + source + ")";
    }
  }
}
