package io.scomon.enrich.alert;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.monitor.HighlightsMatch;

/** Matched words and a highlighted passage from the hit offsets Lucene Monitor reports. */
final class Snippets {

  static final int CONTEXT = 120;

  private Snippets() {}

  /** The distinct matched words as they appear in the text, lower-cased, in order of appearance. */
  static List<String> matchedTerms(HighlightsMatch match, String title, String body) {
    Set<String> terms = new LinkedHashSet<>();
    collect(match.getHits(SubscriptionQueryParser.TITLE), title, terms);
    collect(match.getHits(SubscriptionQueryParser.BODY), body, terms);
    return List.copyOf(terms);
  }

  /**
   * A passage of the body around its first hit, about {@value #CONTEXT} characters each side, with
   * every hit inside it wrapped in {@code **}; the highlighted title when only the title matched.
   */
  static String snippet(HighlightsMatch match, String title, String body) {
    List<HighlightsMatch.Hit> bodyHits = sorted(match.getHits(SubscriptionQueryParser.BODY));
    if (bodyHits.isEmpty()) {
      return highlight(title, sorted(match.getHits(SubscriptionQueryParser.TITLE)), 0, title.length());
    }
    int from = Math.max(0, bodyHits.get(0).startOffset - CONTEXT);
    int to = Math.min(body.length(), bodyHits.get(0).endOffset + CONTEXT);
    from = wordStart(body, from);
    to = wordEnd(body, to);
    String passage = collapseWhitespace(highlight(body, bodyHits, from, to));
    return (from > 0 ? "… " : "") + passage + (to < body.length() ? " …" : "");
  }

  /** Runs of whitespace as one space, none at either end (matching calls this for every alert). */
  static String collapseWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String highlight(String text, List<HighlightsMatch.Hit> hits, int from, int to) {
    StringBuilder out = new StringBuilder(to - from + 16);
    int at = from;
    for (HighlightsMatch.Hit hit : hits) {
      if (hit.startOffset < at || hit.endOffset > to || hit.startOffset < 0) {
        continue;
      }
      out.append(text, at, hit.startOffset).append("**").append(text, hit.startOffset, hit.endOffset).append("**");
      at = hit.endOffset;
    }
    out.append(text, at, to);
    return out.toString();
  }

  private static void collect(Collection<HighlightsMatch.Hit> hits, String text, Set<String> into) {
    for (HighlightsMatch.Hit hit : sorted(hits)) {
      if (hit.startOffset >= 0 && hit.endOffset <= text.length() && hit.startOffset < hit.endOffset) {
        into.add(text.substring(hit.startOffset, hit.endOffset).toLowerCase(Locale.ROOT));
      }
    }
  }

  private static List<HighlightsMatch.Hit> sorted(Collection<HighlightsMatch.Hit> hits) {
    List<HighlightsMatch.Hit> list = new ArrayList<>(hits == null ? List.of() : hits);
    list.sort(null);
    return list;
  }

  private static int wordStart(String text, int at) {
    while (at > 0 && !Character.isWhitespace(text.charAt(at - 1)) && at > 0) {
      at--;
    }
    return at;
  }

  private static int wordEnd(String text, int at) {
    while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    return at;
  }
}
