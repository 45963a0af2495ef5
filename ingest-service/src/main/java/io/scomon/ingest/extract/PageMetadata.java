package io.scomon.ingest.extract;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Page-level metadata found by {@link MetadataExtractor}.
 *
 * @param title headline without the site-name suffix, or null
 * @param authors author names, possibly empty
 * @param published publish time as written on the page (else its last-modified time, else the
 *     feed's), or null
 * @param story whether the page is a story: declared an article or dated by the page itself
 * @param canonicalUrl canonical URL, or the document's location
 * @param siteName site name, or null
 * @param languageHint declared language, or null
 * @param summary the page's own description ({@code og:description}...), or null
 */
record PageMetadata(
    String title,
    List<String> authors,
    OffsetDateTime published,
    boolean story,
    String canonicalUrl,
    String siteName,
    String languageHint,
    String summary) {}
