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
    MetaTags tags = MetaTags.of(doc);
    String canonical = canonicalUrl(doc, tags);
    String site = siteName(tags, jsonLd, canonical);
    OffsetDateTime published = DateFinder.published(doc, jsonLd, tags, canonical, hints);
    return new PageMetadata(
        TitleFinder.find(doc, jsonLd, tags, hints, site),
        AuthorFinder.find(doc, jsonLd, tags, hints),
        published != null ? published : DateFinder.fallback(jsonLd, tags, hints),
        isStory(tags, jsonLd) || published != null,
        canonical,
        site,
        language(doc, tags),
        tags.get("og:description", "twitter:description", "description"));
  }

  /**
   * Whether the page says it is a story (article, post, thread) rather than a product, service
   * or listing page: {@code og:type} article or an article-like JSON-LD type.
   */
  static boolean isStory(MetaTags tags, JsonLd jsonLd) {
    String type = tags.get("og:type");
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

  static String canonicalUrl(Document doc, MetaTags tags) {
    Element link = doc.selectFirst("link[rel=canonical][href]");
    if (link != null && !link.absUrl("href").isEmpty()) {
      return link.absUrl("href");
    }
    String og = tags.get("og:url");
    if (og != null && og.startsWith("http")) {
      return og;
    }
    return doc.location().isEmpty() ? null : doc.location();
  }

  static String siteName(MetaTags tags, JsonLd jsonLd, String url) {
    String og = tags.get("og:site_name", "application-name", "twitter:site:name");
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

  static String language(Document doc, MetaTags tags) {
    Element html = doc.selectFirst("html[lang]");
    String lang = html == null ? null : TextNormalizer.cleanOrNull(html.attr("lang"));
    if (lang == null) {
      lang = tags.get("og:locale", "language", "content-language", "dc.language");
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
