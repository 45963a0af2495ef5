/** The enrichment stages an article goes through (language, topics, entities, fingerprint), each small and pure. */
package io.scomon.enrich.stage;
