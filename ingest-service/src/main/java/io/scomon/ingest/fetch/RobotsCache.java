package io.scomon.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per host (RFC 9309, parsed by crawler-commons {@link SimpleRobotRulesParser}),
 * cached for a time. A missing robots.txt (4xx) allows everything; an unreachable one (5xx,
 * network error) disallows everything for a short while, as the RFC asks. A robots.txt on a
 * refused address is never fetched: the guard's refusal is passed on.
 */
public final class RobotsCache {

  private static final Logger LOG = LoggerFactory.getLogger(RobotsCache.class);
  private static final Duration UNREACHABLE_TTL = Duration.ofMinutes(10);

  private record Entry(BaseRobotRules rules, Instant expires) {}

  private final HttpFetcher fetcher;
  private final SimpleRobotRulesParser parser;
  private final List<String> agents;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  public RobotsCache(HttpFetcher fetcher, String agent, Duration ttl, Clock clock) {
    this.fetcher = fetcher;
    this.parser = new SimpleRobotRulesParser();
    this.agents = List.of(agent);
    this.ttl = ttl;
    this.clock = clock;
  }

  /**
   * Whether the URL may be fetched; fetches the host's robots.txt when it is not cached. A
   * robots.txt that answered 5xx defers the visit: a retryable {@code robots-unreachable} failure.
   */
  public boolean allowed(URI url, boolean allowPrivate) throws FetchException {
    BaseRobotRules rules = rules(url, allowPrivate);
    if (rules.isDeferVisits()) {
      throw new FetchException(FailureReason.ROBOTS_UNREACHABLE, url,
          "robots.txt of " + origin(url) + " answered with a server error: visits deferred");
    }
    return rules.isAllowed(url.toString());
  }

  /** Whether the URL's robots.txt is cached and fresh (so {@link #allowed} will not fetch). */
  public boolean isCached(URI url) {
    Entry e = cache.get(origin(url));
    return e != null && e.expires.isAfter(clock.instant());
  }

  /** The rules of the URL's host, fetching robots.txt when needed. */
  public BaseRobotRules rules(URI url, boolean allowPrivate) throws FetchException {
    String key = origin(url);
    Instant now = clock.instant();
    Entry e = cache.get(key);
    if (e != null && e.expires.isAfter(now)) {
      return e.rules;
    }
    Entry fresh = fetch(URI.create(key + "/robots.txt"), allowPrivate, now);
    cache.put(key, fresh);
    if (cache.size() > 50_000) {
      cache.values().removeIf(x -> x.expires.isBefore(now));
    }
    return fresh.rules;
  }

  /** The Crawl-delay the cached robots.txt of a host ({@link Urls#hostKey}) asks for, without fetching. */
  public Optional<Duration> crawlDelay(String hostKey) {
    Entry e = cache.get("https://" + hostKey);
    if (e == null) {
      e = cache.get("http://" + hostKey);
    }
    if (e == null) {
      return Optional.empty();
    }
    long ms = e.rules.getCrawlDelay();
    return ms > 0 ? Optional.of(Duration.ofMillis(ms)) : Optional.empty();
  }

  private Entry fetch(URI robots, boolean allowPrivate, Instant now) throws FetchException {
    try {
      FetchResponse r = fetcher.fetch(HttpFetcher.Request.of(robots, allowPrivate, ContentSniffer.TEXT));
      BaseRobotRules rules = parse(robots.toString(), r.body(), agents.get(0));
      LOG.debug("robots.txt of {}: {}", robots, rules);
      return new Entry(rules, now.plus(ttl));
    } catch (FetchException e) {
      switch (e.reason()) {
        case HTTP_CLIENT_ERROR, UNSUPPORTED_CONTENT_TYPE, BODY_TOO_LARGE, DECOMPRESSED_TOO_LARGE, BINARY_CONTENT,
            TOO_MANY_REDIRECTS, REDIRECT_LOOP, BAD_REDIRECT -> {
          // RFC 9309 2.3.1.3: unavailable robots.txt, crawl without restriction
          return new Entry(parser.failedFetch(e.status() > 0 && e.status() < 500 ? e.status() : 404), now.plus(ttl));
        }
        case HTTP_SERVER_ERROR, HTTP_RATE_LIMITED -> {
          // 2.3.1.4: unreachable, assume complete disallow for a while
          LOG.warn("robots.txt of {} answered {}: deferring visits to the host for {}", robots, e.status(),
              UNREACHABLE_TTL);
          return new Entry(parser.failedFetch(e.status()), now.plus(UNREACHABLE_TTL));
        }
        default -> throw e; // the host itself cannot be reached or is refused: the page fails the same way
      }
    }
  }

  /** The rules a robots.txt body sets for this product token (RFC 9309 group matching, Crawl-delay). */
  public static BaseRobotRules parse(String robotsUrl, byte[] body, String agent) {
    return new SimpleRobotRulesParser().parseContent(robotsUrl, body, "text/plain", List.of(agent));
  }

  /** scheme://authority of a URL, the unit robots.txt applies to. */
  public static String origin(URI url) {
    return url.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + Urls.hostKey(url);
  }
}
