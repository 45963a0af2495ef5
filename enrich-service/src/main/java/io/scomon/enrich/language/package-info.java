/** Identifies the language of an article (ISO 639-1 where one exists, {@code und} when unsure). */
package io.scomon.enrich.language;
