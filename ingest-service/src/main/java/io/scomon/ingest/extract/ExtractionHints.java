package io.scomon.ingest.extract;

import java.time.Instant;
import java.util.List;

/**
 * Optional per-site knowledge passed in by the caller. Every field may be null (or empty); a
 * selector that is given and matches wins over the generic heuristics.
 *
 * @param bodySelector CSS selector of the element(s) holding the article body
 * @param titleSelector CSS selector of the headline
 * @param authorSelector CSS selector of the author name(s)
 * @param dateSelector CSS selector of the publish date (a {@code datetime}/{@code content}
 *     attribute or its text)
 * @param removeSelectors CSS selectors of elements to drop before anything else runs
 * @param feedPublishedAt publish time announced by the feed or sitemap, the last date fallback
 * @param feedTitle title announced by the feed, used when the page has none
 */
public record ExtractionHints(
    String bodySelector,
    String titleSelector,
    String authorSelector,
    String dateSelector,
    List<String> removeSelectors,
    Instant feedPublishedAt,
    String feedTitle) {

  /** No hints: rely on the generic heuristics only. */
  public static final ExtractionHints NONE =
      new ExtractionHints(null, null, null, null, List.of(), null, null);

  public ExtractionHints {
    removeSelectors = removeSelectors == null ? List.of() : List.copyOf(removeSelectors);
  }

  /** Hints carrying only what a feed or sitemap entry said about the page. */
  public static ExtractionHints fromFeed(Instant feedPublishedAt, String feedTitle) {
    return new ExtractionHints(null, null, null, null, List.of(), feedPublishedAt, feedTitle);
  }
}
