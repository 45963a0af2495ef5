package io.scomon.index.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scomon.schemas.Article;
import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.Entity;
import io.scomon.schemas.Evidence;
import io.scomon.schemas.ForumPost;
import io.scomon.schemas.TopicTag;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Maps an {@link EnrichedArticle} to the Elasticsearch document a Kibana user sees: ECS names
 * ({@code @timestamp} = published, {@code event.created} = fetched, {@code event.ingested} = indexed,
 * {@code url.*}) and the {@code scomon.*} namespace. Pure; the field list matches
 * {@code articles-template.json}.
 */
public final class ArticleDocuments {

  private final ObjectMapper mapper;

  public ArticleDocuments(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The external version of an article's document: when enrich-service produced this copy. Every
   * newer copy of an article is enriched later, and a replayed record carries the same instant, so a
   * replay or an older copy is refused by Elasticsearch with a version conflict.
   */
  public static long version(EnrichedArticle enriched) {
    return enriched.getEnrichedAt().toEpochMilli();
  }

  /** The document to write, in the month the article is filed under. */
  public IndexDocument document(EnrichedArticle enriched, Instant ingestedAt) {
    Article article = enriched.getArticle();
    return new IndexDocument(IndexDocument.Kind.ARTICLE, IndexNames.monthlyArticles(article), article.getId(),
        version(enriched), JsonDocuments.bytes(mapper, toJson(enriched, ingestedAt)));
  }

  /** The document as a JSON tree. */
  public ObjectNode toJson(EnrichedArticle enriched, Instant ingestedAt) {
    Article article = enriched.getArticle();
    ObjectNode root = mapper.createObjectNode();
    JsonDocuments.putDate(root, "@timestamp", IndexNames.filingTime(article));

    ObjectNode event = root.putObject("event");
    event.put("kind", "event");
    event.put("dataset", "scomon.articles");
    JsonDocuments.putDate(event, "created", article.getFetchedAt());
    JsonDocuments.putDate(event, "ingested", ingestedAt);

    ObjectNode url = JsonDocuments.url(root, article.getCanonicalUrl());
    if (!article.getUrl().equals(article.getCanonicalUrl())) {
      url.put("original", article.getUrl());
    }

    ObjectNode scomon = root.putObject("scomon");
    scomon.put("article_id", article.getId());
    scomon.put("title", article.getTitle());
    scomon.put("body", article.getBody());
    JsonDocuments.strings(scomon, "authors", article.getAuthors());
    scomon.put("language", enriched.getLanguage());
    JsonDocuments.putDate(scomon, "published_at", article.getPublishedAt());
    scomon.put("date_source", article.getPublishedAt() != null ? "published" : "fetched");
    JsonDocuments.putDate(scomon, "enriched_at", enriched.getEnrichedAt());

    ObjectNode source = scomon.putObject("source");
    source.put("id", article.getSourceId());
    source.put("type", article.getSourceType().name().toLowerCase(Locale.ROOT));
    JsonDocuments.putIfNotNull(source, "name", article.getSiteName());

    putTopics(scomon, enriched);
    putEntities(scomon, enriched);

    scomon.put("story_id", enriched.getStoryId());
    boolean duplicate = enriched.getDuplicateOf() != null && !enriched.getDuplicateOf().equals(article.getId());
    if (duplicate) {
      scomon.put("duplicate_of", enriched.getDuplicateOf());
    }
    scomon.put("is_duplicate", duplicate);
    scomon.put("fingerprint", enriched.getFingerprint());
    scomon.put("content_hash", article.getContentHash());
    scomon.put("taxonomy_version", enriched.getTaxonomyVersion());
    JsonDocuments.putIfNotNull(scomon, "language_hint", article.getLanguageHint());

    ForumPost forum = article.getForum();
    if (forum != null) {
      ObjectNode f = scomon.putObject("forum");
      f.put("thread_url", forum.getThreadUrl());
      f.put("thread_title", forum.getThreadTitle());
      f.put("post_id", forum.getPostId());
      if (forum.getPostNumber() != null) {
        f.put("post_number", forum.getPostNumber());
      }
      JsonDocuments.putIfNotNull(f, "post_url", forum.getPostUrl());
    }
    return root;
  }

  private static void putTopics(ObjectNode scomon, EnrichedArticle enriched) {
    Set<String> names = new LinkedHashSet<>();
    ArrayNode tags = scomon.putArray("topic_tags");
    for (TopicTag tag : enriched.getTopics()) {
      names.add(tag.getName());
      ObjectNode t = tags.addObject();
      t.put("name", tag.getName());
      t.put("score", tag.getScore());
      ArrayNode evidence = t.putArray("evidence");
      for (Evidence e : tag.getEvidence()) {
        ObjectNode ev = evidence.addObject();
        ev.put("term", e.getTerm());
        ev.put("count", e.getCount());
        ev.put("field", e.getField());
        ev.put("weight", e.getWeight());
      }
    }
    JsonDocuments.strings(scomon, "topics", names);
  }

  /**
   * Entities as flat fields a dashboard can aggregate: country ISO codes (named countries and the
   * countries of named places), places with their coordinates, organisations, people, and every name.
   */
  private static void putEntities(ObjectNode scomon, EnrichedArticle enriched) {
    Set<String> countries = new LinkedHashSet<>();
    Set<String> places = new LinkedHashSet<>();
    Set<String> organizations = new LinkedHashSet<>();
    Set<String> people = new LinkedHashSet<>();
    Set<String> names = new LinkedHashSet<>();
    ObjectNode entities = scomon.putObject("entities");
    ArrayNode locations = entities.putArray("place_locations");
    Set<String> seenLocations = new LinkedHashSet<>();
    for (Entity entity : enriched.getEntities()) {
      names.add(entity.getName());
      switch (entity.getType()) {
        case COUNTRY -> countries.add(entity.getId().toUpperCase(Locale.ROOT));
        case PLACE -> {
          places.add(entity.getName());
          if (entity.getCountryCode() != null) {
            countries.add(entity.getCountryCode().toUpperCase(Locale.ROOT));
          }
          if (validCoordinates(entity.getLat(), entity.getLon()) && seenLocations.add(entity.getLat() + "," + entity.getLon())) {
            ObjectNode point = locations.addObject();
            point.put("lat", entity.getLat());
            point.put("lon", entity.getLon());
          }
        }
        case ORGANIZATION -> organizations.add(entity.getName());
        case PERSON -> people.add(entity.getName());
        default -> { /* OTHER: only in names */ }
      }
    }
    JsonDocuments.strings(entities, "countries", countries);
    JsonDocuments.strings(entities, "places", places);
    JsonDocuments.strings(entities, "organizations", organizations);
    JsonDocuments.strings(entities, "people", people);
    JsonDocuments.strings(entities, "names", names);
  }

  /** Coordinates a geo_point accepts; a gazetteer slip (lat 200) must not cost the whole article. */
  static boolean validCoordinates(Double lat, Double lon) {
    return lat != null && lon != null && !lat.isNaN() && !lon.isNaN()
        && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
  }
}
