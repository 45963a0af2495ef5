package io.scomon.index.deliver;

/** Delivery could not start: the subscriptions could not be read or the ledger index could not be created in time. */
public class DeliveryStartupException extends RuntimeException {

  public DeliveryStartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
