package io.scomon.enrich.language;

import io.scomon.enrich.text.Markup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Identifies the language of a text with OpenNLP's {@link LanguageDetectorME} and the 103-language
 * model of {@code opennlp-models-langdetect} (a jar holding {@value #MODEL_RESOURCE} at its root),
 * loaded once per instance. Bounded and cheap:
 *
 * <ul>
 *   <li>only the first {@value #PREFIX_CHARS} characters are read (markup stripped), and the model
 *       first sees only the first {@value #PROBE_CHARS}: its cost grows with the length (it is most
 *       of the enrichment's time), and most news texts are settled by then (best guess at least
 *       {@value #SURE} and {@value #SURE_LEAD} times the runner-up); only unsettled ones are read
 *       again in full;
 *   <li>fewer than {@value #MIN_LETTERS} letters: {@value #UNDETERMINED}; a Chinese or Japanese
 *       character counts as three letters (it carries about a word);
 *   <li>mostly Chinese characters without Japanese kana: "zh" without asking the model, which is
 *       unsure on short Chinese;
 *   <li>plainly English (at least {@value #ENGLISH_SHARE} of the first {@value #ENGLISH_WORDS} Latin
 *       words are words no other language uses, function words "the", "of", "which"... and frequent
 *       news words "people", "government", "told"...; or "the" is at least {@value #THE_SHARE} of
 *       them and, with the function words English shares with other languages, "in", "a", "to",
 *       they make {@value #WITH_COMMON_SHARE}): "en" without asking the model, which is most of the
 *       enrichment's time and English most of the stream. Of the extraction benchmarks' English
 *       500-character windows, the function words alone settled 22 %, the second rule 53 %, the news
 *       words 75 %, with no other language's window taken for English;
 *   <li>plainly Russian (mostly Cyrillic, with "ы" or "э" and no letter of the region's other
 *       Cyrillic alphabets, see {@link #plainlyRussian}): "ru" without asking the model;
 *   <li>otherwise the model's best guess; when it hesitates (best probability under {@value
 *       #UNSURE}) on a Cyrillic text and Russian, the Cyrillic language this monitor mostly reads,
 *       is within half of the best, Russian is preferred, so a short Russian headline is not
 *       called Bulgarian; a best
 *       guess under {@value #MIN_CONFIDENCE}, or less than {@value #MIN_LEAD} times as likely as
 *       the runner-up, is {@value #UNDETERMINED}. (The model spreads probability over 103
 *       languages, so on short texts even a right guess has a small absolute probability; the
 *       lead over the runner-up says more.)
 * </ul>
 *
 * <p>Thread-safe: each thread gets its own detector over the shared, immutable model.
 */
public final class LanguageIdentifier {

  public static final String UNDETERMINED = "und";
  public static final String MODEL_RESOURCE = "/langdetect-183.bin";
  public static final int PREFIX_CHARS = 500;
  public static final int MIN_LETTERS = 20;
  static final int PROBE_CHARS = 250;
  static final double SURE = 0.5;
  static final double SURE_LEAD = 3;
  static final double UNSURE = 0.5;
  static final double MIN_CONFIDENCE = 0.01;
  static final double MIN_LEAD = 1.2;

  private static final String RUSSIAN = "rus";
  static final int ENGLISH_WORDS = 60;
  static final double ENGLISH_SHARE = 0.2;
  private static final Set<String> ENGLISH_ONLY_WORDS = Set.of(
      "the", "of", "and", "that", "with", "which", "was", "were", "has", "have", "been", "from", "this", "by",
      "are", "said", "its", "their", "would", "will", "also", "after", "about", "than",
      // frequent in news and forums, and not a word of the region's other Latin-script languages (Uzbek,
      // Turkmen, Azerbaijani, Turkish) nor of the large European ones
      "had", "there", "they", "them", "then", "these", "those", "what", "when", "where", "while", "could",
      "should", "into", "other", "some", "such", "only", "most", "many", "first", "new", "two", "three",
      "year", "years", "people", "between", "during", "against", "before", "since", "through", "being",
      "our", "you", "your", "can", "just", "like", "how", "why", "told", "says", "very", "much", "now",
      "last", "week", "time", "government", "president", "minister", "country", "countries", "officials");
  /** Frequent English words that other languages share ("in", "a", "to", "is", "on"...). */
  private static final Set<String> ENGLISH_COMMON_WORDS = Set.of(
      "to", "in", "a", "is", "for", "on", "it", "as", "at", "be", "he", "his", "not", "or", "an", "but", "they",
      "we", "who");
  static final int RUSSIAN_LETTERS = 2;
  /** "the" at least this often, and with the shared words a quarter of all, is English too. */
  static final double THE_SHARE = 0.03;
  static final double WITH_COMMON_SHARE = 0.25;

  private final ThreadLocal<LanguageDetectorME> detectors;
  private final int prefixChars;

  public LanguageIdentifier(LanguageDetectorModel model) {
    this(model, PREFIX_CHARS);
  }

  /** Reads at most {@code prefixChars} characters of each text. */
  public LanguageIdentifier(LanguageDetectorModel model, int prefixChars) {
    if (prefixChars < 100) {
      throw new IllegalArgumentException("prefixChars must be at least 100, was " + prefixChars);
    }
    this.detectors = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
    this.prefixChars = prefixChars;
  }

  /** Loads the model from the classpath; takes about a second, so keep one instance. */
  public static LanguageIdentifier fromClasspath() {
    return new LanguageIdentifier(modelFromClasspath());
  }

  /** The model of {@code opennlp-models-langdetect}, read from the classpath. */
  public static LanguageDetectorModel modelFromClasspath() {
    try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "language model " + MODEL_RESOURCE + " is missing: add org.apache.opennlp:opennlp-models-langdetect");
      }
      return new LanguageDetectorModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read language model " + MODEL_RESOURCE, e);
    }
  }

  /** The language code of {@code text}; see {@link #identify}. */
  public String language(String text) {
    return identify(text).code();
  }

  public LanguageGuess identify(String text) {
    if (text == null) {
      return new LanguageGuess(UNDETERMINED, 0);
    }
    String prefix = Markup.strip(text.length() > prefixChars ? text.substring(0, prefixChars) : text);
    ScriptCounts counts = ScriptCounts.of(prefix);
    if (counts.letters() + 2 * (counts.han() + counts.kana()) < MIN_LETTERS) {
      return new LanguageGuess(UNDETERMINED, 0);
    }
    if (counts.han() * 2 > counts.letters() && counts.kana() * 20 < counts.letters()) {
      return new LanguageGuess("zh", 1.0);
    }
    if (plainlyEnglish(prefix)) {
      return new LanguageGuess("en", 1.0);
    }
    if (plainlyRussian(prefix, counts)) {
      return new LanguageGuess("ru", 1.0);
    }
    Language[] ranked = predict(prefix);
    Language best = ranked[0];
    if (counts.cyrillic() * 2 > counts.letters() && best.getConfidence() < UNSURE && !RUSSIAN.equals(best.getLang())) {
      for (int i = 1; i < Math.min(3, ranked.length); i++) {
        if (RUSSIAN.equals(ranked[i].getLang()) && ranked[i].getConfidence() * 2 >= best.getConfidence()) {
          return new LanguageGuess("ru", ranked[i].getConfidence());
        }
      }
    }
    if (best.getConfidence() < MIN_CONFIDENCE
        || (ranked.length > 1 && best.getConfidence() < MIN_LEAD * ranked[1].getConfidence())) {
      return new LanguageGuess(UNDETERMINED, 0);
    }
    return new LanguageGuess(Iso639.toPart1(best.getLang()), best.getConfidence());
  }

  /** True when enough of the first Latin words are function words only English has. */
  static boolean plainlyEnglish(String text) {
    int words = 0;
    int english = 0;
    int common = 0;
    int the = 0;
    int i = 0;
    int n = text.length();
    while (i < n && words < ENGLISH_WORDS) {
      while (i < n && !Character.isLetter(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetter(text.charAt(i))) {
        i++;
      }
      if (i == start) {
        break;
      }
      char first = text.charAt(start);
      if (first > 'z' && Character.UnicodeScript.of(first) != Character.UnicodeScript.LATIN) {
        return false; // another script: let the model decide
      }
      words++;
      if (i - start <= 10) {
        String word = text.substring(start, i).toLowerCase(java.util.Locale.ROOT);
        if (ENGLISH_ONLY_WORDS.contains(word)) {
          english++;
          the += word.equals("the") ? 1 : 0;
        } else if (ENGLISH_COMMON_WORDS.contains(word)) {
          common++;
        }
      }
    }
    return words >= 20 && (english >= ENGLISH_SHARE * words
        || the >= THE_SHARE * words && english + common >= WITH_COMMON_SHARE * words);
  }

  /**
   * True when the text is mostly Cyrillic, has at least {@value #RUSSIAN_LETTERS} of the letters
   * "ы" and "э" (which Bulgarian, Serbian, Macedonian and Ukrainian lack) and none of the letters
   * of other Cyrillic alphabets (any letter beyond "а" to "я" and "ё"): Ukrainian and Belarusian
   * "і", "ї", "є", "ґ", "ў", Kazakh, Kyrgyz, Tajik, Tatar, Bashkir and Mongolian "ә", "ғ", "қ",
   * "ң", "ө", "ұ", "ү", "һ", "ҳ", "ҷ"..., Serbian and Macedonian "ј", "љ", "њ"..., Ossetian "ӕ".
   */
  static boolean plainlyRussian(String text, ScriptCounts counts) {
    if (counts.cyrillic() * 2 <= counts.letters() || counts.cyrillic() < MIN_LETTERS) {
      return false;
    }
    int russian = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x400 || c > 0x52F) {
        continue;
      }
      char lower = Character.toLowerCase(c);
      if (lower == 'ы' || lower == 'э') {
        russian++;
      } else if (lower >= 0x450 && lower != 'ё') {
        return false; // beyond а-я and ё: a letter of another Cyrillic alphabet
      }
    }
    return russian >= RUSSIAN_LETTERS;
  }

  /** The model's ranking, from a probe of the text's beginning when that is conclusive. */
  private Language[] predict(String text) {
    LanguageDetectorME detector = detectors.get();
    if (text.length() > PROBE_CHARS * 3 / 2) {
      int cut = text.lastIndexOf(' ', PROBE_CHARS);
      Language[] probe = detector.predictLanguages(text.substring(0, cut > PROBE_CHARS / 2 ? cut : PROBE_CHARS));
      if (probe[0].getConfidence() >= SURE
          && (probe.length < 2 || probe[0].getConfidence() >= SURE_LEAD * probe[1].getConfidence())) {
        return probe;
      }
    }
    return detector.predictLanguages(text);
  }

  /** Letters of a text by script, enough to recognise Chinese and too-short texts. */
  record ScriptCounts(int letters, int han, int kana, int cyrillic) {
    static ScriptCounts of(String text) {
      int letters = 0;
      int han = 0;
      int kana = 0;
      int cyrillic = 0;
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        i += Character.charCount(cp);
        if (!Character.isLetter(cp)) {
          continue;
        }
        letters++;
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN) {
          han++;
        } else if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
          kana++;
        } else if (script == Character.UnicodeScript.CYRILLIC) {
          cyrillic++;
        }
      }
      return new ScriptCounts(letters, han, kana, cyrillic);
    }
  }
}
