package io.scomon.enrich.entity;

import java.util.List;

/**
 * One thing the gazetteer knows and the names it goes by.
 *
 * @param id stable identifier: the ISO 3166 alpha-2 code for a country, a slug otherwise
 * @param countryCode ISO 3166 alpha-2 code of the country it belongs to, or null (e.g. the UN)
 * @param lat latitude in degrees, or null when it has no single location
 * @param aliases names, adjectives and abbreviations in any of the taxonomy's languages; an alias
 *     written all in capitals ("US", "SCO", "ШОС") only matches in capitals, so "us" is not the
 *     United States
 */
public record GazetteerEntry(
    EntityType type, String id, String name, String countryCode, Double lat, Double lon, List<String> aliases) {

  public GazetteerEntry {
    aliases = List.copyOf(aliases);
  }
}
