package io.scomon.ingest.guard;

/** Whether a connection may be made, and if not, why. */
public record Verdict(boolean allowed, String reason) {

  static final Verdict ALLOW = new Verdict(true, "public address");

  static Verdict refuse(String reason) {
    return new Verdict(false, reason);
  }
}
