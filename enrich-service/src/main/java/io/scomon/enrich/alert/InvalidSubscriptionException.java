package io.scomon.enrich.alert;

/**
 * A subscription that cannot be accepted, naming the field and, for a query, the character
 * position (1-based) where the problem is, so that the API can answer a precise 400.
 */
public class InvalidSubscriptionException extends RuntimeException {

  private final String field;
  private final int position;

  public InvalidSubscriptionException(String field, String message) {
    this(field, message, -1);
  }

  public InvalidSubscriptionException(String field, String message, int position) {
    super(field + ": " + message + (position > 0 ? " (at character " + position + ")" : ""));
    this.field = field;
    this.position = position;
  }

  public String field() {
    return field;
  }

  /** 1-based character position in the query, or -1 when not about a position. */
  public int position() {
    return position;
  }
}
