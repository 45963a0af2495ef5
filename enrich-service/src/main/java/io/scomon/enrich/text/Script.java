package io.scomon.enrich.text;

/** The writing system of a token, which decides how it is normalised and how far apart tokens count. */
public enum Script {
  LATIN,
  CYRILLIC,
  /** Chinese characters; each one is its own token. */
  HAN,
  OTHER;

  /** The script of the first letter of {@code chars}, or {@link #OTHER} when it has none. */
  public static Script of(char[] chars, int length) {
    for (int i = 0; i < length; ) {
      char c = chars[i];
      // the letters of most tokens, without a Unicode table lookup
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
        return LATIN;
      } else if (c >= 0x400 && c <= 0x481 || c >= 0x48A && c <= 0x52F) {
        return CYRILLIC;
      } else if (c >= 0x4E00 && c <= 0x9FFC) { // CJK Unified Ideographs assigned in Java 17's Unicode
        return HAN;
      } else if (c < 0x80) {
        i++;
        continue;
      }
      int cp = Character.codePointAt(chars, i, length);
      if (Character.isLetter(cp)) {
        return of(cp);
      }
      i += Character.charCount(cp);
    }
    return OTHER;
  }

  /** The script of one code point. */
  public static Script of(int codePoint) {
    if (codePoint < 0x80) { // ASCII, no table lookup
      return codePoint >= 'a' && codePoint <= 'z' || codePoint >= 'A' && codePoint <= 'Z' ? LATIN : OTHER;
    }
    if (codePoint >= 0x400 && codePoint <= 0x481 || codePoint >= 0x48A && codePoint <= 0x52F) { // Cyrillic letters
      return CYRILLIC;
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(codePoint);
    switch (s) {
      case LATIN:
        return LATIN;
      case CYRILLIC:
        return CYRILLIC;
      case HAN:
        return HAN;
      default:
        return OTHER;
    }
  }
}
