/** ingest-service: polls sources, fetches pages politely, extracts articles and publishes them to Kafka. {@link io.scomon.ingest.IngestApp} is the entry point. */
package io.scomon.ingest;
