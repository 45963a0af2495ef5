package io.scomon.ingest.fetch;

import io.scomon.ingest.config.IngestConfig;
import io.scomon.ingest.guard.AddressGuard;
import io.scomon.ingest.guard.BlockedAddressException;
import io.scomon.ingest.guard.GuardedDnsResolver;
import io.scomon.ingest.guard.Verdict;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;

/**
 * One HTTP GET with every limit of a polite, defensive crawler: connect and read timeouts, a total
 * deadline (a watchdog aborts the exchange), a body cap before and after decompression, only
 * accepted media types, at most {@code maxRedirects} redirects followed by hand so that each hop is
 * checked for loops, by robots.txt and by the address guard (literal addresses before connecting;
 * names when resolved, inside the HTTP client's DNS resolver), conditional GET, and typed failures.
 * Thread-safe; one instance serves all fetch workers.
 */
public final class HttpFetcher implements AutoCloseable {

  /** The limits, from {@link IngestConfig.Fetch}. */
  public record Settings(Duration connectTimeout, Duration readTimeout, Duration deadline, long maxBodyBytes,
      int maxRedirects, String userAgent, int maxConnections) {

    public static Settings of(IngestConfig.Fetch f, int workers) {
      return new Settings(f.connectTimeout(), f.timeout(), f.deadline(), f.maxBodyBytes(), f.maxRedirects(),
          f.userAgent(), Math.max(4, workers * 2));
    }
  }

  /**
   * What to fetch.
   *
   * @param allowPrivate whether the source may reach private and loopback addresses
   * @param etag validator for If-None-Match, or null
   * @param lastModified validator for If-Modified-Since, or null
   * @param accepted media types accepted (a response without Content-Type is accepted)
   * @param redirectAllowed asked about every redirect target (robots.txt)
   */
  public record Request(URI url, boolean allowPrivate, String etag, String lastModified, Set<String> accepted,
      Predicate<URI> redirectAllowed) {

    public static Request of(URI url, boolean allowPrivate, Set<String> accepted) {
      return new Request(url, allowPrivate, null, null, accepted, u -> true);
    }

    public Request conditional(String etag, String lastModified) {
      return new Request(url, allowPrivate, etag, lastModified, accepted, redirectAllowed);
    }

    public Request redirectsChecked(Predicate<URI> check) {
      return new Request(url, allowPrivate, etag, lastModified, accepted, check);
    }
  }

  private final Settings settings;
  private final AddressGuard guard;
  private final CloseableHttpClient strict;
  private final CloseableHttpClient permissive;
  private final ScheduledExecutorService watchdog;

  public HttpFetcher(Settings settings, AddressGuard guard) {
    this(settings, guard, SystemDefaultDnsResolver.INSTANCE);
  }

