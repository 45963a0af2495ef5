package io.scomon.enrich.stage;

import io.scomon.enrich.text.TextAnalyzer;
import io.scomon.schemas.Article;
import java.util.List;

/** The stages in order; runs them all on one article. Thread-safe when its stages are. */
public final class Enrichment {

  private final TextAnalyzer analyzer;
  private final List<ArticleEnricher> stages;

  public Enrichment(TextAnalyzer analyzer, List<ArticleEnricher> stages) {
    this.analyzer = analyzer;
    this.stages = List.copyOf(stages);
  }

  public EnrichmentDraft run(Article article) {
    EnrichmentDraft draft = new EnrichmentDraft(article, analyzer);
    for (ArticleEnricher stage : stages) {
      stage.enrich(draft);
    }
    return draft;
  }
}
