/**
 * Turns raw article text into one stream of normalised tokens with positions and offsets
 * (English and Russian stemmed, Chinese as single characters) and finds known phrases in it,
 * shared by the topic tagger and the entity recogniser.
 */
package io.scomon.enrich.text;