  public HttpFetcher(Settings settings, AddressGuard guard, DnsResolver dns) {
    this.settings = settings;
    this.guard = guard;
    this.strict = client(new GuardedDnsResolver(dns, guard, false));
    this.permissive = client(new GuardedDnsResolver(dns, guard, true));
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "fetch-deadline");
      t.setDaemon(true);
      return t;
    });
  }

  private CloseableHttpClient client(DnsResolver resolver) {
    ConnectionConfig connection = ConnectionConfig.custom()
        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
        .setSocketTimeout(Timeout.of(settings.readTimeout()))
        .build();
    RequestConfig request = RequestConfig.custom()
        .setResponseTimeout(Timeout.of(settings.readTimeout()))
        .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
        .setRedirectsEnabled(false)
        .build();
    return HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(resolver)
            .setDefaultConnectionConfig(connection)
            .setMaxConnTotal(settings.maxConnections())
            .setMaxConnPerRoute(2)
            .build())
        .setDefaultRequestConfig(request)
        .setUserAgent(settings.userAgent())
        .disableRedirectHandling()
        .disableContentCompression()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .build();
  }

  /** Fetches, following redirects; a 2xx or 304 response, else a {@link FetchException}. */
  public FetchResponse fetch(Request request) throws FetchException {
    long deadline = System.nanoTime() + settings.deadline().toNanos();
    URI current = request.url();
    Set<String> seen = new HashSet<>();
    seen.add(Urls.normalize(current.toString()).orElse(current.toString()));
    for (int hop = 0; ; hop++) {
      Hop result = exchange(current, request, hop == 0, deadline);
      if (result.location == null) {
        return new FetchResponse(request.url(), current, result.status, result.mediaType, result.charset,
            result.body, result.etag, result.lastModified);
      }
      URI next = redirectTarget(current, result.location, result.status);
      String key = Urls.normalize(next.toString()).orElse(next.toString());
      if (!seen.add(key)) {
        throw new FetchException(FailureReason.REDIRECT_LOOP, request.url(), result.status, null,
            "redirect loop: " + current + " redirects back to " + next + " after " + (hop + 1) + " hops", null);
      }
      if (hop + 1 > settings.maxRedirects()) {
        throw new FetchException(FailureReason.TOO_MANY_REDIRECTS, request.url(), result.status, null,
            "more than " + settings.maxRedirects() + " redirects (last to " + next + ")", null);
      }
      if (!request.redirectAllowed().test(next)) {
        throw new FetchException(FailureReason.ROBOTS_DISALLOWED, request.url(),
            "redirect target " + next + " is disallowed by its robots.txt");
      }
      current = next;
    }
  }

  private URI redirectTarget(URI from, String location, int status) throws FetchException {
    try {
      URI target = from.resolve(new URI(location.strip().replace(" ", "%20")));
      String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || target.getHost() == null) {
        throw new FetchException(FailureReason.BAD_REDIRECT, from, status, null,
            "redirect to a non-http URL: " + location, null);
      }
      return target;
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchException(FailureReason.BAD_REDIRECT, from, status, null,
          "redirect Location is not a URL: " + location, e);
    }
  }

  private record Hop(int status, String location, String mediaType, String charset, byte[] body, String etag,
      String lastModified) {}

  private Hop exchange(URI url, Request request, boolean first, long deadline) throws FetchException {
    InetAddress literal = AddressGuard.literal(url.getHost());
    if (literal != null) {
      Verdict v = guard.check(url, literal, request.allowPrivate());
      if (!v.allowed()) {
        throw new FetchException(FailureReason.BLOCKED_ADDRESS, url, "refused to connect to "
            + literal.getHostAddress() + ": " + v.reason());
      }
    }
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new FetchException(FailureReason.DEADLINE_EXCEEDED, url, "deadline passed before the request");
    }
    HttpGet get = new HttpGet(url);
    get.setHeader(HttpHeaders.ACCEPT, accept(request.accepted()));
    get.setHeader(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate");
    if (first && request.etag() != null) {
      get.setHeader(HttpHeaders.IF_NONE_MATCH, request.etag());
    }
    if (first && request.lastModified() != null) {
      get.setHeader(HttpHeaders.IF_MODIFIED_SINCE, request.lastModified());
    }
    AtomicBoolean cancelled = new AtomicBoolean();
    ScheduledFuture<?> abort = watchdog.schedule(() -> {
      cancelled.set(true);
      get.cancel();
    }, remaining, TimeUnit.NANOSECONDS);
    CloseableHttpClient client = request.allowPrivate() ? permissive : strict;
    boolean complete = false;
    try {
      HttpHost target = RoutingSupport.determineHost(get);
      ClassicHttpResponse response = client.executeOpen(target, get, null);
      try {
        Hop hop = read(url, request, response, deadline, cancelled);
        complete = hop.location == null;
        return hop;
      } finally {
        if (!complete) {
          get.cancel(); // closing an unread response would drain it: abort the connection instead
        }
        closeQuietly(response);
      }
    } catch (FetchException e) {
      throw e;
    } catch (HttpException e) {
      throw new FetchException(FailureReason.BAD_REDIRECT, url, "cannot route the request: " + e.getMessage(), e);
    } catch (IOException e) {
      if (cancelled.get()) {
        throw new FetchException(FailureReason.DEADLINE_EXCEEDED, url,
            "deadline of " + settings.deadline().toMillis() + " ms passed", e);
      }
      throw connectFailure(url, e);
    } finally {
      abort.cancel(false);
    }
  }

  private Hop read(URI url, Request request, ClassicHttpResponse response, long deadline, AtomicBoolean cancelled)
      throws FetchException, IOException {
    int status = response.getCode();
    if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
      Header location = response.getFirstHeader(HttpHeaders.LOCATION);
      if (location == null || location.getValue().isBlank()) {
        throw new FetchException(FailureReason.BAD_REDIRECT, url, status, null, "redirect without Location", null);
      }
      return new Hop(status, location.getValue(), null, null, new byte[0], null, null);
    }
    if (status == 304) {
      return new Hop(304, null, null, null, new byte[0], header(response, HttpHeaders.ETAG),
          header(response, HttpHeaders.LAST_MODIFIED));
    }
    if (status == 429 || status >= 500) {
      throw new FetchException(status == 429 ? FailureReason.HTTP_RATE_LIMITED : FailureReason.HTTP_SERVER_ERROR,
          url, status, retryAfter(response), "HTTP " + status + " " + response.getReasonPhrase(), null);
    }
    if (status < 200 || status >= 300) {
      throw new FetchException(FailureReason.HTTP_CLIENT_ERROR, url, status, null,
          "HTTP " + status + " " + response.getReasonPhrase(), null);
    }
    HttpEntity entity = response.getEntity();
    String mediaType = null;
    String charset = null;
    String contentType = entity == null ? null : entity.getContentType();
    if (contentType != null && !contentType.isBlank()) {
      try {
        ContentType ct = ContentType.parse(contentType);
        mediaType = ct.getMimeType() == null ? null : ct.getMimeType().toLowerCase(Locale.ROOT);
        charset = ct.getParameter("charset");
      } catch (RuntimeException e) {
        mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      }
    }
    if (mediaType != null && !request.accepted().contains(mediaType)) {
      throw new FetchException(FailureReason.UNSUPPORTED_CONTENT_TYPE, url, status, null,
          "Content-Type " + mediaType + " is not one of " + request.accepted(), null);
    }
    long length = entity == null ? -1 : entity.getContentLength();
    if (length > settings.maxBodyBytes()) {
      throw new FetchException(FailureReason.BODY_TOO_LARGE, url, status, null,
          "Content-Length " + length + " is larger than " + settings.maxBodyBytes() + " bytes", null);
    }
    byte[] body = entity == null ? new byte[0]
        : BodyReader.read(entity.getContent(), entity.getContentEncoding(), settings.maxBodyBytes(), deadline,
            cancelled::get, url);
    return new Hop(status, null, mediaType, charset, body, header(response, HttpHeaders.ETAG),
        header(response, HttpHeaders.LAST_MODIFIED));
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException | RuntimeException e) {
      // the exchange was aborted or already read; the connection is discarded either way
    }
  }

  private static String header(ClassicHttpResponse response, String name) {
    Header h = response.getFirstHeader(name);
    return h == null || h.getValue().isBlank() ? null : h.getValue().strip();
  }

  /** Retry-After as delta-seconds or an HTTP date, or null. */
  static Duration retryAfter(ClassicHttpResponse response) {
    String v = header(response, HttpHeaders.RETRY_AFTER);
    if (v == null) {
      return null;
    }
    if (v.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    Instant at = DateUtils.parseStandardDate(v);
    if (at == null) {
      return null;
    }
    Duration d = Duration.between(Instant.now(), at);
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static String accept(Set<String> accepted) {
    if (accepted.contains("application/rss+xml")) {
      return "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";
    }
    if (accepted.contains("text/html")) {
      return "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";
    }
    return "*/*";
  }

  private static FetchException connectFailure(URI url, IOException e) {
    if (e instanceof BlockedAddressException b) {
      return new FetchException(FailureReason.BLOCKED_ADDRESS, url, b.getMessage(), e);
    }
    if (e instanceof UnknownHostException) {
      return new FetchException(FailureReason.UNKNOWN_HOST, url, "unknown host: " + e.getMessage(), e);
    }
    if (e instanceof ConnectTimeoutException) {
      return new FetchException(FailureReason.CONNECT_TIMEOUT, url, "connect timed out: " + e.getMessage(), e);
    }
    if (e instanceof HttpHostConnectException || e instanceof ConnectException) {
      return new FetchException(FailureReason.CONNECT_FAILED, url, "cannot connect: " + e.getMessage(), e);
    }
    if (e instanceof SocketTimeoutException) {
      return new FetchException(FailureReason.READ_TIMEOUT, url, "no response within the read timeout", e);
    }
    if (e instanceof InterruptedIOException) {
      return new FetchException(FailureReason.IO_ERROR, url, "interrupted: " + e.getMessage(), e);
    }
    return BodyReader.classify(e, url, 0);
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
    try {
      strict.close();
    } catch (IOException e) {
      // closing the pool; nothing left to do
    }
    try {
      permissive.close();
    } catch (IOException e) {
      // closing the pool; nothing left to do
    }
  }
}
