package io.scomon.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The main text of a news or blog page: a caller's body selector when it matches, else pruning
 * ({@link BoilerplatePruner}), density scoring ({@link ContentSelector}), cleaning inside the
 * content ({@link ContentCleaner}) and rendering ({@link TextRenderer}). When the page's JSON-LD
 * {@code articleBody} is much longer than what the markup gave, that text is used instead.
 */
final class ArticleBodyExtractor {

  private ArticleBodyExtractor() {}

  /** The body text; {@code copy} is a private copy of the page and gets modified. */
  static String extract(Document copy, JsonLd jsonLd, ExtractionHints hints, String title) {
    Element body = copy.body();
    if (body == null) {
      return "";
    }
    if (hints.bodySelector() != null) {
      Elements chosen = copy.select(hints.bodySelector());
      if (!chosen.isEmpty()) {
        List<Element> roots = new ArrayList<>(chosen);
        ContentCleaner.clean(roots, false);
        return render(roots, title);
      }
    }
    BoilerplatePruner.prune(body, false);
    boolean story = MetadataExtractor.isStory(copy, jsonLd)
        || copy.selectFirst("article") != null;
    List<Element> roots = ContentSelector.select(body, !story);
    ContentCleaner.clean(roots, false);
    String text = render(roots, title);
    String ld = jsonLdBody(jsonLd);
    if (ld != null && ld.length() > text.length() * 1.6 + 200) {
      return ld;
    }
    return text;
  }

  private static String render(List<Element> roots, String title) {
    List<String> paras = new ArrayList<>();
    for (Element r : roots) {
      paras.addAll(TextRenderer.paragraphs(r));
    }
    // the headline is the title, not the body
    if (!paras.isEmpty() && title != null && paras.get(0).equals(title)) {
      paras.remove(0);
    }
    return String.join("\n\n", paras);
  }

  private static String jsonLdBody(JsonLd jsonLd) {
    for (JsonNode n : jsonLd.articles()) {
      JsonNode b = n.get("articleBody");
      if (b != null && b.isTextual()) {
        String t = b.asText().strip();
        if (t.length() > 200 && !t.contains("<")) {
          return t.replace("\r\n", "\n").replaceAll("\n{3,}", "\n\n");
        }
      }
    }
    return null;
  }
}
