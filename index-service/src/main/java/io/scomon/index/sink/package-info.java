/** The bulk writer: owns the BulkIngester, maps item results back to Kafka offsets, retries, dead-letters rejected documents, and removes older copies of articles that moved month. */
package io.scomon.index.sink;
