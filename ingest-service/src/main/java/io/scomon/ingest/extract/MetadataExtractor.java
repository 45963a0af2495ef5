package io.scomon.ingest.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds a page's metadata: title ({@link TitleFinder}), authors ({@link AuthorFinder}), publish
 * date ({@link DateFinder}), canonical URL, site name and declared language. Reads the original
 * document only; never modifies it.
 */
final class MetadataExtractor {

  private MetadataExtractor() {}

  static PageMetadata extract(Document doc, JsonLd jsonLd, ExtractionHints hints) {
    String site = siteName(doc, jsonLd);
    OffsetDateTime published = DateFinder.published(doc, jsonLd, hints);
    return new PageMetadata(
        TitleFinder.find(doc, jsonLd, hints, site),
        AuthorFinder.find(doc, jsonLd, hints),
        published != null ? published : DateFinder.fallback(doc, jsonLd, hints),
        published != null,
        canonicalUrl(doc),
        site,
        language(doc));
  }

  /**
   * Whether the page says it is a story (article, post, thread) rather than a product, service
   * or listing page: {@code og:type} article or an article-like JSON-LD type.
   */
  static boolean isStory(Document doc, JsonLd jsonLd) {
    String type = meta(doc, "og:type");
    if (type != null && (type.contains("article") || type.contains("blog"))) {
      return true;
    }
    for (var n : jsonLd.articles()) {
      for (String t : JsonLd.types(n)) {
        if (t.contains("article") || t.contains("posting") || t.equals("question")
            || t.equals("qapage")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the page declares itself a discussion (schema.org {@code DiscussionForumPosting} or
   * {@code QAPage}, as JSON-LD or microdata): its comments are then part of its text.
   */
  static boolean isDiscussion(Document doc, JsonLd jsonLd) {
    for (var n : jsonLd.all()) {
      for (String t : JsonLd.types(n)) {
        if (t.equals("discussionforumposting") || t.equals("qapage")) {
          return true;
        }
      }
    }
    return doc.selectFirst("[itemtype*=DiscussionForumPosting], [itemtype*=QAPage]") != null;
  }

  /** Content of the first {@code <meta>} whose name, property or itemprop is one of the keys. */
  static String meta(Document doc, String... keys) {
    for (String key : keys) {
      for (Element m : doc.select("meta[content]")) {
        if (key.equalsIgnoreCase(m.attr("property")) || key.equalsIgnoreCase(m.attr("name"))
            || key.equalsIgnoreCase(m.attr("itemprop"))) {
          String v = TextNormalizer.cleanOrNull(m.attr("content"));
          if (v != null) {
            return v;
          }
        }
      }
    }
    return null;
  }

  static String canonicalUrl(Document doc) {
    Element link = doc.selectFirst("link[rel=canonical][href]");
    if (link != null && !link.absUrl("href").isEmpty()) {
      return link.absUrl("href");
    }
    String og = meta(doc, "og:url");
    if (og != null && og.startsWith("http")) {
      return og;
    }
    return doc.location().isEmpty() ? null : doc.location();
  }

  static String siteName(Document doc, JsonLd jsonLd) {
    String og = meta(doc, "og:site_name", "application-name", "twitter:site:name");
    if (og != null) {
      return og;
    }
    for (var n : jsonLd.articles()) {
      String p = JsonLd.text(n.get("publisher"));
      if (p != null) {
        return p;
      }
    }
    for (var n : jsonLd.all()) {
      if (JsonLd.types(n).contains("website")) {
        String name = JsonLd.text(n.get("name"));
        if (name != null) {
          return name;
        }
      }
    }
    String url = canonicalUrl(doc);
    if (url != null) {
      try {
        String host = new URI(url).getHost();
        if (host != null) {
          return host.startsWith("www.") ? host.substring(4) : host;
        }
      } catch (URISyntaxException badUrl) {
        return null;
      }
    }
    return null;
  }

  static String language(Document doc) {
    Element html = doc.selectFirst("html[lang]");
    String lang = html == null ? null : TextNormalizer.cleanOrNull(html.attr("lang"));
    if (lang == null) {
      lang = meta(doc, "og:locale", "language", "content-language", "dc.language");
    }
    if (lang == null) {
      Element m = doc.selectFirst("meta[http-equiv=content-language][content]");
      lang = m == null ? null : TextNormalizer.cleanOrNull(m.attr("content"));
    }
    if (lang == null) {
      return null;
    }
    lang = lang.replace('_', '-');
    int comma = lang.indexOf(',');
    if (comma > 0) {
      lang = lang.substring(0, comma).strip();
    }
    String[] parts = lang.split("-", 2);
    String primary = parts[0].toLowerCase(Locale.ROOT);
    if (!primary.matches("[a-z]{2,3}")) {
      return null;
    }
    return parts.length == 1 ? primary : primary + "-" + parts[1].toUpperCase(Locale.ROOT);
  }
}
