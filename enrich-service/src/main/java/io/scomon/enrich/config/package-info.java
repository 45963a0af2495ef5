/** The typed configuration of enrich-service, read once at startup from the defaults file and the environment. */
package io.scomon.enrich.config;
