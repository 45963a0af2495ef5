package io.scomon.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the headline: a caller's selector, else the {@code <h1>} that agrees with the
 * {@code og:title}/JSON-LD headline/{@code <title>}, else the metadata title, else the
 * {@code <title>}, each stripped of a " | Site name" suffix.
 */
final class TitleFinder {

  private static final String[] SEPARATORS = {" | ", " – ", " — ", " - ", " :: ", " · ", " • ",
      " » ", " « ", " ~ ", " / ", ": "};

  private TitleFinder() {}

  static String find(Document doc, JsonLd jsonLd, ExtractionHints hints, String siteName) {
    if (hints.titleSelector() != null) {
      Element e = doc.selectFirst(hints.titleSelector());
      if (e != null && TextNormalizer.cleanOrNull(e.text()) != null) {
        return TextNormalizer.clean(e.text());
      }
    }
    String og = MetadataExtractor.meta(doc, "og:title", "twitter:title");
    String headline = jsonLd.articleText("headline");
    String docTitle = TextNormalizer.cleanOrNull(doc.title());
    List<String> h1s = new ArrayList<>();
    for (Element h : doc.select("h1")) {
      String t = TextNormalizer.cleanOrNull(h.text());
      if (t != null && t.length() < 400) {
        h1s.add(t);
      }
    }
    for (String h1 : h1s) {
      if (agrees(h1, og) || agrees(h1, headline) || agrees(h1, docTitle)) {
        return h1;
      }
    }
    for (String meta : new String[] {og, headline}) {
      if (meta != null) {
        return stripSite(meta, siteName);
      }
    }
    if (docTitle != null) {
      String t = stripSite(docTitle, siteName);
      if (h1s.size() == 1 && !agrees(h1s.get(0), siteName)) {
        return h1s.get(0);
      }
      return t;
    }
    if (!h1s.isEmpty()) {
      return h1s.get(0);
    }
    return TextNormalizer.cleanOrNull(hints.feedTitle());
  }

  /** Whether an {@code <h1>} text is the same headline as a metadata title. */
  private static boolean agrees(String h1, String meta) {
    if (meta == null || h1.length() < 4) {
      return false;
    }
    String a = norm(h1);
    String b = norm(meta);
    if (a.isEmpty()) {
      return false;
    }
    return a.equals(b) || (b.startsWith(a) && a.length() > b.length() * 0.4)
        || (b.endsWith(a) && a.length() > b.length() * 0.5);
  }

  private static String norm(String s) {
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
      int last = title.lastIndexOf(sep);
      int first = title.indexOf(sep);
      if (last < 0) {
        continue;
      }
      String head = title.substring(0, last).strip();
      String tail = title.substring(last + sep.length()).strip();
      if (!site.isEmpty() && (norm(tail).equals(site) || site.contains(norm(tail))
          || norm(tail).contains(site))) {
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
      // without a known site name, drop a short trailing part
      if (words(tail) <= 4 && words(head) >= words(tail) + 2) {
        return head;
      }
    }
    return title;
  }

  private static int words(String s) {
    int n = 0;
    for (String w : s.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (!w.isEmpty()) {
        n++;
      }
    }
    return n;
  }
}
