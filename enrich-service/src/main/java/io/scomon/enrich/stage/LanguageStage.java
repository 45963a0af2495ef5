package io.scomon.enrich.stage;

import io.scomon.enrich.language.LanguageIdentifier;

/** Detects the language from title and body; {@code und} when the text is too short to tell. */
public final class LanguageStage implements ArticleEnricher {

  private final LanguageIdentifier identifier;

  public LanguageStage(LanguageIdentifier identifier) {
    this.identifier = identifier;
  }

  @Override
  public void enrich(EnrichmentDraft draft) {
    draft.language(identifier.language(draft.article().getTitle() + "\n" + draft.article().getBody()));
  }
}
