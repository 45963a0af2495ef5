/** Reads enriched articles and alerts from Kafka, turns each record into index operations, pauses when the writer is behind, and commits acknowledged offsets. */
package io.scomon.index.consume;
