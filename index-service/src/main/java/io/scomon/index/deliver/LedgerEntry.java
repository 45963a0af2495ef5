package io.scomon.index.deliver;

import io.scomon.index.sink.SourceRecord;
import io.scomon.schemas.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One document of the delivery ledger: where one alert stands on one channel. {@code _id} is
 * {@code alertId:channel}. It keeps the alert (for digests and for the dead letter of a digest that
 * fails) and the alert's Kafka origin with its bytes.
 *
 * @param digest true when the alert waits for its subscription's digest rather than going out at once
 * @param digestId the digest that lists it, once claimed by one (stable, so a re-sent digest keeps its
 *     idempotency key)
 */
record LedgerEntry(Alert alert, Channel channel, boolean digest, DeliveryStatus status, int attempts,
    String lastError, Instant recordedAt, Instant updatedAt, Instant deliveredAt, String digestId,
    SourceRecord source) {

  /** A fresh entry: nothing attempted yet. */
  static LedgerEntry pending(Alert alert, Channel channel, boolean digest, SourceRecord source, Instant now) {
    return new LedgerEntry(alert, channel, digest, DeliveryStatus.PENDING, 0, null, now, now, null, null, source);
  }

  static String id(String alertId, Channel channel) {
    return alertId + ":" + channel.id();
  }

  String id() {
    return id(alert.getId(), channel);
  }

  String subscriptionId() {
    return alert.getSubscriptionId();
  }

  /** An attempt failed and another will follow. */
  LedgerEntry attempted(int attempts, String error, Instant now) {
    return new LedgerEntry(alert, channel, digest, DeliveryStatus.PENDING, attempts, error, recordedAt, now, null,
        digestId, source);
  }

  LedgerEntry delivered(int attempts, Instant now) {
    return new LedgerEntry(alert, channel, digest, DeliveryStatus.DELIVERED, attempts, lastError, recordedAt, now, now,
        digestId, source);
  }

  LedgerEntry failed(int attempts, String error, Instant now) {
    return new LedgerEntry(alert, channel, digest, DeliveryStatus.FAILED, attempts, error, recordedAt, now, null,
        digestId, source);
  }

  LedgerEntry skipped(String reason, Instant now) {
    return new LedgerEntry(alert, channel, digest, DeliveryStatus.SKIPPED, attempts, "skipped: " + reason, recordedAt,
        now, null, digestId, source);
  }

  /** Listed in a digest about to be sent. */
  LedgerEntry claimed(String digest, Instant now) {
    return new LedgerEntry(alert, channel, this.digest, status, attempts, lastError, recordedAt, now, deliveredAt,
        digest, source);
  }

  Map<String, Object> toDocument() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("alertId", alert.getId());
    doc.put("channel", channel.id());
    doc.put("subscriptionId", alert.getSubscriptionId());
    doc.put("mode", digest ? "digest" : "instant");
    doc.put("status", status.id());
    doc.put("attempts", attempts);
    doc.put("lastError", lastError);
    doc.put("recordedAt", text(recordedAt));
    doc.put("updatedAt", text(updatedAt));
    doc.put("deliveredAt", text(deliveredAt));
    doc.put("digestId", digestId);
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("id", alert.getId());
    a.put("subscriptionName", alert.getSubscriptionName());
    a.put("owner", alert.getOwner());
    a.put("articleId", alert.getArticleId());
    a.put("storyId", alert.getStoryId());
    a.put("title", alert.getTitle());
    a.put("url", alert.getUrl());
    a.put("source", alert.getSourceId());
    a.put("language", alert.getLanguage());
    a.put("topics", List.copyOf(alert.getTopics()));
    a.put("publishedAt", text(alert.getPublishedAt()));
    a.put("matchedAt", text(alert.getMatchedAt()));
    a.put("matchedTerms", List.copyOf(alert.getMatchedTerms()));
    a.put("snippet", alert.getSnippet());
    doc.put("alert", a);
    if (source != null) {
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("topic", source.topic());
      k.put("partition", source.partition());
      k.put("offset", source.offset());
      k.put("key", source.key() == null ? null : Base64.getEncoder().encodeToString(source.key()));
      k.put("value", source.value() == null ? null : Base64.getEncoder().encodeToString(source.value()));
      doc.put("kafka", k);
    }
    return doc;
  }

  @SuppressWarnings("unchecked")
  static LedgerEntry fromDocument(Map<String, Object> doc) {
    Map<String, Object> a = (Map<String, Object>) doc.get("alert");
    Alert alert = Alert.newBuilder()
        .setId((String) a.get("id"))
        .setSubscriptionId((String) doc.get("subscriptionId"))
        .setSubscriptionName((String) a.get("subscriptionName"))
        .setOwner((String) a.get("owner"))
        .setArticleId((String) a.get("articleId"))
        .setStoryId((String) a.get("storyId"))
        .setTitle((String) a.get("title"))
        .setUrl((String) a.get("url"))
        .setSourceId((String) a.get("source"))
        .setLanguage((String) a.get("language"))
        .setTopics(strings(a.get("topics")))
        .setPublishedAt(instant(a.get("publishedAt")))
        .setMatchedAt(instant(a.get("matchedAt")))
        .setMatchedTerms(strings(a.get("matchedTerms")))
        .setSnippet((String) a.get("snippet"))
        .build();
    SourceRecord source = null;
    Map<String, Object> k = (Map<String, Object>) doc.get("kafka");
    if (k != null) {
      source = new SourceRecord((String) k.get("topic"), ((Number) k.get("partition")).intValue(),
          ((Number) k.get("offset")).longValue(), bytes(k.get("key")), bytes(k.get("value")));
    }
    return new LedgerEntry(alert, Channel.of((String) doc.get("channel")), "digest".equals(doc.get("mode")),
        DeliveryStatus.of((String) doc.get("status")), ((Number) doc.get("attempts")).intValue(),
        (String) doc.get("lastError"), instant(doc.get("recordedAt")), instant(doc.get("updatedAt")),
        instant(doc.get("deliveredAt")), (String) doc.get("digestId"), source);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static Instant instant(Object value) {
    return value == null ? null : Instant.parse((String) value);
  }

  private static List<String> strings(Object value) {
    List<String> list = new ArrayList<>();
    if (value instanceof List<?> items) {
      items.forEach(i -> list.add(String.valueOf(i)));
    }
    return list;
  }

  private static byte[] bytes(Object value) {
    return value == null ? null : Base64.getDecoder().decode((String) value);
  }
}
