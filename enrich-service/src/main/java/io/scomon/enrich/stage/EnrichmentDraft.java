package io.scomon.enrich.stage;

import io.scomon.enrich.text.AnalyzedText;
import io.scomon.enrich.text.TextAnalyzer;
import io.scomon.schemas.Article;
import io.scomon.schemas.Entity;
import io.scomon.schemas.TopicTag;
import java.util.List;

/**
 * An article on its way through the stages: the article, its title and body analysed once (shared
 * by every stage that needs tokens), and what the stages found so far.
 */
public final class EnrichmentDraft {

  private final Article article;
  private final TextAnalyzer analyzer;
  private AnalyzedText title;
  private AnalyzedText body;
  private String language = "und";
  private List<TopicTag> topics = List.of();
  private List<Entity> entities = List.of();
  private long fingerprint;
  private String taxonomyVersion = "none";

  public EnrichmentDraft(Article article, TextAnalyzer analyzer) {
    this.article = article;
    this.analyzer = analyzer;
  }

  public Article article() {
    return article;
  }

  public AnalyzedText title() {
    if (title == null) {
      title = analyzer.analyze(article.getTitle());
    }
    return title;
  }

  public AnalyzedText body() {
    if (body == null) {
      body = analyzer.analyze(article.getBody());
    }
    return body;
  }

  public String language() {
    return language;
  }

  public void language(String language) {
    this.language = language;
  }

  public List<TopicTag> topics() {
    return topics;
  }

  public void topics(List<TopicTag> topics) {
    this.topics = List.copyOf(topics);
  }

  public List<Entity> entities() {
    return entities;
  }

  public void entities(List<Entity> entities) {
    this.entities = List.copyOf(entities);
  }

  /** Version of the taxonomy the topics were tagged with. */
  public String taxonomyVersion() {
    return taxonomyVersion;
  }

  public void taxonomyVersion(String taxonomyVersion) {
    this.taxonomyVersion = taxonomyVersion;
  }

  public long fingerprint() {
    return fingerprint;
  }

  public void fingerprint(long fingerprint) {
    this.fingerprint = fingerprint;
  }
}
