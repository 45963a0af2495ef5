package io.scomon.enrich.dedup;

import io.scomon.enrich.text.Markup;

/**
 * 64-bit SimHash (Charikar) of a text over shingles of {@value #SHINGLE} consecutive tokens. Texts
 * that share most of their shingles get fingerprints a few bits apart; unrelated texts differ in
 * about 32 bits. Tokens: lower-cased runs of letters and digits; Chinese, Japanese and Korean
 * characters as overlapping character bigrams (those scripts do not separate words). Markup is
 * stripped first and only the first {@value #MAX_CHARS} characters are read. Pure functions.
 */
public final class SimHash {

  public static final int SHINGLE = 3;
  public static final int MAX_CHARS = 100_000;

  static final int LONG_LINE = 200;

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private SimHash() {}

  /** The fingerprint of {@code text}; 0 for a text without any token. */
  public static long of(String text) {
    if (text == null || text.isEmpty()) {
      return 0L;
    }
    String plain = Markup.strip(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
    long[] tokens = tokenHashes(prose(plain));
    int n = tokens.length;
    if (n == 0) {
      return 0L;
    }
    int shingles = Math.max(1, n - SHINGLE + 1);
    int[] ones = new int[64];
    // bit-sliced counting: lane j of counters[b] counts the shingles with bit 8j + b set, eight bits
    // per addition instead of one; a lane holds up to 255, so the counters are emptied every 255 shingles
    long[] counters = new long[8];
    for (int i = 0; i < shingles; i++) {
      long h = 0;
      for (int k = i; k < Math.min(n, i + SHINGLE); k++) {
        h = h * 0x9E3779B97F4A7C15L + tokens[k];
      }
      h = mix(h);
      for (int b = 0; b < 8; b++) {
        counters[b] += (h >>> b) & 0x0101010101010101L;
      }
      if (i % 255 == 254) {
        empty(counters, ones);
      }
    }
    empty(counters, ones);
    long fingerprint = 0;
    for (int bit = 0; bit < 64; bit++) {
      if (ones[bit] * 2 > shingles) { // more shingles have the bit than lack it
        fingerprint |= 1L << bit;
      }
    }
    return fingerprint;
  }

  private static void empty(long[] counters, int[] ones) {
    for (int b = 0; b < 8; b++) {
      for (int lane = 0; lane < 8; lane++) {
        ones[8 * lane + b] += (int) (counters[b] >>> (8 * lane)) & 0xff;
      }
      counters[b] = 0;
    }
  }

  /** The number of bits in which two fingerprints differ (0 to 64). */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /** 16 lower-case hex digits, the form written to JSON and Elasticsearch. */
  public static String toHex(long fingerprint) {
    String hex = Long.toHexString(fingerprint);
    return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
  }

  public static long fromHex(String hex) {
    return Long.parseUnsignedLong(hex, 16);
  }

  /**
   * The lines of {@code text} that read as prose: ending like a sentence (".", "!", "?", "。",
   * a closing quote...) or too long for a menu or a byline ({@value #LONG_LINE} characters). Page furniture that leaked into the text, which differs between the
   * sites that carry the same story ("Home | World", "Share this article", "Reply With Quote",
   * "Join Date: Feb 2020", a headline), mostly does not, and on a short story it would otherwise
   * move the fingerprint by ten bits or more. Texts with little prose are kept whole.
   */
  static String prose(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end).strip();
      if (!line.isEmpty() && (endsLikeSentence(line) || line.length() >= LONG_LINE)) {
        kept.append(line).append('\n');
      }
      start = end + 1;
    }
    return kept.length() * 2 < text.length() ? text : kept.toString();
  }

  private static boolean endsLikeSentence(String line) {
    char last = line.charAt(line.length() - 1);
    return ".!?…。！？\"'”’»)".indexOf(last) >= 0;
  }

  /** Hashes of the tokens of the text, in order. */
  static long[] tokenHashes(String text) {
    long[] out = new long[Math.max(16, text.length() / 4)];
    int n = 0;
    long word = FNV_OFFSET;
    boolean inWord = false;
    int previousCjk = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.charAt(i);
      boolean letter;
      boolean cjk = false;
      if (cp < 0x80) { // ASCII, most of every text: no code point or script lookups
        i++;
        letter = cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9';
        if (cp >= 'A' && cp <= 'Z') {
          cp += 'a' - 'A';
          letter = true;
        }
      } else {
        cp = text.codePointAt(i);
        i += Character.charCount(cp);
        cjk = isCjk(cp);
        letter = !cjk && (cp >= 0x400 && cp <= 0x481 || cp >= 0x48A && cp <= 0x52F // Cyrillic letters
            || Character.isLetterOrDigit(cp));
        cp = letter ? Character.toLowerCase(cp) : cp;
      }
      if (cjk) {
        if (inWord) {
          out = append(out, n++, mix(word));
          inWord = false;
          word = FNV_OFFSET;
        }
        if (previousCjk >= 0) {
          out = append(out, n++, mix(((long) previousCjk << 21) ^ cp));
        }
        previousCjk = cp;
      } else if (letter) {
        previousCjk = -1;
        word = (word ^ cp) * FNV_PRIME;
        inWord = true;
      } else {
        previousCjk = -1;
        if (inWord) {
          out = append(out, n++, mix(word));
          inWord = false;
          word = FNV_OFFSET;
        }
      }
    }
    if (inWord) {
      out = append(out, n++, mix(word));
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static long[] append(long[] array, int index, long value) {
    long[] target = index < array.length ? array : java.util.Arrays.copyOf(array, array.length * 2);
    target[index] = value;
    return target;
  }

  private static boolean isCjk(int cp) {
    if (cp < 0x1100 || cp >= 0x2000 && cp < 0x2E80) { // below Hangul Jamo, or punctuation and symbols
      return false;
    }
    if (cp >= 0x4E00 && cp <= 0x9FFC) { // CJK Unified Ideographs, most of Chinese text
      return true;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }

  /** MurmurHash3's 64-bit finaliser: spreads every input bit over the whole word. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb93fe53ec5e7L;
    h ^= h >>> 33;
    return h;
  }
}
