package io.scomon.ingest.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.scomon.ingest.fetch.FailureReason;
import io.scomon.ingest.fetch.Urls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom feeds with ROME: each entry's link (relative links resolved
 * against the feed URL), title and date (published, else updated). Doctypes are refused (no XML
 * external entities). Pure: bytes in, links out.
 */
public final class FeedParser {

  private FeedParser() {}

  public static List<Discovered> parse(byte[] body, String feedUrl) throws DiscoveryException {
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      feed = input.build(new XmlReader(new ByteArrayInputStream(body)));
    } catch (FeedException | IOException | IllegalArgumentException e) {
      throw new DiscoveryException(FailureReason.FEED_NOT_XML, feedUrl,
          "not an RSS or Atom feed: " + firstLine(e.getMessage()), e);
    }
    URI base = URI.create(feedUrl);
    Map<String, Discovered> out = new LinkedHashMap<>();
    for (SyndEntry entry : feed.getEntries()) {
      String link = link(entry);
      if (link == null) {
        continue;
      }
      String absolute;
      try {
        absolute = base.resolve(link.strip().replace(" ", "%20")).toString();
      } catch (IllegalArgumentException e) {
        continue;
      }
      Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
      String title = entry.getTitle() == null || entry.getTitle().isBlank() ? null : entry.getTitle().strip();
      Urls.normalize(absolute).ifPresent(u -> out.putIfAbsent(u,
          new Discovered(u, title, date == null ? null : date.toInstant())));
    }
    return new ArrayList<>(out.values());
  }

  private static String link(SyndEntry entry) {
    if (entry.getLink() != null && !entry.getLink().isBlank()) {
      return entry.getLink();
    }
    for (SyndLink l : entry.getLinks()) {
      if (l.getHref() != null && (l.getRel() == null || l.getRel().equals("alternate"))) {
        return l.getHref();
      }
    }
    String uri = entry.getUri();
    return uri != null && uri.startsWith("http") ? uri : null;
  }

  static String firstLine(String message) {
    if (message == null) {
      return "(no detail)";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
