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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.zip.GZIPInputStream;

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
  private final long maxBytes;

  /**
   * @param maxSitemaps sitemaps read per call (index and children)
   * @param maxBytes largest sitemap accepted after gunzipping a {@code .xml.gz} (a gzip bomb stops here)
   */
  public SitemapReader(int maxSitemaps, long maxBytes) {
    this.maxSitemaps = maxSitemaps;
    this.maxBytes = maxBytes;
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
        byte[] plain = gunzipped(bytes, current);
        map = parser.parseSiteMap(looksLikeXml(plain) ? "text/xml" : "text/plain", plain, new URL(current));
      } catch (DiscoveryException e) {
        if (read == 1) {
          throw e;
        }
        problems.add(new Problem(e.reason(), current, e.getMessage()));
        map = null;
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

  /** A gzipped sitemap ({@code .xml.gz}, not a Content-Encoding) inflated here, with a cap. */
  private byte[] gunzipped(byte[] bytes, String url) throws DiscoveryException {
    if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
      return bytes;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
      byte[] buf = new byte[16 * 1024];
      int n;
      while ((n = in.read(buf)) != -1) {
        if (out.size() + n > maxBytes) {
          throw new DiscoveryException(FailureReason.DECOMPRESSED_TOO_LARGE, url,
              "gzipped sitemap inflates past " + maxBytes + " bytes", null);
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new DiscoveryException(FailureReason.SITEMAP_INVALID, url, "corrupt gzipped sitemap: " + e.getMessage(), e);
    }
  }

  private static boolean looksLikeXml(byte[] bytes) {
    for (int i = 0; i < Math.min(bytes.length, 512); i++) {
      int b = bytes[i] & 0xff;
      if (b == '<') {
        return true;
      }
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0xEF && b != 0xBB && b != 0xBF) {
        return false;
      }
    }
    return false;
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
