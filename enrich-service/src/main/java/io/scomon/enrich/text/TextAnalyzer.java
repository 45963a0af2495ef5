package io.scomon.enrich.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ru.RussianLightStemmer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * Analyses text into an {@link AnalyzedText} with one Lucene chain for all three languages of the
 * taxonomy, chosen per token by its script rather than per article by its detected language, so a
 * Russian quote in an English article (or a misdetected language) still matches:
 *
 * <ul>
 *   <li>Unicode word segmentation ({@link StandardTokenizer}, UAX#29), lower case, English
 *       possessive "'s" removed;
 *   <li>Latin tokens: Porter stemmer, as in Lucene's {@code EnglishAnalyzer} ("trafficked" and
 *       "trafficking" both become "traffick"), except words in "-ism" and "-ization", which Porter
 *       would fold into unrelated words ("terrorism" into "terror", "extremism" into "extremely");
 *       they only lose a plural "s". Porter still folds some families a taxonomy must not rely on
 *       ("important"/"imports", "transition"/"transit", "connected"/"connectivity"): such terms
 *       are written as phrases;
 *   <li>Cyrillic tokens: Lucene's light Russian stemmer ({@code RussianLightStemFilter}) after
 *       folding "ё" to "е" ("наркотиков" becomes "наркотик"). The Snowball stemmer of {@code
 *       RussianAnalyzer} was tried and dropped: it cuts names in "-стан" two ways ("Афганистан" to
 *       "афганиста" but "Афганистане" to "афганистан"), the light one keeps "афганистан" for all;
 *   <li>Chinese: one token per character (UAX#29 does this), so a taxonomy phrase "贩毒" is the
 *       sequence 贩,毒 and matches wherever the two characters stand together. Word segmentation
 *       with SmartChineseAnalyzer was measured and rejected: about 2 ms per 5 KB of Chinese (four
 *       times this stage's whole budget), and it cuts the same word differently in context
 *       ("极端主义" alone is one word, in a list it is 极端/主义), which loses matches.
 * </ul>
 *
 * <p>No stop words are removed, so phrases match as written. Input longer than {@link #maxChars()}
 * is cut at a word boundary before analysis, which bounds time and memory for pathological
 * inputs; leaked HTML is stripped first ({@link Markup}). Thread-safe: Lucene keeps one token
 * stream per thread.
 */
public final class TextAnalyzer {

  /** Default bound: about twenty long news articles; a 5 MB body is analysed on its first 100,000 characters. */
  public static final int DEFAULT_MAX_CHARS = 100_000;

  private final Analyzer analyzer = new MultiScriptAnalyzer();
  private final int maxChars;

  public TextAnalyzer() {
    this(DEFAULT_MAX_CHARS);
  }

  public TextAnalyzer(int maxChars) {
    if (maxChars <= 0) {
      throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
    }
    this.maxChars = maxChars;
  }

  public int maxChars() {
    return maxChars;
  }

  /**
   * The Lucene analyzer behind {@link #analyze}, for components that index or query with Lucene
   * itself (subscription matching), so that they fold words exactly as the tagger does.
   */
  public Analyzer lucene() {
    return analyzer;
  }

  /** Analyses {@code text} (null reads as empty) on its first {@link #maxChars()} characters. */
  public AnalyzedText analyze(String text) {
    String plain = text == null ? "" : Markup.strip(prefix(text, maxChars));
    int capacity = Math.max(16, plain.length() / 5);
    String[] terms = new String[capacity];
    int[] starts = new int[capacity];
    int[] ends = new int[capacity];
    Script[] scripts = new Script[capacity];
    int n = 0;
    try (TokenStream stream = analyzer.tokenStream("text", plain)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      TermStringAttribute string = stream.addAttribute(TermStringAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (n == terms.length) {
          int grown = n * 2;
          terms = Arrays.copyOf(terms, grown);
          starts = Arrays.copyOf(starts, grown);
          ends = Arrays.copyOf(ends, grown);
          scripts = Arrays.copyOf(scripts, grown);
        }
        String known = string.termString();
        terms[n] = known != null ? known : term.toString();
        starts[n] = offset.startOffset();
        ends[n] = offset.endOffset();
        scripts[n] = known != null ? string.script() : Script.of(term.buffer(), term.length());
        n++;
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing an in-memory string cannot fail", e);
    }
    return new AnalyzedText(
        plain,
        Arrays.copyOf(terms, n),
        Arrays.copyOf(starts, n),
        Arrays.copyOf(ends, n),
        Arrays.copyOf(scripts, n));
  }

  /** The first {@code maxChars} characters, cut back to the last whitespace if one is near. */
  static String prefix(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int cut = maxChars;
    for (int i = maxChars; i > maxChars - 200 && i > 0; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        cut = i;
        break;
      }
    }
    if (Character.isLowSurrogate(text.charAt(cut)) && cut > 0) {
      cut--;
    }
    return text.substring(0, cut);
  }

  /** The per-token, per-script Lucene chain described on {@link TextAnalyzer}. */
  private static final class MultiScriptAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer source = new StandardTokenizer();
      return new TokenStreamComponents(source, new FoldFilter(source));
    }

    /**
     * Between two values of one field (an alert's title and body, matched as one field): no phrase,
     * nor any proximity under 10,000 words, runs on from one into the other.
     */
    @Override
    public int getPositionIncrementGap(String fieldName) {
      return 10_000;
    }

    /** Wildcard and fuzzy terms of a query are not analysed, only lower-cased: "Smuggl*" finds "smuggling". */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(in);
    }
  }

  /**
   * Folds each token as Lucene's {@code LowerCaseFilter} and {@code EnglishPossessiveFilter} would,
   * then stems it by its script: Latin with Porter (as Lucene's {@code PorterStemFilter}), Cyrillic
   * with the light Russian stemmer, others left alone. Folding is most of the analysis time, and
   * news repeats its words, so each filter (one per thread, reused by Lucene) remembers what it
   * made of each token as written, up to {@value #CACHE_SIZE} tokens: a token seen before is
   * neither lower-cased, nor stripped, nor stemmed again, and is copied only if its stem differs.
   * The stem is handed on as a string with its script ({@link TermStringAttribute}), so that the
   * taggers look up a string whose hash is already known instead of a new one per token.
   */
  private static final class FoldFilter extends TokenFilter {

    private static final int CACHE_SIZE = 50_000;

    /** What a token as written becomes. */
    private record Folded(String stem, boolean unchanged, Script script) {}

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TermStringAttribute termString = addAttribute(TermStringAttribute.class);
    private final SnowballStemmer porter = new PorterStemmer();
    private final RussianLightStemmer russian = new RussianLightStemmer();
    // sized for twice the entries it keeps: Lucene lets it fill to 80 % before growing, and each probe of a full
    // table reads another key from memory (half of the analysis time went to probing)
    private final CharArrayMap<Folded> folded = new CharArrayMap<>(2 * CACHE_SIZE, false);

    FoldFilter(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      char[] chars = term.buffer();
      int length = term.length();
      Folded known = folded.get(chars, 0, length);
      if (known == null) {
        char[] written = Arrays.copyOf(chars, length);
        known = fold(written);
        if (folded.size() >= CACHE_SIZE) {
          folded.clear();
        }
        folded.put(written, known);
      }
      if (!known.unchanged()) {
        term.setEmpty().append(known.stem());
      }
      termString.setTermString(known.stem(), known.script());
      return true;
    }

    private Folded fold(char[] written) {
      char[] chars = term.buffer();
      int length = term.length();
      lowerCase(chars, length);
      if (length >= 2 && (chars[length - 2] == '\'' || chars[length - 2] == '\u2019' || chars[length - 2] == '\uFF07')
          && (chars[length - 1] == 's' || chars[length - 1] == 'S')) {
        length -= 2; // possessive
      }
      term.setLength(length);
      Script script = Script.of(chars, length);
      if (script == Script.LATIN) {
        if (namesDoctrine(chars, length)) {
          term.setLength(chars[length - 1] == 's' ? length - 1 : length);
        } else {
          stem(porter);
        }
      } else if (script == Script.CYRILLIC) {
        foldYo(term.buffer(), term.length());
        term.setLength(russian.stem(term.buffer(), term.length()));
      }
      String stem = term.toString();
      boolean unchanged = Arrays.equals(written, stem.toCharArray());
      return new Folded(stem, unchanged, Script.of(term.buffer(), term.length()));
    }

    /**
     * Lower-cases as {@code LowerCaseFilter} does (code point by code point, {@link
     * Character#toLowerCase(int)}, in place), ASCII without a table lookup.
     */
    private static void lowerCase(char[] chars, int length) {
      for (int i = 0; i < length; i++) {
        char c = chars[i];
        if (c >= 0x80) {
          CharacterUtils.toLowerCase(chars, i, length);
          return;
        }
        if (c >= 'A' && c <= 'Z') {
          chars[i] = (char) (c + 32);
        }
      }
    }

    /** "ё" is often written "е"; the Russian stemmer expects "е". */
    private static void foldYo(char[] chars, int length) {
      for (int i = 0; i < length; i++) {
        if (chars[i] == 'ё') {
          chars[i] = 'е';
        }
      }
    }

    private void stem(SnowballStemmer stemmer) {
      stemmer.setCurrent(term.buffer(), term.length());
      stemmer.stem();
      term.copyBuffer(stemmer.getCurrentBuffer(), 0, stemmer.getCurrentBufferLength());
    }

    /**
     * Porter strips derivational suffixes, which would make "terrorism" the same as "terror" (a
     * horror film), "extremism" the same as "extremely", "radicalization" the same as "radical".
     * Words ending in "-ism" and "-ization"/"-isation" name a doctrine or a process: they only lose
     * a plural "s".
     */
    private static boolean namesDoctrine(char[] chars, int length) {
      int end = length > 0 && chars[length - 1] == 's' ? length - 1 : length;
      return endsWith(chars, end, "ism") || endsWith(chars, end, "ization") || endsWith(chars, end, "isation");
    }

    private static boolean endsWith(char[] chars, int length, String suffix) {
      int start = length - suffix.length();
      if (start < 2) {
        return false;
      }
      for (int i = 0; i < suffix.length(); i++) {
        if (chars[start + i] != suffix.charAt(i)) {
          return false;
        }
      }
      return true;
    }
  }
}
