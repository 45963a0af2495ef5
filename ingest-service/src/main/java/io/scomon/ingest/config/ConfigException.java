package io.scomon.ingest.config;

/** A configuration value that is missing, unknown or malformed; the message names the key. */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String key;

  public ConfigException(String key, String message) {
    super(key + ": " + message);
    this.key = key;
  }

  public ConfigException(String key, String message, Throwable cause) {
    super(key + ": " + message, cause);
    this.key = key;
  }

  /** The configuration key at fault. */
  public String key() {
    return key;
  }
}
