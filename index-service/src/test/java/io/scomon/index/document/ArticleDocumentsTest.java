package io.scomon.index.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scomon.index.TestArticles;
import io.scomon.index.admin.ClusterCapabilities;
import io.scomon.index.admin.IndexTemplates;
import io.scomon.index.config.IndexConfig;
import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.EntityType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ArticleDocumentsTest {

  private static final Instant INGESTED = Instant.parse("2025-06-04T09:05:04Z");
  private final ObjectMapper mapper = new ObjectMapper();
  private final ArticleDocuments documents = new ArticleDocuments(mapper);

  @Test
  void timestampsAreEcsPublishedFetchedAndIndexed() {
    JsonNode doc = documents.toJson(TestArticles.contactGroup(), INGESTED);

    assertThat(doc.get("@timestamp").asText()).isEqualTo("2025-06-04T09:00:00Z");
    assertThat(doc.at("/event/created").asText()).isEqualTo("2025-06-04T09:05:00Z");
    assertThat(doc.at("/event/ingested").asText()).isEqualTo("2025-06-04T09:05:04Z");
    assertThat(doc.at("/scomon/published_at").asText()).isEqualTo("2025-06-04T09:00:00Z");
    assertThat(doc.at("/scomon/date_source").asText()).isEqualTo("published");
  }

  @Test
  void urlFieldsGiveTheCanonicalUrlItsDomainAndTheFetchedUrl() {
    JsonNode doc = documents.toJson(TestArticles.contactGroup(), INGESTED);

    assertThat(doc.at("/url/full").asText()).isEqualTo("https://eng.sectsco.org/news/20250604/contact-group.html");
    assertThat(doc.at("/url/domain").asText()).isEqualTo("eng.sectsco.org");
    assertThat(doc.at("/url/path").asText()).isEqualTo("/news/20250604/contact-group.html");
    assertThat(doc.at("/url/original").asText())
        .isEqualTo("https://eng.sectsco.org/news/20250604/contact-group.html?utm_source=rss");
  }

  @Test
  void topicsAreKeywordsWithScoresAndEvidenceAlongside() {
    JsonNode doc = documents.toJson(TestArticles.contactGroup(), INGESTED);

    assertThat(texts(doc.at("/scomon/topics"))).containsExactly("narcotics", "afghanistan");
    JsonNode narcotics = doc.at("/scomon/topic_tags/0");
    assertThat(narcotics.get("name").asText()).isEqualTo("narcotics");
    assertThat(narcotics.get("score").asDouble()).isEqualTo(0.82);
    assertThat(narcotics.at("/evidence/1/term").asText()).isEqualTo("drug trafficking");
    assertThat(narcotics.at("/evidence/1/field").asText()).isEqualTo("title");
    assertThat(narcotics.at("/evidence/1/weight").asDouble()).isEqualTo(3.0);
  }

  @Test
  void entitiesAreCountryCodesPlacesWithPointsOrganisationsAndPeople() {
    JsonNode entities = documents.toJson(TestArticles.contactGroup(), INGESTED).at("/scomon/entities");

    assertThat(texts(entities.get("countries"))).containsExactly("AF", "KG");
    assertThat(texts(entities.get("places"))).containsExactly("Bishkek");
    assertThat(entities.at("/place_locations/0/lat").asDouble()).isEqualTo(42.87);
    assertThat(entities.at("/place_locations/0/lon").asDouble()).isEqualTo(74.59);
    assertThat(texts(entities.get("organizations"))).containsExactly("Shanghai Cooperation Organisation");
    assertThat(texts(entities.get("people"))).containsExactly("Nurlan Yermekbayev");
    assertThat(texts(entities.get("names"))).containsExactly("Afghanistan", "Bishkek",
        "Shanghai Cooperation Organisation", "Nurlan Yermekbayev");
  }

  @Test
  void aPlaceWithImpossibleCoordinatesKeepsItsNameButNoPoint() {
    EnrichedArticle enriched = TestArticles.contactGroup();
    enriched.setEntities(List.of(TestArticles.entity(EntityType.PLACE, "x", "Nowhere", "KZ", 123.0, 74.0)));

    JsonNode entities = documents.toJson(enriched, INGESTED).at("/scomon/entities");

    assertThat(texts(entities.get("places"))).containsExactly("Nowhere");
    assertThat(entities.get("place_locations")).isEmpty();
  }

  @Test
  void sourceLanguageStoryAndDuplicateIdsAreKeywords() {
    EnrichedArticle enriched = TestArticles.contactGroup();
    enriched.setDuplicateOf("0123456789abcdef0123456789abcdef");
    enriched.setStoryId("0123456789abcdef0123456789abcdef");

    JsonNode scomon = documents.toJson(enriched, INGESTED).get("scomon");

    assertThat(scomon.at("/source/id").asText()).isEqualTo("sco-secretariat");
    assertThat(scomon.at("/source/type").asText()).isEqualTo("news");
    assertThat(scomon.at("/source/name").asText()).isEqualTo("SCO Secretariat");
    assertThat(scomon.get("language").asText()).isEqualTo("en");
    assertThat(scomon.get("story_id").asText()).isEqualTo("0123456789abcdef0123456789abcdef");
    assertThat(scomon.get("duplicate_of").asText()).isEqualTo("0123456789abcdef0123456789abcdef");
    assertThat(scomon.get("is_duplicate").asBoolean()).isTrue();
    assertThat(scomon.get("article_id").asText()).isEqualTo(enriched.getArticle().getId());
  }

  @Test
  void anArticleWithoutPublishDateIsFiledUnderItsFetchMonth() {
    EnrichedArticle enriched = TestArticles.article("https://www.dawn.com/news/1", null,
        Instant.parse("2025-07-01T00:30:00Z"), Instant.parse("2025-07-01T00:30:05Z"), "dawn", "SCO summit opens");

    IndexDocument document = documents.document(enriched, INGESTED);
    JsonNode json = documents.toJson(enriched, INGESTED);

    assertThat(document.index()).isEqualTo("scomon-articles-2025.07");
    assertThat(json.get("@timestamp").asText()).isEqualTo("2025-07-01T00:30:00Z");
    assertThat(json.at("/scomon/date_source").asText()).isEqualTo("fetched");
    assertThat(json.at("/scomon/published_at").isMissingNode()).isTrue();
  }

  @Test
  void theDocumentIsVersionedByTheEnrichmentInstantAndKeyedByArticleId() {
    EnrichedArticle enriched = TestArticles.contactGroup();

    IndexDocument document = documents.document(enriched, INGESTED);

    assertThat(document.id()).isEqualTo(enriched.getArticle().getId());
    assertThat(document.version()).isEqualTo(Instant.parse("2025-06-04T09:05:02Z").toEpochMilli());
    assertThat(document.index()).isEqualTo("scomon-articles-2025.06");
  }

  @Test
  void everyFieldOfTheDocumentIsMappedByTheStrictTemplate() throws Exception {
    EnrichedArticle enriched = TestArticles.contactGroup();
    enriched.getArticle().setForum(io.scomon.schemas.ForumPost.newBuilder().setThreadUrl("https://forum.example/t/1")
        .setThreadTitle("SCO").setPostId("7").setPostNumber(3).setPostUrl("https://forum.example/t/1#p7").build());
    enriched.setDuplicateOf("x");
    ObjectNode template = new IndexTemplates(mapper).articles(ClusterCapabilities.MINIMAL, new IndexConfig.Layout(1, 0));
    Map<String, String> mapped = IndexTemplates.fieldTypes(template);

    Set<String> produced = leafPaths(mapper.readTree(documents.document(enriched, INGESTED).source()));

    assertThat(produced).isNotEmpty().allSatisfy(path -> assertThat(mapped).containsKey(path));
    assertThat(mapped.get("scomon.entities.place_locations")).isEqualTo("geo_point");
    assertThat(mapped.get("scomon.topic_tags")).isEqualTo("nested");
  }

  static Set<String> leafPaths(JsonNode node) {
    Set<String> paths = new TreeSet<>();
    collect(node, "", paths);
    return paths;
  }

  private static void collect(JsonNode node, String path, Set<String> paths) {
    if (node.isArray()) {
      node.forEach(element -> collect(element, path, paths));
      return;
    }
    if (node.isObject() && !(node.has("lat") && node.has("lon") && node.size() == 2)) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), paths);
      }
      return;
    }
    paths.add(path);
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
