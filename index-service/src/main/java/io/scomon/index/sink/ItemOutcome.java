package io.scomon.index.sink;

/** What a bulk item's status means for the record it came from. */
public enum ItemOutcome {
  /** Written. */
  WRITTEN,
  /**
   * Version conflict (409): Elasticsearch already holds this version or a newer one (a replay, an
   * older copy). Success: the newest data is there.
   */
  SUPERSEDED,
  /** Elasticsearch could not take it now (429, 5xx, a missing index, a write block): send it again later. */
  RETRY,
  /** Elasticsearch will never take this document (mapping error, bad value: 400): dead-letter it. */
  REJECTED;

  /** Classifies an item by HTTP status and error type ({@code null} when the item succeeded). */
  public static ItemOutcome of(int status, String errorType) {
    if (errorType == null && status >= 200 && status < 300) {
      return WRITTEN;
    }
    if (status == 409) {
      return SUPERSEDED;
    }
    if (status == 429 || status >= 500 || status == 408) {
      return RETRY;
    }
    if ("index_not_found_exception".equals(errorType) || "cluster_block_exception".equals(errorType)) {
      return RETRY;
    }
    return REJECTED;
  }
}
