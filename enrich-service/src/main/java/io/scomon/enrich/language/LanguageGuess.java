package io.scomon.enrich.language;

/**
 * The language of a text: an ISO 639-1 code where one exists (else ISO 639-3), or {@value
 * LanguageIdentifier#UNDETERMINED}, with the model's probability for it (1 for a script-based
 * decision, 0 for "und").
 */
public record LanguageGuess(String code, double confidence) {

  public boolean isDetermined() {
    return !LanguageIdentifier.UNDETERMINED.equals(code);
  }
}
