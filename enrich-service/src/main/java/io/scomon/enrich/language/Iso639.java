package io.scomon.enrich.language;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps the ISO 639-3 codes of the OpenNLP language model to ISO 639-1 where one exists ("eng" to
 * "en", "rus" to "ru", "cmn" to "zh"); codes without a two-letter form are kept ("ceb").
 */
final class Iso639 {

  private static final Map<String, String> PART1 = build();

  private Iso639() {}

  static String toPart1(String iso3) {
    return PART1.getOrDefault(iso3, iso3);
  }

  private static Map<String, String> build() {
    Map<String, String> map = new HashMap<>();
    for (String part1 : Locale.getISOLanguages()) {
      String part3 = Locale.forLanguageTag(part1).getISO3Language();
      if (!part3.isEmpty()) {
        map.put(part3, part1);
      }
    }
    // individual languages the model names whose macrolanguage has a two-letter code
    map.put("cmn", "zh"); // Mandarin
    map.put("zho", "zh");
    map.put("pes", "fa"); // Iranian Persian
    map.put("prs", "fa"); // Dari
    map.put("fas", "fa");
    map.put("zsm", "ms"); // Standard Malay
    map.put("msa", "ms");
    map.put("lvs", "lv"); // Standard Latvian
    map.put("ekk", "et"); // Standard Estonian
    map.put("plt", "mg"); // Plateau Malagasy
    map.put("uzn", "uz"); // Northern Uzbek
    map.put("khk", "mn"); // Halh Mongolian
    map.put("arb", "ar"); // Standard Arabic
    map.put("swh", "sw");
    map.put("azj", "az");
    return Map.copyOf(map);
  }
}
