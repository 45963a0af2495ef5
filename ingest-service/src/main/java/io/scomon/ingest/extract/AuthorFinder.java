package io.scomon.ingest.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds author names: a caller's selector, else JSON-LD {@code author}, else author meta tags,
 * else byline markup ({@code itemprop=author}, {@code rel=author}, author/byline classes).
 * "By", roles and dates around the names are dropped; "A and B" becomes two names.
 */
final class AuthorFinder {

  private static final Pattern PREFIX = Pattern.compile(
      "(?iu)^(?:(?:posted|written|written\\s+and\\s+edited|reported|words|text|story|edited)\\s+)?"
          + "(?:by|from|автор|автор:|作者|von|par|por|di)\\s*:?\\s+");
  private static final Pattern SPLIT = Pattern.compile("\\s*(?:,|;|\\band\\b|&|\\bи\\b|、)\\s*");
  private static final Pattern JUNK = Pattern.compile(
      "(?iu)https?://.*|.*@.*|\\d.*|.*\\.(?:com|org|net)\\b.*");

  /** Byline markup, most telling first. */
  private static final String[] BYLINES = {"[itemprop=author] [itemprop=name]",
      "[itemprop=author]", "a[rel=author]", "[rel=author]", ".author-name", ".author__name",
      ".byline__name", ".byline-name", ".c-byline__author", ".article-author", ".author a",
      ".byline a", ".post-author", ".entry-author", ".author", ".byline",
      "[class*=author-name]", "[class*=byline]", "[class*=author]"};

  private AuthorFinder() {}

  static List<String> find(Document doc, JsonLd jsonLd, MetaTags tags, ExtractionHints hints) {
    if (hints.authorSelector() != null) {
      List<String> names = new ArrayList<>();
      for (Element e : doc.select(hints.authorSelector())) {
        names.addAll(split(e.text()));
      }
      if (!names.isEmpty()) {
        return dedupe(names);
      }
    }
    for (var n : jsonLd.articles()) {
      List<String> names = new ArrayList<>();
      for (String raw : JsonLd.names(n.get("author"))) {
        if (!raw.startsWith("http")) {
          names.addAll(split(raw));
        }
      }
      if (!names.isEmpty()) {
        return dedupe(names);
      }
    }
    String meta = tags.get("author", "article:author", "byl",
        "sailthru.author", "parsely-author", "dc.creator", "dcterms.creator", "citation_author",
        "cXenseParse:author", "twitter:data1");
    if (meta != null && !meta.startsWith("http") && !meta.startsWith("@")) {
      List<String> names = split(meta);
      if (!names.isEmpty()) {
        return dedupe(names);
      }
    }
    // one pass over the page for all byline markers, then the most telling marker first
    List<Element> found = doc.select(String.join(", ", BYLINES));
    if (found.isEmpty()) {
      return List.of();
    }
    for (String sel : BYLINES) {
      List<String> names = new ArrayList<>();
      for (Element e : found) {
        if (!e.is(sel)) {
          continue;
        }
        String t = e.hasAttr("content") ? e.attr("content") : e.text();
        if (t.length() < 100) {
          names.addAll(split(t));
        }
        if (!names.isEmpty()) {
          break;
        }
      }
      if (!names.isEmpty()) {
        return dedupe(names);
      }
    }
    return List.of();
  }

  /** Names in a byline text, "By" and joining words removed. */
  static List<String> split(String raw) {
    String s = TextNormalizer.clean(raw);
    if (s == null || s.isEmpty() || s.length() > 200) {
      return List.of();
    }
    s = PREFIX.matcher(s).replaceFirst("");
    int bar = s.indexOf('|');
    if (bar > 0) {
      s = s.substring(0, bar).strip();
    }
    List<String> out = new ArrayList<>();
    for (String part : SPLIT.split(s)) {
      String p = part.strip();
      if (p.length() >= 2 && p.length() <= 60 && !JUNK.matcher(p).matches()
          && Character.isLetter(p.codePointAt(0))) {
        out.add(p);
      }
    }
    return out;
  }

  private static List<String> dedupe(List<String> names) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (seen.add(n.toLowerCase(Locale.ROOT))) {
        out.add(n);
      }
    }
    return out;
  }
}
