package io.scomon.ingest.feed;

import io.scomon.ingest.fetch.FailureReason;

/** A source's listing could not be read (not XML, not a feed, not a sitemap), with the URL and the cause. */
public final class DiscoveryException extends Exception {

  private static final long serialVersionUID = 1L;

  private final FailureReason reason;
  private final String url;

  public DiscoveryException(FailureReason reason, String url, String message, Throwable cause) {
    super(url + ": " + message, cause);
    this.reason = reason;
    this.url = url;
  }

  public FailureReason reason() {
    return reason;
  }

  public String url() {
    return url;
  }
}
