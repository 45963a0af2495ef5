/** Writing to Kafka: articles mapped from extracted pages, fetch requests, crawl state and dead letters. */
package io.scomon.ingest.publish;
