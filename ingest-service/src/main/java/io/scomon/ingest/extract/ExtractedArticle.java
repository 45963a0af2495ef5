package io.scomon.ingest.extract;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One clean article: a news story, or a single post of a forum thread.
 *
 * @param title headline (for a forum post: the thread title)
 * @param body main text, paragraphs separated by a blank line
 * @param authors author names, possibly empty
 * @param published publish time with the offset the page wrote it in, or null; see {@link
 *     #publishedAt()} for the instant
 * @param canonicalUrl canonical URL of the page, or the URL it was parsed from
 * @param siteName name of the site, or null
 * @param languageHint language the page declares (BCP 47, e.g. {@code ru}, {@code zh-CN}), or null
 * @param threadUrl forum only: URL of the thread, else null
 * @param threadTitle forum only: title of the thread, else null
 * @param postId forum only: the board's id of the post, else null
 * @param postNumber forum only: 1-based position of the post in the thread, when known
 * @param postUrl forum only: permalink of the post, when known
 * @param byline forum only: the post's header as the page shows it (user name, then the time
 *     as displayed, one per line), else null
 */
public record ExtractedArticle(
    String title,
    String body,
    List<String> authors,
    OffsetDateTime published,
    String canonicalUrl,
    String siteName,
    String languageHint,
    String threadUrl,
    String threadTitle,
    String postId,
    Integer postNumber,
    String postUrl,
    String byline) {

  public ExtractedArticle {
    authors = authors == null ? List.of() : List.copyOf(authors);
  }

  /** The publish instant, or null when the page gives no date. */
  public Instant publishedAt() {
    return published == null ? null : published.toInstant();
  }

  /** Whether this article is one post of a forum thread. */
  public boolean isForumPost() {
    return threadUrl != null || postId != null;
  }
}
