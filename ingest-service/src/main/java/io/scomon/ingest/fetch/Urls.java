package io.scomon.ingest.fetch;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * URL normalisation (crawler-commons {@link BasicURLNormalizer}: lower-case scheme and host, no
 * default port, no fragment, resolved dot segments, sorted query, tracking parameters dropped)
 * and host keys. The host key ({@code host} or {@code host:port} for a non-default port) is the
 * Kafka key of fetch requests and the unit of politeness.
 */
public final class Urls {

  private static final BasicURLNormalizer NORMALIZER = BasicURLNormalizer.newBuilder()
      .queryParamsToRemove(List.of("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content",
          "fbclid", "gclid", "yclid", "mc_cid", "mc_eid"))
      .build();

  private Urls() {}

  /** The normalised http(s) URL, or empty when the text is not one. */
  public static Optional<String> normalize(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String n = NORMALIZER.filter(url.strip());
    if (n == null) {
      return Optional.empty();
    }
    String lower = n.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      return Optional.empty();
    }
    try {
      URI u = new URI(n);
      return u.getHost() == null ? Optional.empty() : Optional.of(n);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** Politeness and partitioning key of a URL: lower-case host, plus the port when not the scheme's default. */
  public static String hostKey(URI url) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    int port = url.getPort();
    boolean defaultPort = port == -1
        || (port == 80 && "http".equalsIgnoreCase(url.getScheme()))
        || (port == 443 && "https".equalsIgnoreCase(url.getScheme()));
    return defaultPort ? host : host + ":" + port;
  }

  public static String hostKey(String url) {
    return hostKey(URI.create(url));
  }

  /** Whether two URLs are on the same host, ignoring a leading {@code www.}. */
  public static boolean sameSite(URI a, URI b) {
    if (a.getHost() == null || b.getHost() == null) {
      return false;
    }
    return bare(a.getHost()).equals(bare(b.getHost()));
  }

  private static String bare(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.startsWith("www.") ? h.substring(4) : h;
  }
}
