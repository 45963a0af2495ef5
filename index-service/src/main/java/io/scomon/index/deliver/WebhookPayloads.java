package io.scomon.index.deliver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scomon.schemas.Alert;
import java.util.List;

/**
 * The JSON bodies POSTed to webhooks. An instant alert:
 * <pre>{"type":"alert","id":"sub-1:4f2a…","subscriptionId":"sub-1","subscriptionName":"Narcotics",
 *  "articleId":"4f2a…","title":"…","url":"https://…","source":"sco-secretariat","language":"en",
 *  "topics":["narcotics"],"publishedAt":"2025-06-04T09:00:00Z","matchedAt":"…",
 *  "matchedTerms":["opium"],"snippet":"… **opium** trafficking"}</pre>
 * A digest: {@code {"type":"digest","id":<digest id>,"subscriptionId","subscriptionName","alerts":[<alert>…]}}.
 */
final class WebhookPayloads {

  private final ObjectMapper mapper;

  WebhookPayloads(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  byte[] alert(Alert alert) {
    ObjectNode root = mapper.createObjectNode();
    root.put("type", "alert");
    fill(root, alert);
    return bytes(root);
  }

  byte[] digest(String digestId, String subscriptionId, String subscriptionName, List<Alert> alerts) {
    ObjectNode root = mapper.createObjectNode();
    root.put("type", "digest");
    root.put("id", digestId);
    root.put("subscriptionId", subscriptionId);
    root.put("subscriptionName", subscriptionName);
    ArrayNode list = root.putArray("alerts");
    alerts.forEach(a -> fill(list.addObject(), a));
    return bytes(root);
  }

  private static void fill(ObjectNode node, Alert alert) {
    node.put("id", alert.getId());
    node.put("subscriptionId", alert.getSubscriptionId());
    node.put("subscriptionName", alert.getSubscriptionName());
    node.put("articleId", alert.getArticleId());
    node.put("storyId", alert.getStoryId());
    node.put("title", alert.getTitle());
    node.put("url", alert.getUrl());
    node.put("source", alert.getSourceId());
    node.put("language", alert.getLanguage());
    alert.getTopics().forEach(node.putArray("topics")::add);
    node.put("publishedAt", alert.getPublishedAt() == null ? null : alert.getPublishedAt().toString());
    node.put("matchedAt", alert.getMatchedAt().toString());
    alert.getMatchedTerms().forEach(node.putArray("matchedTerms")::add);
    node.put("snippet", alert.getSnippet());
  }

  private byte[] bytes(ObjectNode node) {
    try {
      return mapper.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }
}
