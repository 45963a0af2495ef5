package io.scomon.ingest.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page's {@code <meta>} tags indexed by name, property and itemprop (lowercased), read in
 * one pass so that the metadata stages never scan the document once per key.
 */
final class MetaTags {

  private final Map<String, String> byKey;

  private MetaTags(Map<String, String> byKey) {
    this.byKey = byKey;
  }

  static MetaTags of(Document doc) {
    Map<String, String> map = new HashMap<>();
    for (Element m : doc.getElementsByTag("meta")) {
      if (!m.hasAttr("content")) {
        continue;
      }
      String v = TextNormalizer.cleanOrNull(m.attr("content"));
      if (v == null) {
        continue;
      }
      for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
        String k = m.attr(attr);
        if (!k.isEmpty()) {
          map.putIfAbsent(k.toLowerCase(Locale.ROOT), v);
        }
      }
    }
    return new MetaTags(map);
  }

  /** Content of the first key present, in the order given, or null. */
  String get(String... keys) {
    for (String k : keys) {
      String v = byKey.get(k.toLowerCase(Locale.ROOT));
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
