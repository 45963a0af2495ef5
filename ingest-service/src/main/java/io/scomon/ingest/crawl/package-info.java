/**
 * The fetchers: a consumer group on scomon.fetch.requests hands each request to the host queues,
 * where a page is fetched, extracted (by {@code io.scomon.ingest.extract}) and published as
 * articles; retries, following thread pages, crawl state and dead letters are handled here.
 */
package io.scomon.ingest.crawl;
