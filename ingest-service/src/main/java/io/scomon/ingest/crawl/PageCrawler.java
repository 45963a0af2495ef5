package io.scomon.ingest.crawl;

import io.scomon.ingest.extract.ExtractedArticle;
import io.scomon.ingest.extract.ExtractedPage;
import io.scomon.ingest.extract.ExtractionHints;
import io.scomon.ingest.extract.PageExtractor;
import io.scomon.ingest.feed.PageLinks;
import io.scomon.ingest.fetch.CharsetDetector;
import io.scomon.ingest.fetch.ContentSniffer;
import io.scomon.ingest.fetch.FailureReason;
import io.scomon.ingest.fetch.FetchException;
import io.scomon.ingest.fetch.FetchResponse;
import io.scomon.ingest.fetch.HostQueues;
import io.scomon.ingest.fetch.HttpFetcher;
import io.scomon.ingest.fetch.RetryPolicy;
import io.scomon.ingest.fetch.RobotsCache;
import io.scomon.ingest.fetch.Urls;
import io.scomon.ingest.monitor.CrawlMetrics;
import io.scomon.ingest.publish.ArticleMapper;
import io.scomon.ingest.publish.DeadLetters;
import io.scomon.ingest.publish.KafkaWriter;
import io.scomon.ingest.publish.Origin;
import io.scomon.ingest.source.Source;
import io.scomon.ingest.state.CrawlStateStore;
import io.scomon.schemas.Article;
import io.scomon.schemas.CrawlState;
import io.scomon.schemas.FetchRequest;
import io.scomon.schemas.PageKind;
import io.scomon.schemas.topic.Topics;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetch, extract, publish for one fetch request: robots.txt, conditional GET with the URL's
 * validators, binary and charset checks, {@link PageExtractor}, one {@link Article} per story or
 * forum post (only those whose content hash changed), crawl state, and for a forum thread the
 * following pages, each as its own task on the host's queue. A retryable failure pauses the host
 * and queues the page again; a final failure is counted, logged and sent to the dead-letter topic
 * with the request's original bytes. The returned future never fails.
 */
public final class PageCrawler {

  private static final Logger LOG = LoggerFactory.getLogger(PageCrawler.class);
  private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(60);
  private static final int MAX_PAGE_FAILURES = 5;

  /**
   * Everything the crawler needs, wired once.
   *
   * @param processing runs decoding, extraction and publishing, so that a host's queue is held only
   *     for robots.txt and the fetch itself
   */
  public record Parts(HttpFetcher fetcher, RobotsCache robots, HostQueues hosts, Executor processing,
      CrawlStateStore state, KafkaWriter writer, DeadLetters deadLetters, CrawlMetrics metrics, RetryPolicy retry,
      int maxThreadPages, Clock clock) {}

  private final Parts p;

  public PageCrawler(Parts parts) {
    this.p = parts;
  }

  /** One page of one request, as queued on its host. */
  private record Job(FetchRequest request, Source source, Origin origin, String url, String threadUrl, int page,
      int attempt, Set<String> visited) {

    Job retry() {
      return new Job(request, source, origin, url, threadUrl, page, attempt + 1, visited);
    }

    Job nextPage(String next) {
      return new Job(request, source, origin, next, threadUrl, page + 1, 1, visited);
    }
  }

  /** What one task decided: done, or queue another task (retry or next page) after a pause. */
  private record Step(Outcome outcome, Job then, Duration pause) {}

  /** What the host's turn produced: a decided step, or a fetched page for the processing pool. */
  private record Turn(Step step, CrawlState known, FetchResponse response, Instant fetchedAt) {

    static Turn decided(Step step) {
      return new Turn(step, null, null, null);
    }
  }

