package io.scomon.ingest.state;

import io.scomon.ingest.publish.KafkaWriter;
import io.scomon.schemas.CrawlState;
import io.scomon.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the crawler knows of each URL (sources and pages): an in-memory view of the compacted
 * topic {@code scomon.crawl.state}, like a global table. {@link #open} reads the topic to its end
 * before returning, so a restarted service knows validators, hashes and due times; a tail thread
 * then applies what other instances write. Every change is written back, keyed by URL.
 */
public final class CrawlStateStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CrawlStateStore.class);
  private static final String WRITER_HEADER = "scomon-writer";

  private final Map<String, CrawlState> states = new ConcurrentHashMap<>();
  private final KafkaWriter writer;
  private final String instance = UUID.randomUUID().toString();
  private final List<Header> headers;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final BiConsumer<ConsumerRecord<byte[], byte[]>, RuntimeException> onBadRecord;
  private final Deserializer<CrawlState> deserializer = Topics.CRAWL_STATE.valueSerde().deserializer();
  private volatile boolean running = true;
  private Thread tail;

  private CrawlStateStore(KafkaWriter writer, KafkaConsumer<byte[], byte[]> consumer,
      BiConsumer<ConsumerRecord<byte[], byte[]>, RuntimeException> onBadRecord) {
    this.writer = writer;
    this.consumer = consumer;
    this.onBadRecord = onBadRecord;
    this.headers = List.of(new RecordHeader(WRITER_HEADER, instance.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Reads the whole topic, then keeps following it.
   *
   * @param onBadRecord told about a record that does not decode (it is skipped)
   * @throws IllegalStateException when the topic is missing or cannot be read within the timeout
   */
  public static CrawlStateStore open(String bootstrapServers, String clientId, KafkaWriter writer,
      Duration loadTimeout, BiConsumer<ConsumerRecord<byte[], byte[]>, RuntimeException> onBadRecord) {
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-state",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    CrawlStateStore store = new CrawlStateStore(writer, consumer, onBadRecord);
    try {
      store.load(loadTimeout);
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
    store.tail = new Thread(store::follow, "crawl-state-tail");
    store.tail.setDaemon(true);
    store.tail.start();
    return store;
  }

  private void load(Duration timeout) {
    String topic = Topics.CRAWL_STATE.name();
    long started = System.nanoTime();
    List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
    if (infos == null || infos.isEmpty()) {
      throw new IllegalStateException("topic " + topic + " does not exist: create the pipeline's topics first"
          + " (deploy/scomon up does, or io.scomon.schemas.topic.TopicProvisioner)");
    }
    List<TopicPartition> partitions = new ArrayList<>();
    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
    int records = 0;
    while (!caughtUp(end)) {
      if (System.nanoTime() - started > timeout.toNanos()) {
        throw new IllegalStateException("reading " + topic + " back took longer than " + timeout
            + " (ingest.kafka.state-load-timeout)");
      }
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        apply(r, false);
        records++;
      }
    }
    LOG.info("crawl state read back: {} URLs from {} records in {} ms", states.size(), records,
        (System.nanoTime() - started) / 1_000_000);
  }

  private boolean caughtUp(Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private void follow() {
    try {
      while (running) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          apply(r, true);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("crawl state tail stopped: other instances' changes are no longer seen", e);
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  private void apply(ConsumerRecord<byte[], byte[]> r, boolean skipOwn) {
    if (skipOwn) {
      Header h = r.headers().lastHeader(WRITER_HEADER);
      if (h != null && instance.equals(new String(h.value(), StandardCharsets.UTF_8))) {
        return;
      }
    }
    if (r.key() == null) {
      return;
    }
    String url = new String(r.key(), StandardCharsets.UTF_8);
    if (r.value() == null) {
      states.remove(url);
      return;
    }
    try {
      states.put(url, deserializer.deserialize(r.topic(), r.value()));
    } catch (RuntimeException e) {
      onBadRecord.accept(r, e);
    }
  }

  public Optional<CrawlState> get(String url) {
    return Optional.ofNullable(states.get(url));
  }

  /**
   * Changes the state of a URL (created when unknown) and writes it to the topic.
   *
   * @return completes when the broker acknowledged the write
   */
  public CompletableFuture<CrawlState> update(String url, String sourceId, UnaryOperator<CrawlState.Builder> change) {
    CrawlState updated = states.compute(url, (k, old) -> {
      CrawlState.Builder b = old == null
          ? CrawlState.newBuilder().setUrl(url).setSourceId(sourceId)
          : CrawlState.newBuilder(old);
      return change.apply(b).build();
    });
    return writer.send(Topics.CRAWL_STATE, url, updated, headers).thenApply(m -> updated);
  }

  public int size() {
    return states.size();
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    if (tail != null) {
      try {
        tail.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
