/** Stable article ids, the one key shared by Kafka, Elasticsearch and alerts. */
package io.scomon.schemas.id;
