package io.scomon.index.admin;

/** The index layout could not be installed or repaired; names the template or index concerned. */
public class LayoutException extends RuntimeException {

  private final String resource;

  public LayoutException(String resource, String message, Throwable cause) {
    super(message + " (" + resource + ")", cause);
    this.resource = resource;
  }

  /** The template or index that could not be written. */
  public String resource() {
    return resource;
  }
}
