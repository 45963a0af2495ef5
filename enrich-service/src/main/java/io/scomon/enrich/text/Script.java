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
