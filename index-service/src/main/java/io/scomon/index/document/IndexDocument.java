package io.scomon.index.document;

import java.util.Objects;

/**
 * One document to write: where, under which id, with which external version, and its JSON source.
 *
 * @param kind what the document is, for metrics and dead letters
 * @param index concrete index name
 * @param id the document {@code _id}
 * @param version external version; a write with a version not above the stored one is a no-op
 *     (409), which is how a replay or an older copy never overwrites newer data
 * @param source the JSON source, UTF-8
 */
public record IndexDocument(Kind kind, String index, String id, long version, byte[] source) {

  /** What a document is. */
  public enum Kind { ARTICLE, ALERT }

  public IndexDocument {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
  }

  @Override
  public String toString() {
    return kind + " " + index + "/" + id + " v" + version;
  }
}
