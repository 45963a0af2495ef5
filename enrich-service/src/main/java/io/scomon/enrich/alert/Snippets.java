package io.scomon.enrich.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Matched words and a highlighted passage from the hit offsets of a {@link HitsMatch}. */
final class Snippets {

  static final int CONTEXT = 120;

  private Snippets() {}

  /** The distinct matched words as they appear in the text, lower-cased, title first, in order of appearance. */
  static List<String> matchedTerms(HitsMatch match, String title, String body) {
    List<String> terms = new ArrayList<>();
    collect(match.title(), title, terms);
    collect(match.body(), body, terms);
    return List.copyOf(terms);
  }

  /**
   * A passage of the body around its first hit, about {@value #CONTEXT} characters each side, on one
   * line, with every hit inside it wrapped in {@code **}; the highlighted title when only the title
   * matched.
   */
  static String snippet(HitsMatch match, String title, String body) {
    int[] hits = match.body();
    if (hits.length == 0) {
      return highlight(title, match.title(), 0, title.length());
    }
    int from = wordStart(body, Math.max(0, hits[0] - CONTEXT));
    int to = wordEnd(body, Math.min(body.length(), hits[1] + CONTEXT));
    String passage = highlight(body, hits, from, to);
    return (from > 0 ? "… " : "") + passage + (to < body.length() ? " …" : "");
  }

  /** Runs of whitespace as one space, none at either end. */
  static String collapseWhitespace(String text) {
    return highlight(text, new int[0], 0, text.length());
  }

  /**
   * {@code text[from, to)} with its hits in {@code **} and each run of whitespace as one space, none
   * at either end. Matching calls this for every alert, so the passage is copied out once and read
   * as an array.
   */
  private static String highlight(String text, int[] hits, int from, int to) {
    char[] chars = new char[to - from];
    text.getChars(from, to, chars, 0);
    StringBuilder out = new StringBuilder(chars.length + 16);
    int at = 0;
    for (int i = 0; i < hits.length; i += 2) {
      int start = hits[i] - from;
      int end = hits[i + 1] - from;
      if (start < at || end > chars.length) {
        continue;
      }
      appendCollapsed(out, chars, at, start);
      out.append("**").append(chars, start, end - start).append("**");
      at = end;
    }
    appendCollapsed(out, chars, at, chars.length);
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    return out.toString();
  }

  /** Appends {@code chars[from, to)} with each run of whitespace as one space, none at the start of {@code out}. */
  private static void appendCollapsed(StringBuilder out, char[] chars, int from, int to) {
    int run = from;
    for (int i = from; i < to; i++) {
      char c = chars[i];
      if (c > ' ' && c < 0x7f || !Character.isWhitespace(c)) {
        continue;
      }
      out.append(chars, run, i - run);
      if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
        out.append(' ');
      }
      run = i + 1;
    }
    out.append(chars, run, to - run);
  }

  private static void collect(int[] hits, String text, List<String> into) {
    for (int i = 0; i < hits.length; i += 2) {
      if (hits[i + 1] <= text.length()) {
        String word = text.substring(hits[i], hits[i + 1]).toLowerCase(Locale.ROOT);
        if (!into.contains(word)) {
          into.add(word);
        }
      }
    }
  }

  private static int wordStart(String text, int at) {
    while (at > 0 && !Character.isWhitespace(text.charAt(at - 1))) {
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
