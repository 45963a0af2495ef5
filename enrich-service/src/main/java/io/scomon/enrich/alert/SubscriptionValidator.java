package io.scomon.enrich.alert;

import io.scomon.schemas.DeliveryMode;
import io.scomon.schemas.Subscription;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a whole subscription before it is stored: the query (see {@link SubscriptionQueryParser}),
 * the filters against the taxonomy, and the delivery. Throws {@link InvalidSubscriptionException}
 * naming the first field that is wrong.
 */
public final class SubscriptionValidator {

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final SubscriptionQueryParser parser;
  private final Set<String> topics;

  /** @param topics the names of the taxonomy's topics, which topic filters may name */
  public SubscriptionValidator(SubscriptionQueryParser parser, Set<String> topics) {
    this.parser = parser;
    this.topics = Set.copyOf(topics);
  }

  public void validate(Subscription s) {
    require(ID.matcher(s.getId()).matches(), "id", "use 1 to 100 letters, digits, '.', '_' or '-'");
    require(!s.getOwner().isBlank(), "owner", "is required");
    require(!s.getName().isBlank(), "name", "is required");
    parser.parse(s.getQuery());
    for (String topic : s.getFilters().getTopics()) {
      require(topics.contains(topic), "filters.topics", "unknown topic '" + topic + "'; known: " + sorted(topics));
    }
    for (String language : s.getFilters().getLanguages()) {
      require(LANGUAGE.matcher(language).matches(), "filters.languages", "'" + language + "' is not an ISO 639 code such as en, ru, zh");
    }
    for (String country : s.getFilters().getCountries()) {
      require(COUNTRY.matcher(country).matches(), "filters.countries", "'" + country + "' is not an ISO 3166 alpha-2 code such as AF, CN");
    }
    String webhook = s.getDelivery().getWebhookUrl();
    String email = s.getDelivery().getEmail();
    require(webhook != null || email != null, "delivery", "give a webhookUrl, an email, or both");
    if (webhook != null) {
      require(isHttpUrl(webhook), "delivery.webhookUrl", "'" + webhook + "' is not an absolute http(s) URL");
      String secret = s.getDelivery().getWebhookSecret();
      require(secret != null && secret.length() >= 16, "delivery.webhookSecret", "a webhook needs a secret of at least 16 characters to sign its requests");
    }
    if (email != null) {
      require(EMAIL.matcher(email).matches(), "delivery.email", "'" + email + "' is not an email address");
    }
    if (s.getMode() == DeliveryMode.DIGEST) {
      require(s.getDigestMinutes() >= 5 && s.getDigestMinutes() <= 7 * 24 * 60, "digestMinutes",
          "a digest needs an interval between 5 minutes and 7 days");
    }
    require(s.getMaxAlertsPerHour() >= 1 && s.getMaxAlertsPerHour() <= 10_000, "maxAlertsPerHour", "must be between 1 and 10000");
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String sorted(Set<String> names) {
    return String.join(", ", new java.util.TreeSet<>(names));
  }

  private static void require(boolean ok, String field, String message) {
    if (!ok) {
      throw new InvalidSubscriptionException(field, message);
    }
  }
}