  /** Crawls the request's page (and a thread's following pages). Completes when all is done. */
  public CompletableFuture<Outcome> crawl(FetchRequest request, Source source, Origin origin) {
    CompletableFuture<Outcome> done = new CompletableFuture<>();
    String url = Urls.normalize(request.getUrl()).orElse(request.getUrl());
    String threadUrl = request.getKind() == PageKind.FORUM_THREAD ? url : null;
    Set<String> visited = new HashSet<>();
    visited.add(url);
    run(new Job(request, source, origin, url, threadUrl, 1, 1, visited), new Outcome(0, 0, 0, 0, null), done);
    return done;
  }

  private void run(Job job, Outcome sofar, CompletableFuture<Outcome> done) {
    String host;
    try {
      host = Urls.hostKey(URI.create(job.url()));
    } catch (IllegalArgumentException e) {
      done.complete(sofar.plus(fail(job, FailureReason.BAD_REQUEST_RECORD.tag(), "not a URL: " + job.url(), e, 0,
          false)));
      return;
    }
    p.hosts().submit(host, () -> fetchTurn(job))
        .thenApplyAsync(turn -> turn.step() != null ? turn.step() : process(job, turn), p.processing())
        .whenComplete((step, error) -> {
      if (error != null) {
        LOG.error("crawl of {} stopped unexpectedly", job.url(), error);
        done.complete(sofar.plus(Outcome.failed("internal-error")));
        return;
      }
      Outcome total = sofar.plus(step.outcome());
      if (step.then() == null) {
        done.complete(total);
        return;
      }
      if (step.pause() != null) {
        p.hosts().pause(host, step.pause());
      }
      run(step.then(), total, done);
    });
  }

  /** The host's turn: robots.txt, then the conditional GET. Nothing CPU-heavy happens here. */
  private Turn fetchTurn(Job job) {
    URI uri = URI.create(job.url());
    Source source = job.source();
    try {
      if (!p.robots().isCached(uri)) {
        // robots.txt is a request of its own: fetch it now, the page on the host's next turn
        p.robots().rules(uri, source.allowPrivateAddresses());
        return Turn.decided(new Step(new Outcome(0, 0, 0, 0, null), job, null));
      }
      if (!p.robots().allowed(uri, source.allowPrivateAddresses())) {
        p.metrics().failed(source.id(), job.url(), FailureReason.ROBOTS_DISALLOWED.tag(),
            "robots.txt disallows it for this crawler: not fetched");
        p.metrics().page(source.id(), "robots-disallowed");
        written(p.state().update(job.url(), source.id(), b -> b.setLastError(FailureReason.ROBOTS_DISALLOWED.tag())
            .setNextDueAt(null)));
        return Turn.decided(new Step(new Outcome(0, 0, 0, 0, FailureReason.ROBOTS_DISALLOWED.tag()), null, null));
      }
      CrawlState known = p.state().get(job.url()).orElse(null);
      boolean conditional = known != null && known.getLastStatus() >= 200 && known.getLastStatus() < 400;
      HttpFetcher.Request request = HttpFetcher.Request.of(uri, source.allowPrivateAddresses(), ContentSniffer.HTML)
          .conditional(conditional ? known.getEtag() : null, conditional ? known.getLastModified() : null)
          .redirectsChecked(target -> robotsAllow(target, source));
      FetchResponse response = p.fetcher().fetch(request);
      Instant now = p.clock().instant();
      if (response.notModified()) {
        p.metrics().page(source.id(), "not-modified");
        written(p.state().update(job.url(), source.id(), b -> b.setLastFetchedAt(now).setLastStatus(304)
            .setConsecutiveFailures(0).setLastError(null).setNextDueAt(null)
            .setEtag(response.etag() != null ? response.etag() : b.getEtag())
            .setLastModified(response.lastModified() != null ? response.lastModified() : b.getLastModified())));
        return Turn.decided(new Step(new Outcome(1, 0, 0, 1, null), null, null));
      }
      return new Turn(null, known, response, now);
    } catch (FetchException e) {
      return Turn.decided(failed(job, e));
    }
  }

