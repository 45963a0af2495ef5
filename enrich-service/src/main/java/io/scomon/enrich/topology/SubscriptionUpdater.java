package io.scomon.enrich.topology;

import io.scomon.enrich.alert.InvalidSubscriptionException;
import io.scomon.enrich.alert.SubscriptionIndex;
import io.scomon.schemas.Subscription;
import io.scomon.schemas.serde.AvroDecodingException;
import io.scomon.schemas.topic.Topics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global subscription store and this instance's {@link SubscriptionIndex} up to date from
 * the compacted {@code scomon.subscriptions} topic: a value adds or replaces, a tombstone deletes.
 * A subscription that cannot be read or whose query is invalid is logged, counted and skipped; it
 * never stops the topic.
 */
final class SubscriptionUpdater implements Processor<String, byte[], Void, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionUpdater.class);

  private final SubscriptionIndex index;
  private final EnrichTopology.Counter counter;
  private KeyValueStore<String, byte[]> store;

  SubscriptionUpdater(SubscriptionIndex index, EnrichTopology.Counter counter) {
    this.index = index;
    this.counter = counter;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(EnrichTopology.SUBSCRIPTIONS_STORE);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.key() == null) {
      counter.increment("subscriptions.rejected", "no-key");
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
      index.remove(record.key());
      LOG.info("subscription {} deleted", record.key());
      return;
    }
    store.put(record.key(), record.value());
    apply(index, record.key(), record.value(), counter);
  }

  /** Decodes and registers one stored subscription; false when it had to be skipped. */
  static boolean apply(SubscriptionIndex index, String key, byte[] value, EnrichTopology.Counter counter) {
    try {
      Subscription subscription = Topics.SUBSCRIPTIONS.valueSerde().deserializer().deserialize(Topics.SUBSCRIPTIONS.name(), value);
      index.upsert(subscription);
      return true;
    } catch (AvroDecodingException e) {
      LOG.error("subscription {} cannot be read, skipped: {}", key, e.getMessage());
      counter.increment("subscriptions.rejected", "decode");
    } catch (InvalidSubscriptionException e) {
      LOG.error("subscription {} has an invalid query, skipped: {}", key, e.getMessage());
      counter.increment("subscriptions.rejected", "invalid");
      index.remove(key);
    }
    return false;
  }
}
