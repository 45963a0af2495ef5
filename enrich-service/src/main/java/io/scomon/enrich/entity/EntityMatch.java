package io.scomon.enrich.entity;

/**
 * An entity mentioned in an article.
 *
 * @param mentions how many times any of its aliases occurs in title and body together
 */
public record EntityMatch(
    EntityType type, String id, String name, String countryCode, Double lat, Double lon, int mentions) {

  static EntityMatch of(GazetteerEntry entry, int mentions) {
    return new EntityMatch(entry.type(), entry.id(), entry.name(), entry.countryCode(), entry.lat(), entry.lon(), mentions);
  }
}
