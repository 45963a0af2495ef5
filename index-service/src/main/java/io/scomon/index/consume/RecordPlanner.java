package io.scomon.index.consume;

import io.scomon.index.document.AlertDocuments;
import io.scomon.index.document.ArticleDocuments;
import io.scomon.index.document.IndexDocument;
import io.scomon.index.sink.SourceRecord;
import io.scomon.schemas.Alert;
import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns one raw Kafka record into what to write: decodes the value with its topic's serde and maps it
 * to its document. A record that does not decode or map becomes a dead letter with the stage and reason.
 */
final class RecordPlanner {

  /** What to do with one record: write {@code document}, or dead-letter it for {@code reason}. */
  record Plan(SourceRecord source, IndexDocument document, String stage, String reason, String errorClass) {

    static Plan write(SourceRecord source, IndexDocument document) {
      return new Plan(source, document, null, null, null);
    }

    static Plan deadLetter(SourceRecord source, String stage, Exception error) {
      return new Plan(source, null, stage, error.getMessage() == null ? error.toString() : error.getMessage(),
          error.getClass().getName());
    }

    boolean isDeadLetter() {
      return stage != null;
    }
  }

  private final ArticleDocuments articles;
  private final AlertDocuments alerts;
  private final Clock clock;

  RecordPlanner(ArticleDocuments articles, AlertDocuments alerts, Clock clock) {
    this.articles = articles;
    this.alerts = alerts;
    this.clock = clock;
  }

  Plan plan(ConsumerRecord<byte[], byte[]> record) {
    SourceRecord source = new SourceRecord(record.topic(), record.partition(), record.offset(), record.key(),
        record.value());
    Object value;
    try {
      value = decode(record);
    } catch (RuntimeException e) {
      return Plan.deadLetter(source, "decode", e);
    }
    Instant now = clock.instant();
    try {
      return Plan.write(source, value instanceof EnrichedArticle enriched
          ? articles.document(enriched, now) : alerts.document((Alert) value, now));
    } catch (RuntimeException e) {
      return Plan.deadLetter(source, "map", e);
    }
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
}
