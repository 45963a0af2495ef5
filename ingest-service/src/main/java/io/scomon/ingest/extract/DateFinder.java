package io.scomon.ingest.extract;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the publish date, most trusted source first: a caller's selector, JSON-LD
 * {@code datePublished}, publish-time meta tags, {@code <time>} and {@code itemprop} markup, a
 * date printed under the headline, a date in the URL, a date-like byline element; failing those,
 * the last-modified date and last the date the feed or sitemap announced.
 */
final class DateFinder {

  private static final Pattern URL_DATE = Pattern.compile(
      "/((?:19|20)\\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\\d|3[01])(?:/|[^0-9])");

  private DateFinder() {}

  /** The publish date the page states, or null (see {@link #fallback} for the others). */
  static OffsetDateTime published(Document doc, JsonLd jsonLd, MetaTags tags, String canonical,
      ExtractionHints hints) {
    if (hints.dateSelector() != null) {
      for (Element e : doc.select(hints.dateSelector())) {
        OffsetDateTime d = fromElement(e);
        if (d != null) {
          return d;
        }
      }
    }
    for (String field : new String[] {"datePublished", "dateCreated", "uploadDate"}) {
      OffsetDateTime d = DateParser.parse(jsonLd.articleText(field));
      if (d != null) {
        return d;
      }
    }
    OffsetDateTime d = firstMetaDate(tags, "article:published_time",
        "og:article:published_time", "article.published", "datePublished", "pubdate",
        "publishdate", "publish-date", "publish_date", "published_time", "published-date",
        "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date",
        "dcterms.date", "dcterms.created", "date", "citation_publication_date",
        "citation_date", "article:published", "og:published_time", "release_date",
        "originalPublicationDate", "displaydate", "cXenseParse:recs:publishtime");
    if (d != null) {
      return d;
    }
    for (Element e : doc.select("[itemprop=datePublished], time[pubdate], [itemprop=dateCreated]")) {
      d = fromElement(e);
      if (d != null) {
        return d;
      }
    }
    for (Element e : doc.select("time[datetime]")) {
      if (!insideChrome(e)) {
        d = fromElement(e);
        if (d != null) {
          return d;
        }
      }
    }
    d = nearHeadline(doc);
    if (d != null) {
      return d;
    }
    d = fromUrl(canonical);
    if (d == null) {
      d = fromUrl(doc.location());
    }
    if (d != null) {
      return d;
    }
    for (Element e : doc.select("[class*=publish], [class*=date], [class*=time], time, "
        + "[id*=date], [class*=posted], [class*=byline], [class*=meta]")) {
      if (e.childrenSize() <= 4 && !insideChrome(e)) {
        String t = e.text();
        if (t.length() <= 120) {
          d = DateParser.parse(t);
          if (d != null) {
            return d;
          }
        }
      }
    }
    return null;
  }

  /**
   * The date to use when the page states no publish date: its last-modified date, else the
   * date the feed or sitemap announced.
   */
  static OffsetDateTime fallback(JsonLd jsonLd, MetaTags tags, ExtractionHints hints) {
    OffsetDateTime d = firstMetaDate(tags, "article:modified_time", "og:updated_time",
        "dateModified");
    if (d != null) {
      return d;
    }
    d = DateParser.parse(jsonLd.articleText("dateModified"));
    if (d != null) {
      return d;
    }
    return hints.feedPublishedAt() == null ? null
        : hints.feedPublishedAt().atOffset(ZoneOffset.UTC);
  }

  /**
   * A date printed in a short line right after the headline (the byline area): the h1's next
   * siblings, then its parent's next siblings, looking into small elements only.
   */
  static OffsetDateTime nearHeadline(Document doc) {
    Element h1 = doc.selectFirst("h1");
    if (h1 == null) {
      return null;
    }
    int budget = 40;
    Element anchor = h1;
    for (int level = 0; level < 3 && anchor != null && anchor.parent() != null; level++) {
      for (Element sib = anchor.nextElementSibling(); sib != null && budget > 0;
          sib = sib.nextElementSibling()) {
        for (Element e : sib.getAllElements()) {
          if (--budget <= 0) {
            break;
          }
          if (e.childrenSize() <= 3) {
            String t = e.text();
            if (!t.isEmpty() && t.length() <= 80) {
              OffsetDateTime d = DateParser.parse(t);
              if (d != null) {
                return d;
              }
            }
          }
        }
      }
      anchor = anchor.parent();
    }
    return null;
  }

  /** The first of the meta tags, in the order given, whose content reads as a date. */
  private static OffsetDateTime firstMetaDate(MetaTags tags, String... keys) {
    for (String key : keys) {
      OffsetDateTime d = DateParser.parse(tags.get(key));
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /** Date from a {@code datetime}/{@code content}/{@code title} attribute or the text. */
  static OffsetDateTime fromElement(Element e) {
    for (String attr : new String[] {"datetime", "content", "data-time", "data-timestamp",
        "title", "data-date"}) {
      if (e.hasAttr(attr)) {
        OffsetDateTime d = DateParser.parse(e.attr(attr));
        if (d != null) {
          return d;
        }
      }
    }
    return DateParser.parse(e.text());
  }

  static OffsetDateTime fromUrl(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = URL_DATE.matcher(url + "/");
    if (m.find()) {
      return DateParser.parse(m.group(1) + "-" + m.group(2) + "-" + m.group(3));
    }
    return null;
  }

  /** Whether the element sits in page chrome (related lists, comments, sidebars, footers). */
  private static boolean insideChrome(Element e) {
    int depth = 0;
    for (Element p = e.parent(); p != null && depth < 12; p = p.parent(), depth++) {
      String tag = p.normalName();
      if (tag.equals("aside") || tag.equals("footer") || tag.equals("nav")) {
        return true;
      }
      String ci = Boilerplate.classAndId(p);
      if (!ci.isEmpty() && (ci.contains("related") || ci.contains("comment")
          || ci.contains("sidebar") || ci.contains("recommend") || ci.contains("footer"))) {
        return true;
      }
    }
    return false;
  }
}
