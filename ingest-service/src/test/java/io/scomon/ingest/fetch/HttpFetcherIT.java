package io.scomon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scomon.ingest.guard.AddressGuard;
import io.scomon.ingest.testing.BadSite;
import io.scomon.ingest.testing.LoopbackServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fetcher against real misbehaving HTTP servers on loopback; nothing leaves 127.0.0.0/8. */
@Timeout(60)
class HttpFetcherIT {

  private static final HttpFetcher.Settings SETTINGS = new HttpFetcher.Settings(Duration.ofSeconds(2),
      Duration.ofSeconds(1), Duration.ofSeconds(2), 1024 * 1024, 3, "SCOMonitor/0.1 (+https://github.com/scomon)", 8);

  private static BadSite bad;
  private static LoopbackServer good;
  private static HttpFetcher fetcher;

  @BeforeAll
  static void start() {
    bad = new BadSite();
    good = new LoopbackServer();
    good.page("/news/a.html", "text/html; charset=utf-8", "<html><body><p>SCO</p></body></html>");
    good.on("/etag.html", ex -> {
      if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        return;
      }
      ex.getResponseHeaders().set("ETag", "\"v1\"");
      LoopbackServer.send(ex, 200, "text/html", "<p>v1</p>".getBytes(StandardCharsets.UTF_8));
    });
    for (int i = 0; i < 6; i++) {
      int next = i + 1;
      good.on("/chain/" + i, ex -> {
        ex.getResponseHeaders().set("Location", "/chain/" + next);
        ex.sendResponseHeaders(301, -1);
      });
    }
    good.page("/report.pdf", "application/pdf", "%PDF-1.7");
    fetcher = new HttpFetcher(SETTINGS, new AddressGuard());
  }

  @AfterAll
  static void stop() {
    fetcher.close();
    bad.close();
    good.close();
  }

  private static FetchException failure(String base, String path) {
    return catchThrowableOfType(FetchException.class, () -> fetcher.fetch(
        HttpFetcher.Request.of(URI.create(base + path), true, ContentSniffer.HTML)));
  }

  @Test
  void aNormalPageComesBackWithItsBodyAndOurUserAgent() throws Exception {
    FetchResponse r = fetcher.fetch(HttpFetcher.Request.of(URI.create(good.baseUrl() + "/news/a.html"), true,
        ContentSniffer.HTML));

    assertThat(r.status()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("<p>SCO</p>");
    assertThat(r.mediaType()).isEqualTo("text/html");
    assertThat(r.charset()).isEqualTo("utf-8");
    assertThat(good.hits("/news/a.html")).last().extracting(LoopbackServer.Hit::userAgent)
        .isEqualTo("SCOMonitor/0.1 (+https://github.com/scomon)");
  }

  @Test
  void aConditionalGetWithAMatchingEtagIsNotModified() throws Exception {
    URI url = URI.create(good.baseUrl() + "/etag.html");
    FetchResponse first = fetcher.fetch(HttpFetcher.Request.of(url, true, ContentSniffer.HTML));
    FetchResponse again = fetcher.fetch(HttpFetcher.Request.of(url, true, ContentSniffer.HTML)
        .conditional(first.etag(), first.lastModified()));

    assertThat(first.etag()).isEqualTo("\"v1\"");
    assertThat(again.notModified()).isTrue();
    assertThat(again.body()).isEmpty();
  }

  @Test
  void aGzipBombStopsAtTheDecompressedCap() {
    FetchException e = failure(bad.baseUrl(), "/bad/bomb.html");

    assertThat(e.reason()).isEqualTo(FailureReason.DECOMPRESSED_TOO_LARGE);
    assertThat(e).hasMessageContaining("inflates past 1048576 bytes");
  }

  @Test
  void aFiftyMegabytePageStopsAtTheBodyCap() {
    long started = System.nanoTime();
    FetchException e = failure(bad.baseUrl(), "/bad/huge.html");

    assertThat(e.reason()).isEqualTo(FailureReason.BODY_TOO_LARGE);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aServerThatStallsMidBodyHitsTheReadTimeout() {
    assertThat(failure(bad.baseUrl(), "/bad/stall.html").reason()).isEqualTo(FailureReason.READ_TIMEOUT);
  }

  @Test
  void aServerThatDripsBytesHitsTheTotalDeadline() {
    long started = System.nanoTime();
    FetchException e = failure(bad.baseUrl(), "/bad/drip.html");

    assertThat(e.reason()).isEqualTo(FailureReason.DEADLINE_EXCEEDED);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void aRedirectLoopIsDetected() {
    FetchException e = failure(bad.baseUrl(), "/bad/loop-a.html");

    assertThat(e.reason()).isEqualTo(FailureReason.REDIRECT_LOOP);
    assertThat(e).hasMessageContaining("redirects back to " + bad.baseUrl() + "/bad/loop-a.html");
  }

  @Test
  void redirectsBeyondTheLimitAreRefused() {
    FetchException e = failure(good.baseUrl(), "/chain/0");

    assertThat(e.reason()).isEqualTo(FailureReason.TOO_MANY_REDIRECTS);
    assertThat(good.hits("/chain/")).hasSizeLessThanOrEqualTo(4 * 2);
  }

  @Test
  void aBodyShorterThanItsContentLengthIsTruncated() {
    assertThat(failure(bad.baseUrl(), "/bad/truncated.html").reason()).isEqualTo(FailureReason.TRUNCATED_BODY);
  }

  @Test
  void httpErrorsCarryTheirStatusAndRetryAfter() {
    FetchException gone = failure(bad.baseUrl(), "/bad/gone.html");
    FetchException busy = failure(bad.baseUrl(), "/bad/busy.html");
    FetchException down = failure(bad.baseUrl(), "/bad/down.html");

    assertThat(gone.tag()).isEqualTo("http-410");
    assertThat(gone.retryable()).isFalse();
    assertThat(busy.tag()).isEqualTo("http-429");
    assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(down.tag()).isEqualTo("http-503");
    assertThat(down.retryable()).isTrue();
  }

  @Test
  void onlyAcceptedContentTypesAreRead() {
    assertThat(failure(good.baseUrl(), "/report.pdf").reason()).isEqualTo(FailureReason.UNSUPPORTED_CONTENT_TYPE);
  }

  @Test
  void loopbackPlayingAMetadataServiceIsRefusedBeforeAnyConnection() {
    try (LoopbackServer metadata = new LoopbackServer("127.0.0.9")) {
      metadata.page("/latest/meta-data/iam/security-credentials/", "text/plain", "secret");

      FetchException literal = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(HttpFetcher.Request.of(
          URI.create(metadata.baseUrl() + "/latest/meta-data/iam/security-credentials/"), false, ContentSniffer.HTML)));
      FetchException byName = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(HttpFetcher.Request.of(
          URI.create(good.baseUrl().replace("127.0.0.1", "localhost") + "/news/a.html"), false, ContentSniffer.HTML)));

      assertThat(literal.reason()).isEqualTo(FailureReason.BLOCKED_ADDRESS);
      assertThat(literal).hasMessageContaining("127.0.0.9").hasMessageContaining("loopback address");
      assertThat(byName.reason()).isEqualTo(FailureReason.BLOCKED_ADDRESS);
      assertThat(metadata.hits()).isEmpty();
    }
  }
}
