package io.scomon.ingest.extract;

/**
 * Cleans raw text runs: drops soft hyphens and zero-width characters (so words they split are
 * whole again), turns every other kind of space into a plain space and collapses runs of spaces.
 * One linear pass, no regular expressions.
 */
final class TextNormalizer {

  private TextNormalizer() {}

  /** Whether the character is invisible formatting that must vanish without leaving a space. */
  static boolean isInvisible(char c) {
    return c == '\u00AD' // soft hyphen
        || (c >= '\u200B' && c <= '\u200F') // zero-width space/joiners, direction marks
        || (c >= '\u202A' && c <= '\u202E') // embedding controls
        || (c >= '\u2060' && c <= '\u2064') // word joiner and invisible operators
        || c == '\uFEFF' // byte-order mark / zero-width no-break space
        || c == '\u034F' // combining grapheme joiner
        || c == '\u180E'
        || (c >= '\u0080' && c <= '\u009F'); // C1 controls left by mojibake
  }

  /** Whether the character separates words (any Unicode space, tab or line break). */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00A0'
        || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029'
        || c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\u000B';
  }

  /**
   * Appends {@code text} to {@code out} with invisible characters dropped and spaces collapsed;
   * a space is only written when the buffer does not already end with one (or is empty).
   */
  static void appendCollapsed(StringBuilder out, CharSequence text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (isInvisible(c)) {
        continue;
      }
      if (isSpace(c)) {
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) != ' ' && out.charAt(len - 1) != '\n') {
          out.append(' ');
        }
      } else {
        out.append(c);
      }
    }
  }

  /** The text on one line: invisible characters dropped, spaces collapsed, trimmed. */
  static String clean(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(text.length());
    appendCollapsed(sb, text);
    return sb.toString().strip();
  }

  /** Like {@link #clean} but maps blank results to null. */
  static String cleanOrNull(String text) {
    String c = clean(text);
    return c == null || c.isEmpty() ? null : c;
  }
}
