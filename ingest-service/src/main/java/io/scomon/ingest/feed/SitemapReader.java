package io.scomon.ingest.feed;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.scomon.ingest.fetch.FailureReason;
import io.scomon.ingest.fetch.FetchException;
import io.scomon.ingest.fetch.Urls;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a sitemap, a news sitemap (Google News extension: title and publication date) or a
 * sitemap index, following an index's children through the given fetch function. Every sitemap is
 * read at most once per call and at most {@code maxSitemaps} are read, so an index that lists
 * itself (or two that list each other) ends, with the loop reported.
 */
public final class SitemapReader {

  /** Fetches a child sitemap's bytes (politeness is the caller's). */
  @FunctionalInterface
  public interface ChildFetch {
    byte[] fetch(URI url) throws FetchException;
  }

  /** A problem met while walking an index; the walk went on without that sitemap. */
  public record Problem(FailureReason reason, String url, String message) {}

  /** What was found, and what went wrong on the way. */
  public record Result(List<Discovered> entries, List<Problem> problems, int sitemapsRead) {}

  private final int maxSitemaps;

  public SitemapReader(int maxSitemaps) {
    this.maxSitemaps = maxSitemaps;
  }

  /** Reads the sitemap at {@code url} whose bytes are {@code body}; a root that is no sitemap fails. */
  public Result read(String url, byte[] body, ChildFetch fetch) throws DiscoveryException {
    SiteMapParser parser = new SiteMapParser(false);
    parser.enableExtension(Extension.NEWS);
    parser.setAllowDocTypeDefinitions(false);
    Map<String, Discovered> entries = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    seen.add(key(url));
    Deque<String> pending = new ArrayDeque<>();
    int read = 0;
    String current = url;
    byte[] bytes = body;
    while (true) {
      read++;
      AbstractSiteMap map;
      try {
        map = parser.parseSiteMap(bytes, new URL(current));
      } catch (UnknownFormatException | IOException | RuntimeException e) {
        if (read == 1) {
          throw new DiscoveryException(FailureReason.SITEMAP_INVALID, url,
              "not a sitemap: " + FeedParser.firstLine(e.getMessage()), e);
        }
        problems.add(new Problem(FailureReason.SITEMAP_INVALID, current, "not a sitemap: " + e.getMessage()));
        map = null;
      }
      if (map instanceof SiteMapIndex index) {
        for (AbstractSiteMap child : index.getSitemaps()) {
          String childUrl = child.getUrl().toString();
          if (!seen.add(key(childUrl))) {
            problems.add(new Problem(FailureReason.SITEMAP_LOOP, current,
                "sitemap index " + current + " lists " + childUrl + ", which this poll already read: not read again"));
          } else {
            pending.add(childUrl);
          }
        }
      } else if (map instanceof SiteMap sitemap) {
        // isValid() is false for URLs outside the sitemap's folder; news sitemaps often list those
        for (SiteMapURL u : sitemap.getSiteMapUrls()) {
          Discovered d = entry(u);
          if (d != null) {
            entries.putIfAbsent(d.url(), d);
          }
        }
      }
      bytes = null;
      while (bytes == null && !pending.isEmpty()) {
        if (read >= maxSitemaps) {
          problems.add(new Problem(FailureReason.SITEMAP_LIMIT, url,
              "read " + read + " sitemaps, the limit; " + pending.size() + " left for later"));
          pending.clear();
          break;
        }
        current = pending.poll();
        try {
          bytes = fetch.fetch(URI.create(current));
        } catch (FetchException e) {
          problems.add(new Problem(e.reason(), current, e.getMessage()));
        }
      }
      if (bytes == null) {
        break;
      }
    }
    return new Result(new ArrayList<>(entries.values()), problems, read);
  }

  private static Discovered entry(SiteMapURL u) {
    String url = Urls.normalize(u.getUrl().toString()).orElse(null);
    if (url == null) {
      return null;
    }
    String title = null;
    Instant published = null;
    ExtensionMetadata[] news = u.getAttributesForExtension(Extension.NEWS);
    if (news != null) {
      for (ExtensionMetadata m : news) {
        if (m instanceof NewsAttributes n) {
          title = n.getTitle() == null || n.getTitle().isBlank() ? null : n.getTitle().strip();
          published = n.getPublicationDateTime() == null ? null : n.getPublicationDateTime().toInstant();
          break;
        }
      }
    }
    if (published == null && u.getLastModified() != null) {
      published = u.getLastModified().toInstant();
    }
    return new Discovered(url, title, published);
  }

  private static String key(String url) {
    return Urls.normalize(url).orElse(url);
  }
}