  /** Off the host's queue: decode, extract, publish. */
  private Step process(Job job, Turn turn) {
    try {
      return extractAndPublish(job, turn.known(), turn.response(), turn.fetchedAt());
    } catch (FetchException e) {
      return failed(job, e);
    } catch (PageException e) {
      return new Step(fail(job, e.reason.tag(), e.getMessage(), e.getCause(), 200, false), null, null);
    } catch (RuntimeException e) {
      return new Step(fail(job, FailureReason.EXTRACTION_ERROR.tag(), "processing failed: " + e, e, 200, false),
          null, null);
    }
  }

  /** A fetch failure: retried later on the host's queue when the policy says so, else final. */
  private Step failed(Job job, FetchException e) {
    Optional<Duration> retry = p.retry().next(e, job.attempt());
    if (retry.isPresent()) {
      p.metrics().failed(job.source().id(), job.url(), e.tag(), e.getMessage() + " (attempt " + job.attempt()
          + " of " + p.retry().maxAttempts() + ", next in " + retry.get().toMillis() + " ms)");
      return new Step(new Outcome(0, 0, 0, 0, null), job.retry(), retry.get());
    }
    return new Step(fail(job, e.tag(), e.getMessage(), e, e.status(), e.retryable()), null, null);
  }

  private Step extractAndPublish(Job job, CrawlState known, FetchResponse response, Instant now)
      throws FetchException, PageException {
    Source source = job.source();
    URI uri = URI.create(job.url());
    byte[] body = response.body();
    if (ContentSniffer.looksBinary(body)) {
      throw new FetchException(FailureReason.BINARY_CONTENT, uri, 200, null,
          "body served as " + response.mediaType() + " is binary (" + body.length + " bytes)", null);
    }
    CharsetDetector.Decoded decoded = CharsetDetector.decode(body, response.charset());
    if (decoded.declaredWrong()) {
      p.metrics().recovered(source.id(), job.url(), FailureReason.DECLARED_CHARSET_WRONG.tag(),
          "declared " + decoded.declared() + " does not fit the bytes; decoded as " + decoded.charset()
              + " (" + decoded.method() + ")");
    }
    Document doc = Jsoup.parse(decoded.text(), response.finalUrl().toString());
    FetchRequest r = job.request();
    ExtractionHints site = source.hints();
    ExtractionHints hints = new ExtractionHints(site.bodySelector(), site.titleSelector(), site.authorSelector(),
        site.dateSelector(), site.removeSelectors(), r.getHintPublishedAt(), r.getHintTitle());
    ExtractedPage page;
    try {
      page = PageExtractor.extract(doc, hints);
    } catch (RuntimeException e) {
      throw new PageException(FailureReason.EXTRACTION_ERROR, "extractor failed on " + job.url() + ": " + e, e);
    }
    ArticleMapper.PageContext ctx = new ArticleMapper.PageContext(job.url(), response.finalUrl().toString(), source,
        now, job.threadUrl(), job.page() == 1 ? r.getHintTitle() : null, r.getHintPublishedAt());
    List<Article> articles = new ArrayList<>();
    for (ExtractedArticle a : page.articles()) {
      if (a.body() != null && !a.body().isBlank()) {
        articles.add(ArticleMapper.toArticle(a, ctx));
      }
    }
    if (articles.isEmpty()) {
      throw new PageException(FailureReason.NO_CONTENT, "no article text found on " + job.url()
          + " (" + decoded.text().length() + " characters of page)", null);
    }
    String pageHash = articles.size() == 1 ? articles.get(0).getContentHash()
        : ArticleMapper.sha256(String.join(",", articles.stream().map(Article::getContentHash).toList()));
    int published = 0;
    int unchanged = 0;
    if (known != null && pageHash.equals(known.getContentHash())) {
      unchanged = articles.size();
      p.metrics().page(source.id(), "unchanged");
    } else {
      List<Article> changed = new ArrayList<>();
      for (Article a : articles) {
        boolean same = p.state().get(a.getCanonicalUrl()).map(s -> a.getContentHash().equals(s.getContentHash()))
            .orElse(false);
        if (same) {
          unchanged++;
        } else {
          changed.add(a);
        }
      }
      publish(job, changed, now);
      published = changed.size();
      p.metrics().page(source.id(), "fetched");
      p.metrics().published(source.id(), published);
    }
    written(p.state().update(job.url(), source.id(), b -> b.setLastFetchedAt(now)
        .setLastStatus(response.status()).setEtag(response.etag()).setLastModified(response.lastModified())
        .setContentHash(pageHash).setConsecutiveFailures(0).setLastError(null).setNextDueAt(null)));
    LOG.debug("{}: {} articles published, {} unchanged", job.url(), published, unchanged);
    Outcome outcome = new Outcome(1, published, unchanged, 0, null);
    return new Step(outcome, nextPage(job, doc), null);
  }

