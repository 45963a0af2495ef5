/** The bulk writer: owns the BulkIngester, maps item results back to Kafka offsets, retries, dead-letters rejected documents, and keeps articles in their first month. */
package io.scomon.index.sink;
