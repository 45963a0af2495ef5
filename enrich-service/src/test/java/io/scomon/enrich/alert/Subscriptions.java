package io.scomon.enrich.alert;

import io.scomon.schemas.Delivery;
import io.scomon.schemas.DeliveryMode;
import io.scomon.schemas.Subscription;
import io.scomon.schemas.SubscriptionFilters;
import java.time.Instant;
import java.util.List;

/** Test subscriptions. */
public final class Subscriptions {

  private Subscriptions() {}

  public static Subscription.Builder subscription(String id, String query) {
    return Subscription.newBuilder()
        .setId(id).setOwner("analyst@example.org").setName("watch " + id).setQuery(query)
        .setFilters(SubscriptionFilters.newBuilder().setTopics(List.of()).setLanguages(List.of()).setCountries(List.of())
            .setSourceIds(List.of()).setSourceTypes(List.of()).build())
        .setDelivery(Delivery.newBuilder().setWebhookUrl("http://127.0.0.1:9/hook")
            .setWebhookSecret("0123456789abcdef0123").setEmail("analyst@example.org").build())
        .setMode(DeliveryMode.INSTANT).setDigestMinutes(0).setMaxAlertsPerHour(60).setActive(true)
        .setCreatedAt(Instant.parse("2026-01-01T00:00:00Z")).setUpdatedAt(Instant.parse("2026-01-01T00:00:00Z"));
  }
}
