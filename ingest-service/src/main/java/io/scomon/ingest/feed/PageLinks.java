package io.scomon.ingest.feed;

import io.scomon.ingest.fetch.Urls;
import io.scomon.ingest.source.LinkPattern;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Links on HTML listings: story links of a section page (those matching the source's pattern),
 * thread links of a forum board (the pattern, or the usual thread URL shapes of vBulletin, phpBB,
 * XenForo and Discourse), and the "next page" link of a thread. Pure: a parsed page in (with its
 * location as base URI), normalised absolute URLs out.
 */
public final class PageLinks {

  /** Thread URLs of common board engines, first page only (no page, post or "goto" variants). */
  static final Pattern THREAD = Pattern.compile(
      ".*(/showthread\\.php\\?t=\\d+|/showthread\\.php/\\d+[^?#]*|/threads/[^/?#]+\\.\\d+/?"
          + "|/viewtopic\\.php\\?(f=\\d+&)?t=\\d+|/t/[^/?#]+/\\d+/?)$");

  private static final String NEXT = "link[rel=next][href], a[rel=next][href], a[title^=Next Page][href],"
      + " a.pageNav-jump--next[href], .pagination a.next[href], li.next a[href], a.next[href]";

  private PageLinks() {}

  /** Links matching the pattern, in page order, without duplicates. */
  public static List<Discovered> matching(Document doc, LinkPattern pattern) {
    return collect(doc, url -> pattern.matches(url));
  }

  /** Thread links of a forum board. */
  public static List<Discovered> threads(Document doc, LinkPattern pattern) {
    return pattern != null ? matching(doc, pattern) : collect(doc, url -> THREAD.matcher(url).matches());
  }

  /** The next page of a paginated thread on the same host, when the page links one. */
  public static Optional<String> nextPage(Document doc) {
    String here = Urls.normalize(doc.location()).orElse(doc.location());
    for (Element e : doc.select(NEXT)) {
      String abs = e.absUrl("href");
      Optional<String> next = Urls.normalize(abs);
      if (next.isPresent() && !next.get().equals(here)
          && Urls.sameSite(URI.create(next.get()), URI.create(here))) {
        return next;
      }
    }
    return Optional.empty();
  }

  private static List<Discovered> collect(Document doc, java.util.function.Predicate<String> wanted) {
    Map<String, Discovered> out = new LinkedHashMap<>();
    for (Element a : doc.select("a[href]")) {
      String abs = a.absUrl("href");
      if (abs.isEmpty()) {
        continue;
      }
      Optional<String> url = Urls.normalize(abs);
      if (url.isEmpty() || !wanted.test(url.get())) {
        continue;
      }
      String text = a.text().strip();
      out.merge(url.get(), new Discovered(url.get(), text.isEmpty() ? null : text, null),
          (old, fresh) -> old.title() == null ? fresh : old);
    }
    return new ArrayList<>(out.values());
  }
}
