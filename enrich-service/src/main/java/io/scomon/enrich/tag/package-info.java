/**
 * Tags articles with topics from a rule taxonomy file (weighted multilingual terms, proximity,
 * required groups, exclusions), each tag with its score and the evidence that produced it.
 */
package io.scomon.enrich.tag;
