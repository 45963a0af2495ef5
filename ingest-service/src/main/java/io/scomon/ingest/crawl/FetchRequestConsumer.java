package io.scomon.ingest.crawl;

import io.scomon.ingest.fetch.FailureReason;
import io.scomon.ingest.monitor.CrawlMetrics;
import io.scomon.ingest.publish.DeadLetters;
import io.scomon.ingest.publish.Origin;
import io.scomon.ingest.source.Source;
import io.scomon.ingest.source.SourceList;
import io.scomon.schemas.FetchRequest;
import io.scomon.schemas.topic.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fetchers' consumer: one member of the consumer group on {@code scomon.fetch.requests}. It
 * decodes each request (a record that does not decode, or names an unknown source, goes to the
 * dead-letter topic), hands it to the {@link PageCrawler} and commits an offset only when every
 * request before it is finished. When too many requests are in flight it pauses its partitions.
 */
public final class FetchRequestConsumer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FetchRequestConsumer.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final SourceList sources;
  private final PageCrawler crawler;
  private final DeadLetters deadLetters;
  private final CrawlMetrics metrics;
  private final int maxInFlight;
  private final OffsetTracker tracker = new OffsetTracker();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Deserializer<FetchRequest> deserializer = Topics.FETCH_REQUESTS.valueSerde().deserializer();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean polling;

  public FetchRequestConsumer(String bootstrapServers, String clientId, String groupId, int maxInFlight,
      SourceList sources, PageCrawler crawler, DeadLetters deadLetters, CrawlMetrics metrics) {
    this.consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-fetcher",
        ConsumerConfig.GROUP_ID_CONFIG, groupId,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.sources = sources;
    this.crawler = crawler;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.maxInFlight = maxInFlight;
    this.thread = new Thread(this::loop, "fetch-requests");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Whether the poll loop runs. */
  public boolean healthy() {
    return thread.isAlive() && polling;
  }

  /** Requests taken from Kafka and not finished. */
  public int inFlight() {
    return inFlight.get();
  }

  private void loop() {
    try {
      consumer.subscribe(List.of(Topics.FETCH_REQUESTS.name()), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
          commitSync(tracker.committable(partitions));
          tracker.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
          LOG.info("fetching from {}", partitions);
        }
      });
      boolean paused = false;
      while (running) {
        polling = true;
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          handle(r);
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = tracker.committable();
        if (!offsets.isEmpty()) {
          consumer.commitAsync(offsets, (o, e) -> {
            if (e != null) {
              LOG.warn("offset commit failed (will be retried with the next progress): {}", e.toString());
            }
          });
        }
        if (!paused && inFlight.get() >= maxInFlight) {
          consumer.pause(consumer.assignment());
          paused = true;
        } else if (paused && inFlight.get() < maxInFlight / 2 + 1) {
          consumer.resume(consumer.paused());
          paused = false;
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException | Error e) {
      LOG.error("fetch request consumer stopped: this instance is no longer ready", e);
    } finally {
      polling = false;
      try {
        commitSync(tracker.committable(consumer.assignment()));
      } catch (RuntimeException e) {
        LOG.warn("final offset commit failed: {}", e.toString());
      }
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
    }
  }

  private void handle(ConsumerRecord<byte[], byte[]> r) {
    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
    Origin origin = new Origin(r.topic(), r.partition(), r.offset(), r.key(), r.value());
    tracker.started(tp, r.offset());
    FetchRequest request;
    try {
      request = deserializer.deserialize(r.topic(), r.value());
      if (request == null) {
        throw new IllegalArgumentException("empty record");
      }
    } catch (RuntimeException e) {
      reject(origin, "decode", FailureReason.BAD_REQUEST_RECORD.tag(), "fetch request does not decode: " + e, e,
          "unknown", null);
      tracker.done(tp, r.offset());
      return;
    }
    Optional<Source> source = sources.byId(request.getSourceId());
    if (source.isEmpty()) {
      reject(origin, "route", FailureReason.UNKNOWN_SOURCE.tag(),
          "source '" + request.getSourceId() + "' is not in this instance's sources.yml", null,
          request.getSourceId(), request.getUrl());
      tracker.done(tp, r.offset());
      return;
    }
    inFlight.incrementAndGet();
    crawler.crawl(request, source.get(), origin).whenComplete((outcome, error) -> {
      inFlight.decrementAndGet();
      tracker.done(tp, r.offset());
    });
  }

  private void reject(Origin origin, String stage, String reason, String message, Throwable error, String sourceId,
      String url) {
    metrics.failed(sourceId, url == null ? origin.toString() : url, reason, message);
    deadLetters.send(stage, reason, message, error, origin,
        url == null ? Map.of("sourceId", sourceId) : Map.of("sourceId", sourceId, "url", url));
  }

  private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (!offsets.isEmpty()) {
      consumer.commitSync(offsets, Duration.ofSeconds(10));
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(20_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
