/**
 * Near-duplicate detection: a 64-bit SimHash of each article's text and a banded lookup of earlier
 * fingerprints, so syndicated copies and reposts join the story of the first one seen.
 */
package io.scomon.enrich.dedup;
