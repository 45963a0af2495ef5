package io.scomon.index.deliver;

/** Elasticsearch refused a write to the delivery ledger; the message names the entry and the reason. */
public class LedgerWriteException extends RuntimeException {

  public LedgerWriteException(String message) {
    super(message);
  }
}
