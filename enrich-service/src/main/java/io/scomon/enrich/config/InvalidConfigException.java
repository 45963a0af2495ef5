package io.scomon.enrich.config;

/** A configuration value that cannot be used; names the key so the operator knows what to fix. */
public class InvalidConfigException extends RuntimeException {

  private final String key;

  public InvalidConfigException(String key, String value, String problem) {
    super("invalid configuration " + key + "='" + value + "': " + problem);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
