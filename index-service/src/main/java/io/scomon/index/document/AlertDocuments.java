package io.scomon.index.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scomon.schemas.Alert;
import java.time.Instant;

/** Maps an {@link Alert} to its document in {@code scomon-alerts}; the field list matches {@code alerts-template.json}. */
public final class AlertDocuments {

  private final ObjectMapper mapper;

  public AlertDocuments(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Alerts never change: the match instant is the version, so a replay is a no-op. */
  public static long version(Alert alert) {
    return alert.getMatchedAt().toEpochMilli();
  }

  public IndexDocument document(Alert alert, Instant ingestedAt) {
    return new IndexDocument(IndexDocument.Kind.ALERT, IndexNames.ALERTS, alert.getId(), version(alert),
        JsonDocuments.bytes(mapper, toJson(alert, ingestedAt)));
  }

  public ObjectNode toJson(Alert alert, Instant ingestedAt) {
    ObjectNode root = mapper.createObjectNode();
    JsonDocuments.putDate(root, "@timestamp", alert.getMatchedAt());
    ObjectNode event = root.putObject("event");
    event.put("kind", "alert");
    event.put("dataset", "scomon.alerts");
    JsonDocuments.putDate(event, "created", alert.getMatchedAt());
    JsonDocuments.putDate(event, "ingested", ingestedAt);
    JsonDocuments.url(root, alert.getUrl());

    ObjectNode scomon = root.putObject("scomon");
    ObjectNode a = scomon.putObject("alert");
    a.put("id", alert.getId());
    JsonDocuments.strings(a, "matched_terms", alert.getMatchedTerms());
    a.put("snippet", alert.getSnippet());
    ObjectNode subscription = scomon.putObject("subscription");
    subscription.put("id", alert.getSubscriptionId());
    subscription.put("name", alert.getSubscriptionName());
    subscription.put("owner", alert.getOwner());
    scomon.put("article_id", alert.getArticleId());
    scomon.put("story_id", alert.getStoryId());
    scomon.put("title", alert.getTitle());
    scomon.putObject("source").put("id", alert.getSourceId());
    scomon.put("language", alert.getLanguage());
    JsonDocuments.strings(scomon, "topics", alert.getTopics());
    JsonDocuments.putDate(scomon, "published_at", alert.getPublishedAt());
    return root;
  }
}
