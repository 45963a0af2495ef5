/** The one-command local stack: Kafka, Elasticsearch and the services on 127.0.0.1, started and stopped together. */
package io.scomon.local;
