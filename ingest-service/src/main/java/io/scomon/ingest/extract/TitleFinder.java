package io.scomon.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the headline: a caller's selector, else the {@code <h1>} (when it is not the site's
 * logo) reconciled with the {@code og:title}/JSON-LD headline/{@code <title>} stripped of their
 * " | Site name" parts, else a topic-title {@code <h2>} that {@code <title>} repeats, else the
 * metadata title.
 */
final class TitleFinder {

  private static final String[] SEPARATORS = {" | ", " – ", " — ", " - ", " :: ", " · ", " • ",
      " » ", " « ", " ~ ", " / ", "_", "｜", ": "};

  private TitleFinder() {}

  static String find(
      Document doc, JsonLd jsonLd, MetaTags tags, ExtractionHints hints, String siteName) {
    if (hints.titleSelector() != null) {
      Element e = doc.selectFirst(hints.titleSelector());
      if (e != null && TextNormalizer.cleanOrNull(e.text()) != null) {
        return TextNormalizer.clean(e.text());
      }
    }
    String og = tags.get("og:title", "twitter:title");
    String headline = jsonLd.articleText("headline");
    String docTitle = TextNormalizer.cleanOrNull(doc.title());
    String metaTitle = og != null ? stripSite(og, siteName)
        : headline != null ? stripSite(headline, siteName) : null;
    String pageTitle = docTitle == null ? null : stripSite(docTitle, siteName);
    List<String> h1s = new ArrayList<>();
    boolean h1InArticle = false;
    for (Element h : doc.select("h1")) {
      String t = TextNormalizer.cleanOrNull(withoutLabels(h));
      if (t != null && t.length() < 400 && !isSiteName(h, t, siteName)) {
        if (h1s.isEmpty()) {
          h1InArticle = h.closest("article, [itemprop=articleBody], main") != null;
        }
        h1s.add(stripSite(t, siteName));
      }
    }
    // an h1 that is exactly one of the metadata titles
    for (String h1 : h1s) {
      String n = norm(h1);
      if (!n.isEmpty() && (n.equals(norm(metaTitle)) || n.equals(norm(pageTitle))
          || n.equals(norm(headline)))) {
        return h1;
      }
    }
    String ref = metaTitle != null ? metaTitle : pageTitle;
    if (!h1s.isEmpty()) {
      String h1 = h1s.get(0);
      if (ref != null) {
        String a = norm(h1);
        String b = norm(ref);
        if (!b.isEmpty() && a.endsWith(b) && b.length() >= a.length() * 0.5) {
          return ref; // the h1 adds a label ("News", "Solved") before the headline
        }
        if (!a.isEmpty() && b.startsWith(a) && a.length() >= b.length() * 0.4) {
          return ref; // the h1 is a shortened headline
        }
      }
      boolean story = h1InArticle || MetadataExtractor.isStory(tags, jsonLd);
      if (ref == null || (story && (words(h1) >= 2 || norm(ref).contains(norm(h1))))) {
        return h1;
      }
    }
    // boards that put the topic title in an h2 also write it in <title>
    if (docTitle != null) {
      String nt = norm(docTitle);
      for (Element h : doc.select("h2")) {
        String t = TextNormalizer.cleanOrNull(h.text());
        if (t != null && words(t) >= 2 && norm(t).length() >= 10 && nt.contains(norm(t))) {
          return t;
        }
      }
    }
    if (ref != null) {
      return ref;
    }
    return TextNormalizer.cleanOrNull(hints.feedTitle());
  }

  /** The heading's text without the prefix labels boards put before thread titles. */
  private static String withoutLabels(Element h) {
    if (h.selectFirst(".label, .badge, [class*=prefix], .label-append") == null) {
      return h.text();
    }
    Element copy = h.clone();
    copy.select(".label, .badge, [class*=prefix], .label-append").remove();
    return copy.text();
  }

