package io.scomon.ingest.fetch;

import java.net.URI;
import java.time.Duration;

/** A fetch that failed, with the URL, the reason, the HTTP status when there was one, and the cause. */
public final class FetchException extends Exception {

  private static final long serialVersionUID = 1L;

  private final FailureReason reason;
  private final String url;
  private final int status;
  private final transient Duration retryAfter;

  public FetchException(FailureReason reason, URI url, String message) {
    this(reason, url, 0, null, message, null);
  }

  public FetchException(FailureReason reason, URI url, String message, Throwable cause) {
    this(reason, url, 0, null, message, cause);
  }

  public FetchException(FailureReason reason, URI url, int status, Duration retryAfter, String message,
      Throwable cause) {
    super(url + ": " + message, cause);
    this.reason = reason;
    this.url = String.valueOf(url);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public FailureReason reason() {
    return reason;
  }

  public String url() {
    return url;
  }

  /** The HTTP status, or 0 when no response was read. */
  public int status() {
    return status;
  }

  /** What the server's Retry-After asked for, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  public boolean retryable() {
    return reason.retryable();
  }

  /** The metric / dead-letter reason: the reason's tag, with the exact status for HTTP errors. */
  public String tag() {
    return status > 0 && reason.tag().startsWith("http-") ? "http-" + status : reason.tag();
  }
}
