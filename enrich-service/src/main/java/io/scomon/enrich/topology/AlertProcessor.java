package io.scomon.enrich.topology;

import io.scomon.enrich.alert.SubscriptionIndex;
import io.scomon.enrich.alert.SubscriptionMatch;
import io.scomon.schemas.Alert;
import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.Subscription;
import io.scomon.schemas.TopicTag;
import io.scomon.schemas.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches every enriched article against the active subscriptions and emits one alert per match,
 * keyed {@code subscriptionId:articleId}. Runs after story assignment, on one partition, so that a
 * near-duplicate of an article already alerted to a subscription (same story) is recognised and
 * not alerted again, and a subscription's hourly limit holds across all articles.
 */
final class AlertProcessor implements Processor<String, byte[], String, Alert> {

  private static final Logger LOG = LoggerFactory.getLogger(AlertProcessor.class);
  private static final long HOUR_MILLIS = 3_600_000L;

  private final SubscriptionIndex index;
  private final AtomicBoolean loaded;
  private final Clock clock;
  private final EnrichTopology.Counter counter;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, String> alertedStories;
  private KeyValueStore<String, Long> rates;

  AlertProcessor(SubscriptionIndex index, AtomicBoolean loaded, Clock clock, EnrichTopology.Counter counter) {
    this.index = index;
    this.loaded = loaded;
    this.clock = clock;
    this.counter = counter;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.alertedStories = context.getStateStore(EnrichTopology.ALERTED_STORIES_STORE);
    this.rates = context.getStateStore(EnrichTopology.ALERT_RATES_STORE);
    // A restored global store did not pass through SubscriptionUpdater: load it into the index once.
    if (loaded.compareAndSet(false, true)) {
      KeyValueStore<String, byte[]> subscriptions = context.getStateStore(EnrichTopology.SUBSCRIPTIONS_STORE);
      int count = 0;
      try (KeyValueIterator<String, byte[]> all = subscriptions.all()) {
        while (all.hasNext()) {
          KeyValue<String, byte[]> entry = all.next();
          count += SubscriptionUpdater.apply(index, entry.key, entry.value, counter) ? 1 : 0;
        }
      }
      LOG.info("{} subscriptions active", count);
    }
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (index.size() == 0) {
      return; // no subscription: the article need not be read
    }
    EnrichedArticle article = Topics.ARTICLES_ENRICHED.valueSerde().deserializer()
        .deserialize(Topics.ARTICLES_ENRICHED.name(), record.value());
    Instant now = clock.instant();
    for (SubscriptionMatch match : index.match(article)) {
      Subscription subscription = match.subscription();
      String storyKey = subscription.getId() + ' ' + article.getStoryId();
      if (alertedStories.get(storyKey) != null) {
        counter.increment("alerts.suppressed", "same-story");
        continue;
      }
      if (!withinHourlyLimit(subscription, now)) {
        counter.increment("alerts.suppressed", "throttled");
        LOG.info("subscription {} reached its limit of {} alerts per hour; article {} not alerted",
            subscription.getId(), subscription.getMaxAlertsPerHour(), article.getArticle().getId());
        continue;
      }
      alertedStories.put(storyKey, article.getArticle().getId());
      Alert alert = alert(subscription, article, match, now);
      counter.increment("alerts.emitted", "instant");
      context.forward(new Record<>(alert.getId(), alert, record.timestamp()));
    }
  }

  private boolean withinHourlyLimit(Subscription subscription, Instant now) {
    long hour = now.toEpochMilli() / HOUR_MILLIS;
    String key = subscription.getId() + ' ' + hour;
    Long sent = rates.get(key);
    long count = sent == null ? 0 : sent;
    if (count >= subscription.getMaxAlertsPerHour()) {
      return false;
    }
    rates.put(key, count + 1);
    if (sent == null) {
      rates.delete(subscription.getId() + ' ' + (hour - 1)); // keep one hour per subscription
    }
    return true;
  }

  static Alert alert(Subscription subscription, EnrichedArticle article, SubscriptionMatch match, Instant now) {
    return Alert.newBuilder()
        .setId(subscription.getId() + ':' + article.getArticle().getId())
        .setSubscriptionId(subscription.getId())
        .setSubscriptionName(subscription.getName())
        .setOwner(subscription.getOwner())
        .setArticleId(article.getArticle().getId())
        .setStoryId(article.getStoryId())
        .setTitle(article.getArticle().getTitle())
        .setUrl(article.getArticle().getCanonicalUrl())
        .setSourceId(article.getArticle().getSourceId())
        .setLanguage(article.getLanguage())
        .setTopics(article.getTopics().stream().map(TopicTag::getName).toList())
        .setPublishedAt(article.getArticle().getPublishedAt())
        .setMatchedAt(now)
        .setMatchedTerms(match.matchedTerms())
        .setSnippet(match.snippet())
        .build();
  }
}
