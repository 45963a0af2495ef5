/** An Elasticsearch node from the Maven Central integ-test distribution, run as a child process. */
package io.scomon.infra.elasticsearch;
