package io.scomon.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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

  /** Below this many characters a body is taken for a miss and the page read again. */
  private static final int SHORT = 200;

  /**
   * The body text. {@code copies} hands out private copies of the page (each read modifies
   * its copy). When the text is very short and the page has comment-named blocks, the page is
   * read again keeping them: on link aggregators and Q&A pages the comments are the content.
   * A page that declares itself a discussion is read with its comments from the start.
   */
  static String extract(Supplier<Document> copies, JsonLd jsonLd, ExtractionHints hints,
      PageMetadata meta) {
    String title = meta.title();
    Document copy = copies.get();
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
    // a dated page or one declared an article is a story; other pages (products,
    // services, listings) are read more broadly
    boolean story = meta.story();
    boolean hasComments = copy.selectFirst("[class*=comment], [id*=comment]") != null;
    boolean discussion = MetadataExtractor.isDiscussion(copy, jsonLd);
    String text = read(body, story, discussion, title);
    if (text.length() < SHORT && hasComments && !discussion) {
      String withComments = read(copies.get().body(), story, true, title);
      if (withComments.length() > text.length()) {
        text = withComments;
      }
    }
    String ld = jsonLdBody(jsonLd);
    if (ld != null && ld.length() > text.length() * 1.6 + 200) {
      return ld;
    }
    if (text.length() < SHORT && meta.summary() != null && !text.contains(meta.summary())
        && meta.summary().length() > text.length()) {
      // script-rendered shells: the page's own summary is the most text it carries
      return meta.summary();
    }
    return text;
  }

  private static String read(Element body, boolean story, boolean keepComments, String title) {
    ClassNames names = new ClassNames();
    BoilerplatePruner.prune(body, keepComments, !story, names);
    List<Element> roots = ContentSelector.select(body, !story, names);
    ContentCleaner.clean(roots, keepComments, !story, names);
    return render(roots, title);
  }

  private static String render(List<Element> roots, String title) {
    List<String> paras = new ArrayList<>();
    for (Element r : roots) {
      paras.addAll(TextRenderer.paragraphs(r));
    }
    dropLeadingHeader(paras, title);
    return String.join("\n\n", paras);
  }

  /**
   * The headline and the short lines around it (section label, date) open many containers but
   * belong to the metadata: drops the title when it is among the first paragraphs, the short
   * lines before it, and date lines right after it or at the very start.
   */
  static void dropLeadingHeader(List<String> paras, String title) {
    int limit = Math.min(4, paras.size());
    if (title != null) {
      for (int i = 0; i < limit; i++) {
        if (paras.get(i).equals(title)) {
          boolean shortBefore = true;
          for (int j = 0; j < i; j++) {
            shortBefore &= paras.get(j).length() <= 40;
          }
          if (shortBefore) {
            paras.subList(0, i + 1).clear();
          }
          break;
        }
      }
    }
    while (!paras.isEmpty() && paras.get(0).length() <= 40 && DateParser.parse(paras.get(0)) != null) {
      paras.remove(0);
    }
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
