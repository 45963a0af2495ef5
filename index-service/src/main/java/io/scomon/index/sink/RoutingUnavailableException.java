package io.scomon.index.sink;

/** The routing index could not be read, so where some articles live is unknown; the batch must wait. */
public class RoutingUnavailableException extends Exception {

  public RoutingUnavailableException(int articles, Throwable cause) {
    super("cannot look up the month index of " + articles + " articles in the routing index: " + cause.getMessage(),
        cause);
  }
}
