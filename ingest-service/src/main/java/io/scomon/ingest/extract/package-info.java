/**
 * Turns a parsed HTML page into clean articles (one per news story, one per forum post) with pure
 * functions: {@link io.scomon.ingest.extract.PageExtractor#extract} takes a Jsoup document and
 * returns text and metadata, with no I/O.
 */
package io.scomon.ingest.extract;
