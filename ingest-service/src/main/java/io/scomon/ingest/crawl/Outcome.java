package io.scomon.ingest.crawl;

/**
 * How the crawl of one request ended.
 *
 * @param pages pages fetched (thread pages count one each)
 * @param published articles published (new or changed)
 * @param unchanged articles or pages seen again with the same content hash, not republished
 * @param notModified pages the server answered 304 for
 * @param failure the failure's tag when the request failed for good, else null
 */
public record Outcome(int pages, int published, int unchanged, int notModified, String failure) {

  static Outcome failed(String reason) {
    return new Outcome(0, 0, 0, 0, reason);
  }

  Outcome plus(Outcome o) {
    return new Outcome(pages + o.pages, published + o.published, unchanged + o.unchanged,
        notModified + o.notModified, o.failure != null ? o.failure : failure);
  }

  public boolean ok() {
    return failure == null;
  }
}
