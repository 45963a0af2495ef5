package io.scomon.enrich.alert;

import io.scomon.schemas.Subscription;
import java.util.List;

/**
 * One subscription an article matched, with the words that matched and a passage of the article
 * with those words highlighted as {@code **word**}.
 */
public record SubscriptionMatch(Subscription subscription, List<String> matchedTerms, String snippet) {}
