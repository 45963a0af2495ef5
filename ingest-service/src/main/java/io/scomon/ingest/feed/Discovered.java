package io.scomon.ingest.feed;

import java.time.Instant;

/**
 * A link found on a source: a story, or a forum thread.
 *
 * @param url normalised absolute URL
 * @param title what the listing called it, or null
 * @param publishedAt the date the listing gave (feed entry date, news sitemap publication date or
 *     lastmod), or null
 */
public record Discovered(String url, String title, Instant publishedAt) {}
