package io.scomon.enrich.stage;

/** One enrichment stage: reads the draft's article (and what earlier stages found) and adds its part. */
@FunctionalInterface
public interface ArticleEnricher {

  void enrich(EnrichmentDraft draft);
}
