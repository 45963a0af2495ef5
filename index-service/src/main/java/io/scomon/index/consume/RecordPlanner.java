package io.scomon.index.consume;

import io.scomon.index.document.AlertDocuments;
import io.scomon.index.document.ArticleDocuments;
import io.scomon.index.document.IndexDocument;
import io.scomon.index.sink.ArticleRoutes;
import io.scomon.index.sink.RoutingUnavailableException;
import io.scomon.index.sink.SourceRecord;
import io.scomon.schemas.Alert;
import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a batch of raw Kafka records into what to write: decodes each value with its topic's serde,
 * maps it to documents, and files each article in the month it was first written to (new articles
 * also get their routing entry). A record that does not decode or map becomes a dead letter.
 */
final class RecordPlanner {

  /** What to do with one record: write {@code documents}, or dead-letter it for {@code reason}. */
  record Plan(SourceRecord source, List<IndexDocument> documents, String stage, String reason, String errorClass) {

    static Plan write(SourceRecord source, List<IndexDocument> documents) {
      return new Plan(source, documents, null, null, null);
    }

    static Plan deadLetter(SourceRecord source, String stage, Exception error) {
      return new Plan(source, List.of(), stage, error.getMessage() == null ? error.toString() : error.getMessage(),
          error.getClass().getName());
    }

    boolean isDeadLetter() {
      return stage != null;
    }
  }

  private final ArticleDocuments articles;
  private final AlertDocuments alerts;
  private final ArticleRoutes routes;
  private final Clock clock;

  RecordPlanner(ArticleDocuments articles, AlertDocuments alerts, ArticleRoutes routes, Clock clock) {
    this.articles = articles;
    this.alerts = alerts;
    this.routes = routes;
    this.clock = clock;
  }

  /** Plans a batch in record order. Throws, having changed nothing, when the routing index cannot be read. */
  List<Plan> plan(List<ConsumerRecord<byte[], byte[]>> records) throws RoutingUnavailableException {
    Instant now = clock.instant();
    List<Object> decoded = new ArrayList<>(records.size());
    List<String> articleIds = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      Object value;
      try {
        value = decode(record);
        if (value instanceof EnrichedArticle enriched) {
          articleIds.add(enriched.getArticle().getId());
        }
      } catch (RuntimeException e) {
        value = e;
      }
      decoded.add(value);
    }
    Map<String, String> known = articleIds.isEmpty() ? new HashMap<>() : new HashMap<>(routes.lookup(articleIds));

    List<Plan> plans = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      SourceRecord source = source(records.get(i));
      Object value = decoded.get(i);
      if (value instanceof RuntimeException error) {
        plans.add(Plan.deadLetter(source, "decode", error));
        continue;
      }
      try {
        if (value instanceof EnrichedArticle enriched) {
          plans.add(Plan.write(source, articleDocuments(enriched, now, known)));
        } else {
          plans.add(Plan.write(source, List.of(alerts.document((Alert) value, now))));
        }
      } catch (RuntimeException e) {
        plans.add(Plan.deadLetter(source, "map", e));
      }
    }
    return plans;
  }

  private List<IndexDocument> articleDocuments(EnrichedArticle enriched, Instant now, Map<String, String> known) {
    IndexDocument document = articles.document(enriched, now);
    String firstMonth = known.get(document.id());
    if (firstMonth != null) {
      return List.of(document.inIndex(firstMonth));
    }
    known.put(document.id(), document.index());
    return List.of(routes.remember(document.id(), document.index()), document);
  }

  private static Object decode(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      throw new IllegalArgumentException("record has no value (a tombstone on a stream topic)");
    }
    if (record.topic().equals(Topics.ARTICLES_ENRICHED.name())) {
      return Topics.ARTICLES_ENRICHED.valueSerde().deserializer().deserialize(record.topic(), record.value());
    }
    if (record.topic().equals(Topics.ALERTS.name())) {
      return Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
    }
    throw new IllegalArgumentException("index-service does not read topic " + record.topic());
  }

  private static SourceRecord source(ConsumerRecord<byte[], byte[]> record) {
    return new SourceRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value());
  }
}
