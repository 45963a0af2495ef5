package io.scomon.index.deliver;

import io.scomon.schemas.Alert;
import io.scomon.schemas.Delivery;
import io.scomon.schemas.DeliveryMode;
import io.scomon.schemas.Subscription;
import io.scomon.schemas.SubscriptionFilters;
import io.scomon.schemas.id.ArticleIds;
import java.time.Instant;
import java.util.List;

/** Realistic alerts and subscriptions for the delivery tests. */
final class Alerts {

  static final String SECRET = "s3cret-of-at-least-16-chars";

  private Alerts() {}

  static Alert alert(String subscriptionId, String url, String title) {
    String articleId = ArticleIds.ofUrl(url);
    return Alert.newBuilder()
        .setId(subscriptionId + ":" + articleId)
        .setSubscriptionId(subscriptionId).setSubscriptionName("Narcotics in Central Asia")
        .setOwner("analyst@example.org")
        .setArticleId(articleId).setStoryId(articleId).setTitle(title).setUrl(url)
        .setSourceId("sco-secretariat").setLanguage("en").setTopics(List.of("narcotics", "afghanistan"))
        .setPublishedAt(Instant.parse("2025-06-04T09:00:00Z")).setMatchedAt(Instant.parse("2025-06-04T09:05:03Z"))
        .setMatchedTerms(List.of("opium", "trafficking"))
        .setSnippet("stressed the threat of terrorism and **opium** **trafficking** from Afghanistan")
        .build();
  }

  static Alert contactGroup(String subscriptionId) {
    return alert(subscriptionId, "https://eng.sectsco.org/news/20250604/contact-group.html",
        "SCO-Afghanistan Contact Group discusses drug trafficking");
  }

  static Subscription subscription(String id, String webhookUrl, String email, DeliveryMode mode, int digestMinutes) {
    return Subscription.newBuilder()
        .setId(id).setOwner("analyst@example.org").setName("Narcotics in Central Asia " + id)
        .setQuery("opium OR heroin")
        .setFilters(SubscriptionFilters.newBuilder().build())
        .setDelivery(Delivery.newBuilder().setWebhookUrl(webhookUrl).setWebhookSecret(webhookUrl == null ? null : SECRET)
            .setEmail(email).build())
        .setMode(mode).setDigestMinutes(digestMinutes)
        .setCreatedAt(Instant.parse("2025-06-01T00:00:00Z")).setUpdatedAt(Instant.parse("2025-06-01T00:00:00Z"))
        .build();
  }
}
