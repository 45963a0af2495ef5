package io.scomon.ingest.fetch;

/**
 * Why a fetch, a poll or a page failed. The tag is the {@code reason} of the failure metric and
 * of the dead letter, so keep tags stable.
 */
public enum FailureReason {
  BLOCKED_ADDRESS("blocked-address", false),
  ROBOTS_DISALLOWED("robots-disallowed", false),
  ROBOTS_UNREACHABLE("robots-unreachable", true),
  UNKNOWN_HOST("unknown-host", true),
  CONNECT_FAILED("connect-failed", true),
  CONNECT_TIMEOUT("connect-timeout", true),
  READ_TIMEOUT("read-timeout", true),
  DEADLINE_EXCEEDED("deadline-exceeded", true),
  TRUNCATED_BODY("truncated-body", true),
  IO_ERROR("io-error", true),
  HTTP_CLIENT_ERROR("http-4xx", false),
  HTTP_RATE_LIMITED("http-429", true),
  HTTP_SERVER_ERROR("http-5xx", true),
  BODY_TOO_LARGE("body-too-large", false),
  DECOMPRESSED_TOO_LARGE("decompressed-too-large", false),
  UNSUPPORTED_ENCODING("unsupported-content-encoding", false),
  UNSUPPORTED_CONTENT_TYPE("unsupported-content-type", false),
  BINARY_CONTENT("binary-content", false),
  DECLARED_CHARSET_WRONG("declared-charset-wrong", false),
  TOO_MANY_REDIRECTS("too-many-redirects", false),
  REDIRECT_LOOP("redirect-loop", false),
  BAD_REDIRECT("bad-redirect", false),
  FEED_NOT_XML("feed-not-xml", false),
  SITEMAP_INVALID("sitemap-invalid", false),
  SITEMAP_LOOP("sitemap-loop", false),
  SITEMAP_LIMIT("sitemap-limit", false),
  NO_CONTENT("no-content", false),
  EXTRACTION_ERROR("extraction-error", false),
  PUBLISH_FAILED("publish-failed", true),
  BAD_REQUEST_RECORD("bad-request-record", false),
  UNKNOWN_SOURCE("unknown-source", false);

  private final String tag;
  private final boolean retryable;

  FailureReason(String tag, boolean retryable) {
    this.tag = tag;
    this.retryable = retryable;
  }

  /** Metric and dead-letter reason, kebab case. */
  public String tag() {
    return tag;
  }

  /** Whether trying again later may succeed (the host was busy, slow or down). */
  public boolean retryable() {
    return retryable;
  }
}
