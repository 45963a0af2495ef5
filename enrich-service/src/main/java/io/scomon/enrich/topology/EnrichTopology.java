package io.scomon.enrich.topology;

import io.scomon.enrich.stage.Enrichment;
import io.scomon.schemas.DeadLetter;
import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.topic.Topics;
import java.time.Clock;
import java.util.Map;
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
 *                                                                   └─► stories (one partition) ─► scomon.articles.enriched
 * </pre>
 *
 * Articles are read as bytes so that a bad record is dead-lettered with its original bytes instead
 * of stopping the partition. The costly enrichment runs on every partition in parallel; story
 * assignment compares each article with all earlier ones and so runs on a single-partition
 * repartition topic, keyed by article id as before.
 */
public final class EnrichTopology {

  static final String STORIES_REPARTITION = "stories";

  private EnrichTopology() {}

  /**
   * @param enrichment the stages to run on every article
   * @param maxDuplicateDistance SimHash bits within which two articles are the same story
   * @param clock time of enrichment
   * @param deadLetters told of each dead letter (for metrics)
   */
  public static Topology build(Enrichment enrichment, int maxDuplicateDistance,
      Clock clock, DeadLetterCounter deadLetters) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoryIndex.BANDS_STORE), Serdes.String(), Serdes.String()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoryIndex.STORIES_STORE), Serdes.String(), Serdes.String()));

    Map<String, KStream<String, Object>> branches = builder
        .stream(Topics.ARTICLES.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("articles"))
        .process(() -> new EnrichProcessor(enrichment, clock, deadLetters::increment), Named.as("enrich"))
        .split(Named.as("outcome-"))
        .branch((key, value) -> value instanceof DeadLetter, Branched.as("dead"))
        .defaultBranch(Branched.as("enriched"));

    branches.get("outcome-dead")
        .mapValues(value -> (DeadLetter) value, Named.as("as-dead-letter"))
        .to(Topics.DLQ.name(), Produced.with(Topics.DLQ.keySerde(), Topics.DLQ.valueSerde()).withName("dlq"));

    branches.get("outcome-enriched")
        .mapValues(value -> (EnrichedArticle) value, Named.as("as-enriched"))
        .repartition(Repartitioned.with(Topics.ARTICLES_ENRICHED.keySerde(), Topics.ARTICLES_ENRICHED.valueSerde())
            .withName(STORIES_REPARTITION).withNumberOfPartitions(1))
        .processValues(() -> new StoryProcessor(maxDuplicateDistance), Named.as("assign-story"),
            StoryIndex.BANDS_STORE, StoryIndex.STORIES_STORE)
        .to(Topics.ARTICLES_ENRICHED.name(),
            Produced.with(Topics.ARTICLES_ENRICHED.keySerde(), Topics.ARTICLES_ENRICHED.valueSerde()).withName("enriched"));
    return builder.build();
  }

  /** Counts dead letters by stage. */
  @FunctionalInterface
  public interface DeadLetterCounter {
    void increment(String stage);
  }
}
