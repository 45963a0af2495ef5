package io.scomon.ingest.extract;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org objects a page declares in {@code <script type="application/ld+json">}, with
 * arrays and {@code @graph} flattened. A block that is not valid JSON is skipped: structured data
 * is an optional hint, and a broken block says nothing.
 */
final class JsonLd {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
      .build();

  private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting",
      "reportagenews", "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle",
      "reviewnewsarticle", "techarticle", "scholarlyarticle", "socialmediaposting",
      "liveblogposting", "discussionforumposting", "report", "medicalwebpage", "posting",
      "review", "howto", "recipe", "question", "videoobject", "newsmediaarticle", "webpage",
      "itempage", "aboutpage", "faqpage", "qapage", "creativework", "event", "product",
      "collectionpage", "profilepage", "course", "jobposting", "podcastepisode");

  private final List<JsonNode> objects;

  private JsonLd(List<JsonNode> objects) {
    this.objects = objects;
  }

  static JsonLd of(Document doc) {
    List<JsonNode> out = new ArrayList<>();
    for (Element s : doc.select("script[type=application/ld+json]")) {
      String json = s.data().strip();
      if (json.isEmpty()) {
        continue;
      }
      try {
        flatten(MAPPER.readTree(json), out, 0);
      } catch (JsonProcessingException invalidBlock) {
        // skipped on purpose, see class comment
      }
    }
    return new JsonLd(out);
  }

  private static void flatten(JsonNode n, List<JsonNode> out, int depth) {
    if (n == null || depth > 4) {
      return;
    }
    if (n.isArray()) {
      for (JsonNode c : n) {
        flatten(c, out, depth + 1);
      }
    } else if (n.isObject()) {
      out.add(n);
      if (n.has("@graph")) {
        flatten(n.get("@graph"), out, depth + 1);
      }
      JsonNode main = n.get("mainEntity");
      if (main != null && (main.isObject() || main.isArray())) {
        flatten(main, out, depth + 1);
      }
    }
  }

  /** Lowercased schema.org type names of an object. */
  static List<String> types(JsonNode n) {
    JsonNode t = n.get("@type");
    List<String> out = new ArrayList<>();
    if (t == null) {
      return out;
    }
    if (t.isArray()) {
      t.forEach(x -> out.add(x.asText().toLowerCase(Locale.ROOT)));
    } else {
      out.add(t.asText().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static int rank(JsonNode n) {
    int best = Integer.MAX_VALUE;
    for (String t : types(n)) {
      if (ARTICLE_TYPES.contains(t)) {
        int r = t.endsWith("page") || t.equals("creativework") ? 2 : 1;
        best = Math.min(best, r);
      }
    }
    return best;
  }

  /** Article-like objects first (articles and postings before web pages), in page order. */
  List<JsonNode> articles() {
    List<JsonNode> first = new ArrayList<>();
    List<JsonNode> second = new ArrayList<>();
    for (JsonNode n : objects) {
      int r = rank(n);
      if (r == 1) {
        first.add(n);
      } else if (r == 2) {
        second.add(n);
      }
    }
    first.addAll(second);
    return first;
  }

  List<JsonNode> all() {
    return objects;
  }

  /** First non-blank text value of {@code field} among the article-like objects. */
  String articleText(String field) {
    for (JsonNode n : articles()) {
      String v = text(n.get(field));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** A plain text value (or the first element of an array, or an object's name). */
  static String text(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isArray()) {
      for (JsonNode c : v) {
        String t = text(c);
        if (t != null) {
          return t;
        }
      }
      return null;
    }
    if (v.isObject()) {
      return text(v.has("name") ? v.get("name") : v.get("@value"));
    }
    String s = TextNormalizer.cleanOrNull(v.asText());
    return s;
  }

  /** Names of the persons or organisations in an author-like value. */
  static List<String> names(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isArray()) {
      for (JsonNode c : v) {
        out.addAll(names(c));
      }
    } else if (v.isObject()) {
      String n = text(v.get("name"));
      if (n == null && v.has("givenName")) {
        n = TextNormalizer.cleanOrNull(text(v.get("givenName")) + " "
            + (v.has("familyName") ? text(v.get("familyName")) : ""));
      }
      if (n != null) {
        out.add(n);
      }
    } else {
      String n = TextNormalizer.cleanOrNull(v.asText());
      if (n != null) {
        out.add(n);
      }
    }
    return out;
  }
}
