/** The service's one typed configuration, read from the commented defaults file and overridden by the environment. */
package io.scomon.ingest.config;
