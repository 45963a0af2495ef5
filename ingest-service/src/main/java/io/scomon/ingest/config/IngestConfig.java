package io.scomon.ingest.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Everything ingest-service can be told, typed and validated. Every key is declared and commented
 * once, in {@code ingest-defaults.properties}; {@link #load(Map)} reads it with environment and
 * system-property overrides.
 */
public record IngestConfig(
    Kafka kafka,
    Sources sources,
    Fetch fetch,
    Politeness politeness,
    Workers workers,
    Schedule schedule,
    Crawl crawl,
    Http http) {

  /** Kafka connection and client identities. */
  public record Kafka(String bootstrapServers, String clientId, String fetchGroupId, Duration stateLoadTimeout) {}

  /** Where the list of sources is: a file path, or {@code classpath:} and a resource. */
  public record Sources(String file) {}

  /** Limits of one HTTP fetch. */
  public record Fetch(
      Duration connectTimeout,
      Duration timeout,
      Duration deadline,
      long maxBodyBytes,
      int maxRedirects,
      String userAgent,
      int maxAttempts,
      Duration retryBackoff,
      Duration maxRetryAfter) {

    /** The robots.txt product token: the User-Agent's first word before '/', lower case. */
    public String robotsAgent() {
      String token = userAgent.strip().split("[/\\s]", 2)[0];
      return token.toLowerCase(Locale.ROOT);
    }
  }

  /** How gently each host is treated. */
  public record Politeness(Duration minDelay, Duration maxCrawlDelay, Duration robotsTtl) {}

  /** Fetch worker pool and back-pressure. */
  public record Workers(int threads, int maxInFlight) {}

  /** The source scheduler. */
  public record Schedule(boolean enabled, Duration tick) {}

  /** Bounds of what one poll or one thread may lead to. */
  public record Crawl(int maxThreadPages, int maxSitemaps, int maxLinksPerPoll) {}

  /** The health and metrics endpoint. */
  public record Http(String host, int port) {}

  /** Defaults file + environment + system properties + the given overrides (strongest). */
  public static IngestConfig load(Map<String, String> overrides) {
    return ConfigLoader.load(overrides, System.getenv());
  }
}
