package io.scomon.ingest.schedule;

import io.scomon.ingest.crawl.Outcome;
import io.scomon.ingest.crawl.PageCrawler;
import io.scomon.ingest.feed.Discovered;
import io.scomon.ingest.feed.DiscoveryException;
import io.scomon.ingest.feed.FeedParser;
import io.scomon.ingest.feed.PageLinks;
import io.scomon.ingest.feed.SitemapReader;
import io.scomon.ingest.fetch.CharsetDetector;
import io.scomon.ingest.fetch.ContentSniffer;
import io.scomon.ingest.fetch.FailureReason;
import io.scomon.ingest.fetch.FetchException;
import io.scomon.ingest.fetch.FetchResponse;
import io.scomon.ingest.fetch.HostQueues;
import io.scomon.ingest.fetch.HttpFetcher;
import io.scomon.ingest.fetch.RobotsCache;
import io.scomon.ingest.fetch.Urls;
import io.scomon.ingest.monitor.CrawlMetrics;
import io.scomon.ingest.publish.KafkaWriter;
import io.scomon.ingest.source.Source;
import io.scomon.ingest.source.SourceKind;
import io.scomon.ingest.state.CrawlStateStore;
import io.scomon.schemas.CrawlState;
import io.scomon.schemas.FetchRequest;
import io.scomon.schemas.PageKind;
import io.scomon.schemas.topic.Topics;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Polls one source on its host's queue: conditional GET of the listing (skipped as unchanged when
 * its bytes hash the same), discovery of story or thread links (feed, sitemap, section page,
 * board), and one {@link FetchRequest} per link not crawled yet, keyed by host. A link is asked for
 * again when the listing dates it after the last fetch, when an earlier fetch failed and is due
 * again, or (boards) when the thread was last read longer ago than the source's minimum interval.
 * A watched thread (forum-thread source) is crawled directly by the {@link PageCrawler}.
 */
public final class SourcePoller {

  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration UNFETCHED_RETRY = Duration.ofHours(6);

  /** Everything the poller needs, wired once. */
  public record Parts(HttpFetcher fetcher, RobotsCache robots, HostQueues hosts, CrawlStateStore state,
      KafkaWriter writer, PageCrawler pages, CrawlMetrics metrics, SitemapReader sitemaps,
      Function<String, Duration> hostDelay, int maxLinksPerPoll, Clock clock) {}

  private final Parts p;

  public SourcePoller(Parts parts) {
    this.p = parts;
  }

  /** Polls the source; the future never fails (a failure is a {@link PollResult} with its reason). */
  public CompletableFuture<PollResult> poll(Source source) {
    if (source.kind() == SourceKind.FORUM_THREAD) {
      FetchRequest request = FetchRequest.newBuilder()
          .setUrl(source.url().toString()).setSourceId(source.id()).setSourceType(source.articleType())
          .setKind(PageKind.FORUM_THREAD).setDiscoveredAt(p.clock().instant()).setDiscoveredVia(null).build();
      return p.pages().crawl(request, source, null).thenApply(SourcePoller::threadResult);
    }
    String host = Urls.hostKey(source.url());
    return p.hosts().submit(host, () -> pollListing(source))
        .thenCompose(r -> r != null ? CompletableFuture.completedFuture(r)
            : p.hosts().submit(host, () -> pollListing(source)))
        .exceptionally(e -> {
          p.metrics().failed(source.id(), source.url().toString(), "internal-error", e.toString());
          return PollResult.failed(0, "internal-error");
        });
  }

  private static PollResult threadResult(Outcome o) {
    if (!o.ok()) {
      return PollResult.failed(0, o.failure());
    }
    String outcome = o.published() > 0 ? "new-items" : o.notModified() > 0 ? "not-modified" : "no-new-items";
    return new PollResult(o.notModified() > 0 ? 304 : 200, o.published(), null, null, null, null, outcome);
  }

  /** Polls a listing, or returns null when this turn was spent on the host's robots.txt. */
  private PollResult pollListing(Source source) {
    URI url = source.url();
    CrawlState known = p.state().get(url.toString()).orElse(null);
    try {
      if (!p.robots().isCached(url)) {
        p.robots().rules(url, source.allowPrivateAddresses());
        return null; // robots.txt fetched on this turn; the listing on the host's next turn
      }
      if (!p.robots().allowed(url, source.allowPrivateAddresses())) {
        p.metrics().failed(source.id(), url.toString(), FailureReason.ROBOTS_DISALLOWED.tag(),
            "robots.txt disallows the source itself");
        return PollResult.failed(0, FailureReason.ROBOTS_DISALLOWED.tag());
      }
      Set<String> accepted = source.kind() == SourceKind.FEED || source.kind() == SourceKind.SITEMAP
          ? ContentSniffer.XML : ContentSniffer.HTML;
      FetchResponse response = p.fetcher().fetch(HttpFetcher.Request.of(url, source.allowPrivateAddresses(), accepted)
          .conditional(known == null ? null : known.getEtag(), known == null ? null : known.getLastModified()));
      if (response.notModified()) {
        return new PollResult(304, 0, response.etag(), response.lastModified(), null, null, "not-modified");
      }
      String hash = sha256(response.body());
      if (known != null && hash.equals(known.getContentHash())) {
        return new PollResult(response.status(), 0, response.etag(), response.lastModified(), hash, null,
            "unchanged");
      }
      List<Discovered> found = discover(source, response);
      int emitted = emit(source, found);
      return new PollResult(response.status(), emitted, response.etag(), response.lastModified(), hash, null,
          emitted > 0 ? "new-items" : "no-new-items");
    } catch (FetchException e) {
      p.metrics().failed(source.id(), e.url(), e.tag(), e.getMessage());
      return PollResult.failed(e.status(), e.tag());
    } catch (DiscoveryException e) {
      p.metrics().failed(source.id(), e.url(), e.reason().tag(), e.getMessage());
      return PollResult.failed(200, e.reason().tag());
    }
  }

