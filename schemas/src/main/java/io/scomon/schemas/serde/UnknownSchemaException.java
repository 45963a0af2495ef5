package io.scomon.schemas.serde;

/**
 * A message written with a schema this build does not know: its fingerprint is in no version of
 * the schema history. Usually a producer runs a newer build; deploy the newer schemas jar here.
 */
public class UnknownSchemaException extends AvroDecodingException {

  private final long fingerprint;

  public UnknownSchemaException(String topic, String expectedType, long fingerprint, Throwable cause) {
    super(topic, String.format("unknown schema fingerprint %016x for %s: the writer used a schema version "
        + "this build does not hold (upgrade the reader's scomon-schemas)", fingerprint, expectedType), cause);
    this.fingerprint = fingerprint;
  }

  public long fingerprint() {
    return fingerprint;
  }
}
