package io.scomon.index.deliver;

import java.util.Locale;

/** Where one alert stands on one channel, as the ledger records it. */
public enum DeliveryStatus {
  /** Not sent yet: waiting for its digest, or between two attempts. */
  PENDING,
  DELIVERED,
  /** Given up (permanent refusal or attempts exhausted) and sent to {@code scomon.dlq}. */
  FAILED,
  /** Deliberately not sent, e.g. its subscription was deleted. */
  SKIPPED;

  /** True when nothing more will be done for the alert on this channel. */
  public boolean settled() {
    return this != PENDING;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static DeliveryStatus of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
