package io.scomon.enrich.topology;

import io.scomon.enrich.entity.EntityRecognizer;
import io.scomon.enrich.entity.Gazetteer;
import io.scomon.enrich.language.LanguageIdentifier;
import io.scomon.enrich.stage.EntityStage;
import io.scomon.enrich.stage.Enrichment;
import io.scomon.enrich.stage.FingerprintStage;
import io.scomon.enrich.stage.LanguageStage;
import io.scomon.enrich.stage.TopicStage;
import io.scomon.enrich.tag.Taxonomy;
import io.scomon.enrich.tag.TopicTagger;
import io.scomon.enrich.text.TextAnalyzer;
import io.scomon.schemas.Article;
import io.scomon.schemas.SourceType;
import io.scomon.schemas.id.ArticleIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Test articles and the shipped enrichment, shared by the topology tests. */
final class Articles {

  static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
  static final TextAnalyzer ANALYZER = new TextAnalyzer();

  private Articles() {}

  static Enrichment shippedEnrichment() {
    TextAnalyzer analyzer = ANALYZER;
    TopicTagger tagger = new TopicTagger(TAXONOMY, analyzer);
    return new Enrichment(analyzer, List.of(
        new LanguageStage(LanguageIdentifier.fromClasspath()),
        new TopicStage(() -> tagger),
        new EntityStage(new EntityRecognizer(Gazetteer.loadDefault(), analyzer)),
        new FingerprintStage()));
  }

  static Article article(String url, String title, String body) {
    return Article.newBuilder()
        .setId(ArticleIds.ofUrl(url)).setCanonicalUrl(url).setUrl(url)
        .setSourceId("test").setSourceType(SourceType.NEWS).setSiteName("Test")
        .setTitle(title).setBody(body).setAuthors(List.of())
        .setPublishedAt(Instant.parse("2021-07-14T10:00:00Z")).setFetchedAt(Instant.parse("2021-07-14T11:00:00Z"))
        .setLanguageHint("en").setContentHash(Integer.toHexString(body.hashCode()))
        .build();
  }

  static String resource(String name) {
    try (InputStream in = Articles.class.getResourceAsStream("/topology/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
