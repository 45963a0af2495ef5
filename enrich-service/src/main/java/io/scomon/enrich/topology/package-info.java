/** The Kafka Streams topology of enrich-service, built by a pure function; no I/O here. */
package io.scomon.enrich.topology;
