package io.scomon.index.deliver;

import java.util.Locale;

/** How an alert reaches its analyst. The ledger keeps one entry per alert and channel. */
public enum Channel {
  WEBHOOK,
  EMAIL,
  /** Every channel at once: a skip decided before the subscription's channels could be known (it was deleted). */
  ALL;

  /** The name in ledger ids, documents, metrics and logs: {@code webhook}, {@code email}, {@code all}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Channel of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
