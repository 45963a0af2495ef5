/** The service's one typed configuration, built and validated at startup from index-defaults.properties and the environment. */
package io.scomon.index.config;
