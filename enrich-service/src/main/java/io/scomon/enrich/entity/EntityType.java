package io.scomon.enrich.entity;

/** The kinds of gazetteer entries. */
public enum EntityType {
  COUNTRY,
  PLACE,
  ORGANIZATION,
  PERSON
}
