package io.scomon.infra;

/** Infrastructure that cannot start or stop, with a message that says what to do about it. */
public class InfraException extends RuntimeException {

  public InfraException(String message) {
    super(message);
  }

  public InfraException(String message, Throwable cause) {
    super(message, cause);
  }
}