  /** Whether an h1 is the site's name or logo rather than a headline. */
  private static boolean isSiteName(Element h, String text, String siteName) {
    String n = norm(text);
    String site = norm(siteName);
    if (n.isEmpty() || (!site.isEmpty() && (site.contains(n) || n.equals(site)))) {
      return true;
    }
    for (Element p = h; p != null; p = p.parent()) {
      if (p.normalName().equals("header") && p.parent() != null
          && p.parent().normalName().equals("body")) {
        return true;
      }
      String ci = Boilerplate.classAndId(p);
      if (ci.contains("logo") || ci.contains("brand") || ci.contains("site-title")
          || ci.contains("masthead")) {
        return true;
      }
    }
    return false;
  }

  private static String norm(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  /** Removes a site-name prefix or suffix separated by a bar, dash or similar. */
  static String stripSite(String title, String siteName) {
    String site = siteName == null ? "" : norm(siteName);
    for (String sep : SEPARATORS) {
      String[] parts = title.split(java.util.regex.Pattern.quote(sep));
      if (parts.length >= 3 && !sep.equals(": ")) {
        // "Board - View topic - Title", "Title / Forum / Site": a clearly longest part is the title
        String longest = parts[0].strip();
        int others = 0;
        for (String p : parts) {
          if (words(p) > words(longest)) {
            longest = p.strip();
          }
        }
        for (String p : parts) {
          if (!p.strip().equals(longest)) {
            others = Math.max(others, words(p));
          }
        }
        if (words(longest) >= 3 && words(longest) >= others * 1.5) {
          return stripSite(longest, siteName);
        }
      }
    }
    for (String sep : SEPARATORS) {
      int last = title.lastIndexOf(sep);
      int first = title.indexOf(sep);
      if (last < 0) {
        continue;
      }
      String head = title.substring(0, last).strip();
      String tail = title.substring(last + sep.length()).strip();
      String t = norm(tail);
      if (!site.isEmpty() && !t.isEmpty() && (site.contains(t)
          || (t.contains(site) && t.length() <= site.length() + 12))) {
        return stripSite(head, siteName);
      }
      String lead = title.substring(0, first).strip();
      String rest = title.substring(first + sep.length()).strip();
      if (!site.isEmpty() && (norm(lead).equals(site) || norm(lead).contains(site))) {
        return stripSite(rest, siteName);
      }
      if (sep.equals(": ") || sep.equals(" / ")) {
        continue;
      }
      if (SITE_WORD.matcher(tail).find() && words(tail) <= 5 && words(head) >= 1) {
        return stripSite(head, siteName); // "... - Rick Steves Travel Forum"
      }
      // without a known site name, drop a short trailing part
      if (words(tail) <= 4 && words(head) >= words(tail) + 2 && hasLetter(tail)) {
        return stripSite(head, siteName);
      }
    }
    // "Title (example forum at site)"
    if (title.endsWith(")") && title.lastIndexOf(" (") > 0 && !site.isEmpty()) {
      int open = title.lastIndexOf(" (");
      String inner = norm(title.substring(open + 2, title.length() - 1));
      String key = site.replaceAll("(com|org|net|co|io|uk)+$", "");
      if (!inner.isEmpty() && key.length() >= 4 && (inner.contains(key) || key.contains(inner))) {
        return title.substring(0, open).strip();
      }
    }
    return title;
  }

  private static final java.util.regex.Pattern SITE_WORD = java.util.regex.Pattern.compile(
      "(?i)\\b(?:forums?|community|communities|board|boards|message board|wiki)$");

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Words in a title; ideographic text (no spaces) counts one word per two characters. */
  private static int words(String s) {
    int n = 0;
    int ideographs = 0;
    for (String w : s.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (!w.isEmpty()) {
        n++;
      }
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isIdeographic(s.charAt(i))) {
        ideographs++;
      }
    }
    return n + ideographs / 2;
  }
}
