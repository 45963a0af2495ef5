package io.scomon.ingest.extract;

import java.util.List;

/**
 * What one page yielded: a single article for a news page, one article per post for a forum
 * thread.
 *
 * @param articles the articles, in page order
 * @param forumEngine name of the forum engine that recognised the page, or null for a news page
 */
public record ExtractedPage(List<ExtractedArticle> articles, String forumEngine) {

  public ExtractedPage {
    articles = List.copyOf(articles);
  }

  /** Whether the page was read as a forum thread. */
  public boolean isForum() {
    return forumEngine != null;
  }

  /** The first article (the story, or the opening post), or null when the page had no text. */
  public ExtractedArticle first() {
    return articles.isEmpty() ? null : articles.get(0);
  }
}