  private Job nextPage(Job job, Document doc) {
    if (job.threadUrl() == null) {
      return null;
    }
    int max = job.source().maxThreadPages() > 0 ? job.source().maxThreadPages() : p.maxThreadPages();
    if (job.page() >= max) {
      return null;
    }
    Optional<String> next = PageLinks.nextPage(doc).filter(job.visited()::add);
    return next.map(job::nextPage).orElse(null);
  }

  private void publish(Job job, List<Article> articles, Instant now) throws PageException {
    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (Article a : articles) {
      sends.add(p.writer().send(Topics.ARTICLES, a.getId(), a));
    }
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(PUBLISH_TIMEOUT.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new PageException(FailureReason.PUBLISH_FAILED, "cannot publish articles of " + job.url() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PageException(FailureReason.PUBLISH_FAILED, "interrupted while publishing " + job.url(), e);
    }
    for (Article a : articles) {
      if (!a.getCanonicalUrl().equals(job.url())) {
        written(p.state().update(a.getCanonicalUrl(), job.source().id(), b -> b.setLastFetchedAt(now)
            .setLastStatus(200).setContentHash(a.getContentHash())));
      }
    }
  }

  /** A final failure: counted, logged, crawl state updated, and the request sent to the dead-letter topic. */
  private Outcome fail(Job job, String reason, String message, Throwable error, int status, boolean retryable) {
    Source source = job.source();
    p.metrics().failed(source.id(), job.url(), reason, message);
    p.metrics().page(source.id(), "failed");
    Instant now = p.clock().instant();
    try {
      p.state().update(job.url(), source.id(), b -> {
        int failures = b.getConsecutiveFailures() + 1;
        Instant again = retryable && failures < MAX_PAGE_FAILURES
            ? now.plus(Duration.ofHours(1).multipliedBy(1L << Math.min(failures, 6))) : null;
        return b.setLastFetchedAt(now).setLastStatus(status).setConsecutiveFailures(failures).setLastError(reason)
            .setNextDueAt(again);
      });
      p.deadLetters().send(job.page() > 1 ? "fetch-thread-page" : "fetch", reason, message, error, job.origin(),
          Map.of("url", job.url(), "sourceId", source.id(), "status", Integer.toString(status),
              "attempts", Integer.toString(job.attempt())));
    } catch (RuntimeException e) {
      LOG.error("cannot record the failure of {} ({}): {}", job.url(), reason, e.toString());
    }
    return Outcome.failed(reason);
  }

  private boolean robotsAllow(URI target, Source source) {
    try {
      return p.robots().allowed(target, source.allowPrivateAddresses());
    } catch (FetchException e) {
      return true; // the redirect's own fetch will fail with the real reason
    }
  }

  /**
   * A crawl-state write is not waited for: the articles it describes are acknowledged already, and a
   * lost write only means the page is fetched (and found unchanged) once more.
   */
  private static void written(CompletableFuture<?> write) {
    write.whenComplete((ok, error) -> {
      if (error != null) {
        LOG.warn("crawl state write failed: {}", error.toString());
      }
    });
  }

  /** A fetched page that cannot become articles. */
  private static final class PageException extends Exception {
    private static final long serialVersionUID = 1L;
    private final FailureReason reason;

    PageException(FailureReason reason, String message, Throwable cause) {
      super(message, cause);
      this.reason = reason;
    }
  }
}
