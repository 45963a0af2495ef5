/** JUnit 5 extensions that start Kafka and Elasticsearch once per test run and always stop them. */
package io.scomon.infra.junit;
