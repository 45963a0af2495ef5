package io.scomon.enrich.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.scomon.schemas.Delivery;
import io.scomon.schemas.DeliveryMode;
import io.scomon.schemas.SourceType;
import io.scomon.schemas.Subscription;
import io.scomon.schemas.SubscriptionFilters;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The JSON shape of a subscription in the API. Unknown fields are refused; the secret is never shown. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubscriptionJson(
    String id,
    String owner,
    String name,
    String query,
    Filters filters,
    DeliveryJson delivery,
    String mode,
    Integer digestMinutes,
    Integer maxAlertsPerHour,
    Boolean active,
    Instant createdAt,
    Instant updatedAt) {

  record Filters(List<String> topics, List<String> languages, List<String> countries, List<String> sourceIds,
      List<String> sourceTypes) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DeliveryJson(String webhookUrl, String webhookSecret, String email) {}

  static final String MASK = "********";

  /** The subscription this request describes; {@code id}, times and defaults come from the caller. */
  Subscription toSubscription(String id, Instant createdAt, Instant now) {
    Filters f = filters == null ? new Filters(null, null, null, null, null) : filters;
    DeliveryJson d = delivery == null ? new DeliveryJson(null, null, null) : delivery;
    return Subscription.newBuilder()
        .setId(id)
        .setOwner(nullToEmpty(owner))
        .setName(nullToEmpty(name))
        .setQuery(nullToEmpty(query))
        .setFilters(SubscriptionFilters.newBuilder()
            .setTopics(list(f.topics()))
            .setLanguages(list(f.languages()).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList())
            .setCountries(list(f.countries()).stream().map(s -> s.toUpperCase(Locale.ROOT)).toList())
            .setSourceIds(list(f.sourceIds()))
            .setSourceTypes(list(f.sourceTypes()).stream().map(SubscriptionJson::sourceType).toList())
            .build())
        .setDelivery(Delivery.newBuilder().setWebhookUrl(d.webhookUrl()).setWebhookSecret(d.webhookSecret())
            .setEmail(d.email()).build())
        .setMode(mode == null ? DeliveryMode.INSTANT : enumValue(DeliveryMode.class, mode, "mode"))
        .setDigestMinutes(digestMinutes == null ? 0 : digestMinutes)
        .setMaxAlertsPerHour(maxAlertsPerHour == null ? 60 : maxAlertsPerHour)
        .setActive(active == null || active)
        .setCreatedAt(createdAt)
        .setUpdatedAt(now)
        .build();
  }

  static SubscriptionJson of(Subscription s) {
    SubscriptionFilters f = s.getFilters();
    Delivery d = s.getDelivery();
    return new SubscriptionJson(s.getId(), s.getOwner(), s.getName(), s.getQuery(),
        new Filters(f.getTopics(), f.getLanguages(), f.getCountries(), f.getSourceIds(),
            f.getSourceTypes().stream().map(t -> t.name().toLowerCase(Locale.ROOT)).toList()),
        new DeliveryJson(d.getWebhookUrl(), d.getWebhookSecret() == null ? null : MASK, d.getEmail()),
        s.getMode().name().toLowerCase(Locale.ROOT), s.getDigestMinutes(), s.getMaxAlertsPerHour(), s.getActive(),
        s.getCreatedAt(), s.getUpdatedAt());
  }

  private static SourceType sourceType(String text) {
    return enumValue(SourceType.class, text, "filters.sourceTypes");
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field) {
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
      throw new io.scomon.enrich.alert.InvalidSubscriptionException(field, "'" + text + "' is not one of " + allowed);
    }
  }

  private static List<String> list(List<String> values) {
    return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s.strip();
  }
}
