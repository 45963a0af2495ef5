package io.scomon.ingest.schedule;

/**
 * What one poll of a source found.
 *
 * @param status HTTP status (0 when no response)
 * @param newItems new links emitted as fetch requests, or new posts published (thread sources)
 * @param etag validator to keep, or null to keep the previous one
 * @param lastModified validator to keep, or null to keep the previous one
 * @param contentHash hash of the listing's bytes, or null to keep the previous one
 * @param failure the failure's tag, or null
 * @param outcome new-items, no-new-items, not-modified, unchanged or failed
 */
public record PollResult(int status, int newItems, String etag, String lastModified, String contentHash,
    String failure, String outcome) {

  static PollResult failed(int status, String reason) {
    return new PollResult(status, 0, null, null, null, reason, "failed");
  }

  public boolean ok() {
    return failure == null;
  }
}
