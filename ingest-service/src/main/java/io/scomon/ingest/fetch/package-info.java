/**
 * Polite, bounded HTTP: the fetcher (timeouts, deadline, size caps, redirects, decompression),
 * charset detection, robots.txt, per-host queues that keep the delay between requests to one
 * host, and the typed failure reasons every problem is counted under.
 */
package io.scomon.ingest.fetch;