  private List<Discovered> discover(Source source, FetchResponse response) throws DiscoveryException, FetchException {
    String base = response.finalUrl().toString();
    switch (source.kind()) {
      case FEED:
        return FeedParser.parse(response.body(), base);
      case SITEMAP: {
        SitemapReader.Result result = p.sitemaps().read(base, response.body(), child -> {
          pauseFor(child);
          return p.fetcher().fetch(HttpFetcher.Request.of(child, source.allowPrivateAddresses(), ContentSniffer.XML))
              .body();
        });
        result.problems().forEach(pr -> p.metrics().failed(source.id(), pr.url(), pr.reason().tag(), pr.message()));
        return result.entries();
      }
      case SECTION:
        return PageLinks.matching(html(response), source.links());
      case FORUM_BOARD:
        return PageLinks.threads(html(response), source.links());
      default:
        throw new IllegalStateException("not a listing: " + source.kind());
    }
  }

  private Document html(FetchResponse response) throws FetchException {
    if (ContentSniffer.looksBinary(response.body())) {
      throw new FetchException(FailureReason.BINARY_CONTENT, response.url(), response.status(), null,
          "listing served as " + response.mediaType() + " is binary", null);
    }
    return Jsoup.parse(CharsetDetector.decode(response.body(), response.charset()).text(),
        response.finalUrl().toString());
  }

  /** Keeps the host's delay between the sitemaps of one poll (they are read inside one task). */
  private void pauseFor(URI url) {
    Duration d = p.hostDelay().apply(Urls.hostKey(url));
    if (d != null && !d.isZero()) {
      try {
        Thread.sleep(d.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private int emit(Source source, List<Discovered> found) {
    Instant now = p.clock().instant();
    List<Discovered> wanted = new ArrayList<>();
    for (Discovered d : found) {
      if (wanted(source, d, now)) {
        wanted.add(d);
      }
    }
    wanted.sort(Comparator.comparing(Discovered::publishedAt, Comparator.nullsLast(Comparator.reverseOrder())));
    if (wanted.size() > p.maxLinksPerPoll()) {
      wanted = new ArrayList<>(wanted.subList(0, p.maxLinksPerPoll()));
    }
    PageKind kind = source.kind() == SourceKind.FORUM_BOARD ? PageKind.FORUM_THREAD : PageKind.ARTICLE;
    List<CompletableFuture<?>> writes = new ArrayList<>();
    for (Discovered d : wanted) {
      writes.add(p.state().update(d.url(), source.id(), b -> b.setNextDueAt(now.plus(UNFETCHED_RETRY))));
    }
    await(writes);
    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (Discovered d : wanted) {
      FetchRequest request = FetchRequest.newBuilder()
          .setUrl(d.url()).setSourceId(source.id()).setSourceType(source.articleType()).setKind(kind)
          .setDiscoveredAt(now).setDiscoveredVia(source.url().toString()).setHintTitle(d.title())
          .setHintPublishedAt(d.publishedAt()).setAttempt(0).build();
      sends.add(p.writer().send(Topics.FETCH_REQUESTS, Urls.hostKey(d.url()), request));
    }
    await(sends);
    if (!wanted.isEmpty()) {
      p.metrics().requested(source.id(), wanted.size());
    }
    return wanted.size();
  }

  private boolean wanted(Source source, Discovered d, Instant now) {
    CrawlState s = p.state().get(d.url()).orElse(null);
    if (s == null) {
      return true;
    }
    if (s.getNextDueAt() != null && !s.getNextDueAt().isAfter(now)) {
      return true; // an earlier fetch failed (or was never done) and is due again
    }
    if (s.getLastFetchedAt() == null) {
      return false; // requested already, not fetched yet
    }
    if (d.publishedAt() != null && d.publishedAt().isAfter(s.getLastFetchedAt())) {
      return true; // the listing says it changed since
    }
    return source.kind() == SourceKind.FORUM_BOARD
        && s.getLastFetchedAt().plus(source.schedule().min()).isBefore(now);
  }

  private static void await(List<CompletableFuture<?>> futures) {
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not acknowledge: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Kafka", e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
