package io.scomon.index.deliver;

import java.time.Duration;
import java.util.Optional;

/** What one attempt to send a webhook POST or a mail came to. */
sealed interface SendOutcome {

  /** Short text for logs and the ledger's {@code lastError}. */
  String detail();

  /** The receiver took it (2xx, or the SMTP server accepted the message). */
  record Delivered(String detail) implements SendOutcome {}

  /** Worth another attempt: 5xx, 408, 429, a timeout, a connection error; {@code retryAfter} is the receiver's wish. */
  record Retryable(String detail, Optional<Duration> retryAfter) implements SendOutcome {
    Retryable(String detail) {
      this(detail, Optional.empty());
    }
  }

  /** Will never succeed as it is: another 4xx, an SMTP 5xx, an invalid address or URL. */
  record Permanent(String detail) implements SendOutcome {}
}
