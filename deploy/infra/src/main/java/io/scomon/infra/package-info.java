/** Real Kafka and Elasticsearch for tests and local runs, started without Docker. */
package io.scomon.infra;
