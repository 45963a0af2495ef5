package io.scomon.enrich.topology;

import io.scomon.enrich.alert.SubscriptionIndex;
import io.scomon.enrich.stage.Enrichment;
import io.scomon.schemas.DeadLetter;
import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.topic.Topics;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich topology, a pure function (no I/O):
 *
 * <pre>
 * scomon.articles (raw bytes) ─► enrich (parallel over partitions) ─┬─► dead letters ─► scomon.dlq
 *                                                                   └─► stories (one partition) ─┬─► scomon.articles.enriched
 *                                                                                                └─► match subscriptions ─► scomon.alerts
 * scomon.subscriptions ─► global store + this instance's Lucene Monitor
 * </pre>
 *
 * Articles are read as bytes so that a bad record is dead-lettered with its original bytes instead
 * of stopping the partition. The costly enrichment runs on every partition in parallel; story
 * assignment compares each article with all earlier ones and so runs on a single-partition
 * repartition topic, keyed by article id as before; subscription matching follows it there, so that
 * a story already alerted to a subscription is not alerted again.
 */
public final class EnrichTopology {

  static final String STORIES_REPARTITION = "stories";
  /** The global store of all subscriptions, queryable by the API. */
  public static final String SUBSCRIPTIONS_STORE = "scomon-subscriptions";
  static final String ALERTED_STORIES_STORE = "scomon-alerted-stories";
  static final String ALERT_RATES_STORE = "scomon-alert-rates";

  private EnrichTopology() {}

  /**
   * @param enrichment the stages to run on every article
   * @param maxDuplicateDistance SimHash bits within which two articles are the same story
   * @param rememberedArticles how many of the latest articles a new one is compared with for its story
   * @param clock time of enrichment
   * @param subscriptions this instance's subscription index, kept up to date from scomon.subscriptions
   * @param counter told of dead letters, alerts and rejected subscriptions (for metrics)
   */
  public static Topology build(Enrichment enrichment, int maxDuplicateDistance, int rememberedArticles, Clock clock,
      SubscriptionIndex subscriptions, Counter counter) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SUBSCRIPTIONS_STORE),
            Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
        Topics.SUBSCRIPTIONS.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("subscriptions"),
        () -> new SubscriptionUpdater(subscriptions, counter));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(ALERTED_STORIES_STORE), Serdes.String(), Serdes.String()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(ALERT_RATES_STORE), Serdes.String(), Serdes.Long()));
    AtomicBoolean subscriptionsLoaded = new AtomicBoolean();
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoryIndex.FINGERPRINTS_STORE), Serdes.String(), Serdes.String()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoryIndex.STORIES_STORE), Serdes.String(), Serdes.String()));

    Map<String, KStream<String, Object>> branches = builder
        .stream(Topics.ARTICLES.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("articles"))
        .process(() -> new EnrichProcessor(enrichment, clock, stage -> counter.increment("dead.letters", stage)),
            Named.as("enrich"))
        .split(Named.as("outcome-"))
        .branch((key, value) -> value instanceof DeadLetter, Branched.as("dead"))
        .defaultBranch(Branched.as("enriched"));

    branches.get("outcome-dead")
        .mapValues(value -> (DeadLetter) value, Named.as("as-dead-letter"))
        .to(Topics.DLQ.name(), Produced.with(Topics.DLQ.keySerde(), Topics.DLQ.valueSerde()).withName("dlq"));

    KStream<String, byte[]> stories = branches.get("outcome-enriched")
        .mapValues(value -> StoryBytes.of((EnrichedArticle) value), Named.as("as-enriched"))
        .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray())
            .withName(STORIES_REPARTITION).withNumberOfPartitions(1))
        .processValues(() -> new StoryProcessor(maxDuplicateDistance, rememberedArticles), Named.as("assign-story"),
            StoryIndex.STORIES_STORE, StoryIndex.FINGERPRINTS_STORE);
    // the story processor hands on the article's Avro bytes as published (see StoryBytes)
    stories.to(Topics.ARTICLES_ENRICHED.name(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("enriched"));
    stories
        .process(() -> new AlertProcessor(subscriptions, subscriptionsLoaded, clock, counter), Named.as("match-subscriptions"),
            ALERTED_STORIES_STORE, ALERT_RATES_STORE)
        .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde()).withName("alerts"));
    return builder.build();
  }

  /** Counts what the topology does, by event and detail (dead letters by stage, alerts, rejected subscriptions). */
  @FunctionalInterface
  public interface Counter {
    void increment(String event, String detail);
  }
}
