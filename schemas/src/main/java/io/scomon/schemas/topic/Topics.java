package io.scomon.schemas.topic;

import io.scomon.schemas.Alert;
import io.scomon.schemas.Article;
import io.scomon.schemas.CrawlState;
import io.scomon.schemas.DeadLetter;
import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.FetchRequest;
import io.scomon.schemas.Subscription;
import io.scomon.schemas.serde.AvroSerde;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic of the pipeline. See DESIGN.md, "Data flow". */
public final class Topics {

  private static final Duration WEEK = Duration.ofDays(7);

  /** Pages to fetch, keyed by host so that one host's requests stay on one partition (politeness). */
  public static final Topic<String, FetchRequest> FETCH_REQUESTS = new Topic<>("scomon.fetch.requests",
      Serdes.String(), AvroSerde.of(FetchRequest.class), TopicSpec.stream(6, Duration.ofDays(2)));

  /** Clean articles from ingest-service, keyed by article id. */
  public static final Topic<String, Article> ARTICLES = new Topic<>("scomon.articles",
      Serdes.String(), AvroSerde.of(Article.class), TopicSpec.stream(6, Duration.ofDays(30)));

  /** Articles with topics, entities, language and story ids, keyed by article id. */
  public static final Topic<String, EnrichedArticle> ARTICLES_ENRICHED = new Topic<>("scomon.articles.enriched",
      Serdes.String(), AvroSerde.of(EnrichedArticle.class), TopicSpec.stream(6, Duration.ofDays(30)));

  /** Subscription matches, keyed by subscription id + ':' + article id. */
  public static final Topic<String, Alert> ALERTS = new Topic<>("scomon.alerts",
      Serdes.String(), AvroSerde.of(Alert.class), TopicSpec.stream(3, Duration.ofDays(30)));

  /** Analysts' keyword subscriptions, keyed by id; a tombstone deletes. */
  public static final Topic<String, Subscription> SUBSCRIPTIONS = new Topic<>("scomon.subscriptions",
      Serdes.String(), AvroSerde.of(Subscription.class), TopicSpec.compacted(1));

  /** What the crawler knows of each URL, keyed by URL. */
  public static final Topic<String, CrawlState> CRAWL_STATE = new Topic<>("scomon.crawl.state",
      Serdes.String(), AvroSerde.of(CrawlState.class), TopicSpec.compacted(6));

  /** Records and pages that could not be processed, with the reason and the original bytes. */
  public static final Topic<String, DeadLetter> DLQ = new Topic<>("scomon.dlq",
      Serdes.String(), AvroSerde.of(DeadLetter.class), TopicSpec.stream(1, WEEK.multipliedBy(4)));

  private static final List<Topic<?, ?>> ALL = List.of(
      FETCH_REQUESTS, ARTICLES, ARTICLES_ENRICHED, ALERTS, SUBSCRIPTIONS, CRAWL_STATE, DLQ);

  private Topics() {}

  public static List<Topic<?, ?>> all() {
    return ALL;
  }
}
