package io.scomon.enrich.stage;

import io.scomon.enrich.dedup.SimHash;

/** Computes the 64-bit SimHash of the body (the title alone when there is no body). */
public final class FingerprintStage implements ArticleEnricher {

  @Override
  public void enrich(EnrichmentDraft draft) {
    String body = draft.article().getBody();
    draft.fingerprint(SimHash.of(body.isBlank() ? draft.article().getTitle() : body));
  }
}
