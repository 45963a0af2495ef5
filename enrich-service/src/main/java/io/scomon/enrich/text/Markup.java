package io.scomon.enrich.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;

/**
 * Removes HTML that leaked into article text (tags, comments, scripts, styles, entities), so that
 * {@code <p>drug</p>} does not tag as "p drug p" and {@code &amp;} reads as "&amp;". Text without
 * markup is returned unchanged, without copying.
 */
public final class Markup {

  private Markup() {}

  /** The text with any markup stripped; block tags become line breaks. */
  public static String strip(String text) {
    if (!looksLikeMarkup(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    char[] buffer = new char[4096];
    try (HTMLStripCharFilter filter = new HTMLStripCharFilter(new StringReader(text))) {
      for (int n = filter.read(buffer); n != -1; n = filter.read(buffer)) {
        out.append(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a string cannot fail", e);
    }
    return out.toString();
  }

  /** True when the text holds something that parses as a tag or an entity reference. */
  static boolean looksLikeMarkup(String text) {
    int n = text.length();
    for (int i = text.indexOf('<'); i >= 0 && i + 1 < n; i = text.indexOf('<', i + 1)) {
      char c = text.charAt(i + 1);
      if (Character.isLetter(c) || c == '/' || c == '!') {
        return true;
      }
    }
    for (int i = text.indexOf('&'); i >= 0 && i + 1 < n; i = text.indexOf('&', i + 1)) {
      int semicolon = text.indexOf(';', i);
      if (semicolon > i + 1 && semicolon - i <= 10 && isEntityName(text, i + 1, semicolon)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEntityName(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!(Character.isLetterOrDigit(c) || (i == from && c == '#'))) {
        return false;
      }
    }
    return true;
  }
}
