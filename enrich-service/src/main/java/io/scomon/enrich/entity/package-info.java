/**
 * Finds the countries, places, organisations and people of a gazetteer file in article text, in
 * English, Russian and Chinese, with ISO country codes and coordinates.
 */
package io.scomon.enrich.entity;
