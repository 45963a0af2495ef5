package io.scomon.index.config;

/** A configuration value that is missing, malformed or out of range; names the key and where the value came from. */
public class ConfigException extends RuntimeException {

  private final String key;

  public ConfigException(String key, String message) {
    this(key, message, null);
  }

  public ConfigException(String key, String message, Throwable cause) {
    super(key + ": " + message, cause);
    this.key = key;
  }

  /** The configuration key at fault, e.g. {@code index.bulk.max-actions}. */
  public String key() {
    return key;
  }
}
