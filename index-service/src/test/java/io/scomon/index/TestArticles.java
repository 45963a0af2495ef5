package io.scomon.index;

import io.scomon.schemas.Alert;
import io.scomon.schemas.Article;
import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.Entity;
import io.scomon.schemas.EntityType;
import io.scomon.schemas.Evidence;
import io.scomon.schemas.SourceType;
import io.scomon.schemas.TopicTag;
import io.scomon.schemas.id.ArticleIds;
import java.time.Instant;
import java.util.List;

/** Realistic enriched articles and alerts for tests. */
public final class TestArticles {

  private TestArticles() {}

  /** The SCO Secretariat story about the Afghanistan contact group, as enrich-service would emit it. */
  public static EnrichedArticle contactGroup() {
    String url = "https://eng.sectsco.org/news/20250604/contact-group.html";
    Article article = Article.newBuilder()
        .setId(ArticleIds.ofUrl(url)).setCanonicalUrl(url).setUrl(url + "?utm_source=rss")
        .setSourceId("sco-secretariat").setSourceType(SourceType.NEWS).setSiteName("SCO Secretariat")
        .setTitle("SCO-Afghanistan Contact Group discusses drug trafficking")
        .setBody("Participants in Bishkek stressed the threat of terrorism and opium trafficking from Afghanistan.")
        .setAuthors(List.of("Press Service"))
        .setPublishedAt(Instant.parse("2025-06-04T09:00:00Z"))
        .setFetchedAt(Instant.parse("2025-06-04T09:05:00Z"))
        .setLanguageHint("en").setContentHash("c0ffee")
        .build();
    return EnrichedArticle.newBuilder()
        .setArticle(article)
        .setLanguage("en")
        .setTopics(List.of(
            TopicTag.newBuilder().setName("narcotics").setScore(0.82).setEvidence(List.of(
                Evidence.newBuilder().setTerm("opium").setCount(1).setField("body").setWeight(2.0).build(),
                Evidence.newBuilder().setTerm("drug trafficking").setCount(1).setField("title").setWeight(3.0).build()))
                .build(),
            TopicTag.newBuilder().setName("afghanistan").setScore(0.9).setEvidence(List.of(
                Evidence.newBuilder().setTerm("Afghanistan").setCount(2).setField("body").setWeight(1.0).build()))
                .build()))
        .setEntities(List.of(
            entity(EntityType.COUNTRY, "AF", "Afghanistan", null, null, null),
            entity(EntityType.PLACE, "bishkek", "Bishkek", "KG", 42.87, 74.59),
            entity(EntityType.ORGANIZATION, "sco", "Shanghai Cooperation Organisation", null, null, null),
            entity(EntityType.PERSON, "nurlan-yermekbayev", "Nurlan Yermekbayev", null, null, null)))
        .setFingerprint(0x5ca1ab1e_0ddba11L)
        .setStoryId(article.getId())
        .setDuplicateOf(null)
        .setTaxonomyVersion("2025.06")
        .setEnrichedAt(Instant.parse("2025-06-04T09:05:02Z"))
        .build();
  }

  /** A minimal article with the given URL, publish date (may be null), fetch and enrich instants. */
  public static EnrichedArticle article(String url, Instant publishedAt, Instant fetchedAt, Instant enrichedAt,
      String sourceId, String title) {
    Article article = Article.newBuilder()
        .setId(ArticleIds.ofUrl(url)).setCanonicalUrl(url).setUrl(url)
        .setSourceId(sourceId).setSourceType(SourceType.NEWS).setSiteName(null)
        .setTitle(title)
        .setBody(title + ". The Shanghai Cooperation Organisation met in Astana to discuss regional security, "
            + "trade corridors and the situation in Afghanistan.")
        .setAuthors(List.of())
        .setPublishedAt(publishedAt).setFetchedAt(fetchedAt)
        .setLanguageHint(null).setContentHash(Integer.toHexString(title.hashCode()))
        .build();
    return EnrichedArticle.newBuilder()
        .setArticle(article).setLanguage("en")
        .setTopics(List.of(TopicTag.newBuilder().setName("security").setScore(0.5).setEvidence(List.of()).build()))
        .setEntities(List.of(entity(EntityType.PLACE, "astana", "Astana", "KZ", 51.17, 71.45)))
        .setFingerprint(url.hashCode()).setStoryId(article.getId()).setDuplicateOf(null)
        .setTaxonomyVersion("test").setEnrichedAt(enrichedAt)
        .build();
  }

  public static Alert alert(EnrichedArticle enriched, String subscriptionId) {
    Article a = enriched.getArticle();
    return Alert.newBuilder()
        .setId(subscriptionId + ":" + a.getId())
        .setSubscriptionId(subscriptionId).setSubscriptionName("Narcotics in Central Asia").setOwner("analyst@example.org")
        .setArticleId(a.getId()).setStoryId(enriched.getStoryId()).setTitle(a.getTitle()).setUrl(a.getCanonicalUrl())
        .setSourceId(a.getSourceId()).setLanguage(enriched.getLanguage()).setTopics(List.of("narcotics"))
        .setPublishedAt(a.getPublishedAt()).setMatchedAt(Instant.parse("2025-06-04T09:05:03Z"))
        .setMatchedTerms(List.of("opium")).setSnippet("the threat of terrorism and **opium** trafficking")
        .build();
  }

  public static Entity entity(EntityType type, String id, String name, String countryCode, Double lat, Double lon) {
    return Entity.newBuilder().setType(type).setId(id).setName(name).setCountryCode(countryCode)
        .setLat(lat).setLon(lon).setMentions(1).build();
  }
}
