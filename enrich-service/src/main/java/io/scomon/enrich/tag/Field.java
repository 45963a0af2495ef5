package io.scomon.enrich.tag;

/** The part of an article a term was found in. */
public enum Field {
  TITLE,
  BODY;

  /** Lower-case name as written in JSON output. */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
