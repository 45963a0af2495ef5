package io.scomon.enrich.topology;

import io.scomon.enrich.stage.Enrichment;
import io.scomon.enrich.stage.EnrichmentDraft;
import io.scomon.schemas.Article;
import io.scomon.schemas.DeadLetter;
import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.serde.AvroDecodingException;
import io.scomon.schemas.serde.AvroSerde;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes an article, runs the enrichment stages and forwards the enriched article (its story is
 * assigned downstream, see {@link StoryProcessor}); a record that cannot be decoded, is invalid or
 * fails a stage is forwarded as a dead letter with its origin and original bytes, and processing
 * goes on with the next record.
 */
final class EnrichProcessor implements Processor<String, byte[], String, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(EnrichProcessor.class);

  private final AvroSerde<Article> articles = AvroSerde.of(Article.class);
  private final Enrichment enrichment;
  private final Clock clock;
  private final DeadLetterListener listener;
  private ProcessorContext<String, Object> context;

  EnrichProcessor(Enrichment enrichment, Clock clock, DeadLetterListener listener) {
    this.enrichment = enrichment;
    this.clock = clock;
    this.listener = listener;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    RecordMetadata origin = context.recordMetadata().orElse(null);
    Article article;
    try {
      article = articles.deserialize(origin == null ? null : origin.topic(), record.value());
    } catch (AvroDecodingException e) {
      deadLetter(record, origin, "decode", e.getMessage(), e, Map.of());
      return;
    }
    if (article == null) {
      deadLetter(record, origin, "validate", "empty record (null value) where an article was expected", null, Map.of());
      return;
    }
    if (article.getId().isBlank() || !article.getId().equals(record.key())) {
      deadLetter(record, origin, "validate", "article id '" + article.getId() + "' is blank or differs from the record key '"
          + record.key() + "'", null, Map.of("url", article.getUrl()));
      return;
    }
    EnrichedArticle enriched;
    try {
      EnrichmentDraft draft = enrichment.run(article);
      enriched = EnrichedArticle.newBuilder()
          .setArticle(article)
          .setLanguage(draft.language())
          .setTopics(draft.topics())
          .setEntities(draft.entities())
          .setFingerprint(draft.fingerprint())
          .setStoryId(article.getId()) // until StoryProcessor decides
          .setDuplicateOf(null)
          .setTaxonomyVersion(draft.taxonomyVersion())
          .setEnrichedAt(clock.instant())
          .build();
    } catch (RuntimeException e) {
      deadLetter(record, origin, "enrich", "enrichment failed: " + e, e,
          Map.of("url", article.getUrl(), "articleId", article.getId()));
      return;
    }
    context.forward(record.withValue(enriched));
  }

  private void deadLetter(Record<String, byte[]> record, RecordMetadata origin, String stage, String reason,
      Throwable error, Map<String, String> details) {
    LOG.warn("dead-lettering record {} of {}-{}@{} at stage {}: {}", record.key(),
        origin == null ? "?" : origin.topic(), origin == null ? -1 : origin.partition(),
        origin == null ? -1 : origin.offset(), stage, reason);
    listener.deadLettered(stage);
    DeadLetter letter = DeadLetters.of(stage, reason, error, origin, record.key(), record.value(), details, clock.instant());
    context.forward(record.withValue(letter));
  }

  /** Told about every dead letter (metrics). */
  @FunctionalInterface
  interface DeadLetterListener {
    void deadLettered(String stage);
  }
}
