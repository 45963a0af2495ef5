package io.scomon.ingest.extract;

import io.scomon.ingest.extract.forum.ForumEngine;
import io.scomon.ingest.extract.forum.ForumEngines;
import io.scomon.ingest.extract.forum.ForumPost;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;

/**
 * Entry point of extraction: a parsed page in, clean articles out. Pure: reads the given
 * document (never modifies it: the stages work on a copy), does no I/O and keeps no state.
 *
 * <p>A page that a {@link ForumEngine} recognises yields one article per post; any other page
 * yields one article whose body comes from {@link ArticleBodyExtractor}. Metadata comes from
 * {@link MetadataExtractor}. A body selector in the hints turns forum detection off.
 */
public final class PageExtractor {

  private PageExtractor() {}

  /** Extracts the page's articles. */
  public static ExtractedPage extract(Document doc, ExtractionHints hints) {
    ExtractionHints h = hints == null ? ExtractionHints.NONE : hints;
    JsonLd jsonLd = JsonLd.of(doc);
    PageMetadata meta = MetadataExtractor.extract(doc, jsonLd, h);
    Supplier<Document> copies = () -> {
      Document copy = doc.clone();
      for (String sel : h.removeSelectors()) {
        copy.select(sel).remove();
      }
      return copy;
    };
    if (h.bodySelector() == null) {
      Optional<ForumEngine> engine = ForumEngines.detect(doc); // reads only
      if (engine.isPresent()) {
        Document copy = copies.get();
        // hidden duplicates (microdata copies, mobile variants) must not become posts
        BoilerplatePruner.removeInvisible(copy.body());
        List<ExtractedArticle> posts = forumArticles(engine.get().posts(copy), meta);
        if (!posts.isEmpty()) {
          return new ExtractedPage(posts, engine.get().name());
        }
      }
    }
    String body = ArticleBodyExtractor.extract(copies, jsonLd, h, meta);
    ExtractedArticle article = new ExtractedArticle(meta.title(), body, meta.authors(),
        meta.published(), meta.canonicalUrl(), meta.siteName(), meta.languageHint(),
        null, null, null, null, null, null);
    return new ExtractedPage(List.of(article), null);
  }

  private static String byline(ForumPost p) {
    if (!p.headerFirst()) {
      return null; // a user card below the post is not a header
    }
    List<String> lines = new ArrayList<>(2);
    if (p.author() != null) {
      lines.add(TextNormalizer.clean(p.author()));
    }
    if (p.timeText() != null) {
      lines.add(TextNormalizer.clean(p.timeText()));
    }
    return lines.isEmpty() ? null : String.join("\n", lines);
  }

  private static List<ExtractedArticle> forumArticles(List<ForumPost> posts, PageMetadata meta) {
    List<ExtractedArticle> out = new ArrayList<>();
    for (ForumPost p : posts) {
      String body = TextRenderer.render(p.content());
      if (body.isBlank()) {
        continue;
      }
      List<String> authors = p.author() != null ? List.of(p.author())
          // the opening post's author is the page's (JSON-LD DiscussionForumPosting, meta)
          : out.isEmpty() ? meta.authors() : List.of();
      OffsetDateTime published = p.published() != null ? p.published()
          // the opening post's time may only be shown as the thread's start date
          : out.isEmpty() ? meta.published() : null;
      out.add(new ExtractedArticle(meta.title(), body, authors, published,
          meta.canonicalUrl(), meta.siteName(), meta.languageHint(), meta.canonicalUrl(),
          meta.title(), p.postId(), p.number(), p.permalink(), byline(p)));
    }
    return out;
  }
}
