package io.scomon.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The story window over real (in-memory) Kafka Streams stores, across restarts of the index. */
class StoryIndexTest {

  private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
  private final KeyValueStore<String, String> stories = store("stories");
  private final KeyValueStore<String, String> fingerprints = store("fingerprints");
  private final long[] story = new Random(42).longs(6).toArray(); // unrelated texts: about 32 bits apart

  @Test
  void remembersTheLatestArticlesAndIsRebuiltFromItsStoreAfterARestart() {
    StoryIndex index = new StoryIndex(stories, fingerprints, 5, 3);
    for (int i = 0; i < 5; i++) {
      index.resolve("a" + i, story[i], i);
    }
    assertThat(keys(fingerprints)).as("the window of 3, by sequence").hasSize(3);
    assertThat(index.resolve("copy-of-a0", story[0], 10).duplicateOf()).as("a0 left the window").isNull();

    StoryIndex restarted = new StoryIndex(stories, fingerprints, 5, 3);
    assertThat(restarted.resolve("copy-of-a4", story[4], 11))
        .isEqualTo(new StoryIndex.Story("a4", "a4"));
    assertThat(restarted.resolve("a4", story[4], 4)).as("a known article keeps its story")
        .isEqualTo(new StoryIndex.Story("a4", null));
    assertThat(keys(fingerprints)).as("new sequence numbers follow the stored ones").hasSize(3);
  }

  @Test
  void aSmallerWindowAtStartupForgetsTheOldestInTheStoreToo() {
    StoryIndex index = new StoryIndex(stories, fingerprints, 5, 4);
    for (int i = 0; i < 4; i++) {
      index.resolve("a" + i, story[i], i);
    }

    StoryIndex smaller = new StoryIndex(stories, fingerprints, 5, 2);
    assertThat(keys(fingerprints)).hasSize(2);
    assertThat(smaller.resolve("copy-of-a1", story[1], 10).duplicateOf()).isNull();
    assertThat(smaller.resolve("copy-of-a3", story[3], 11).duplicateOf()).isEqualTo("a3");
  }

  private KeyValueStore<String, String> store(String name) {
    KeyValueStore<String, String> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
        Serdes.String(), Serdes.String()).withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    return store;
  }

  private static List<String> keys(KeyValueStore<String, String> store) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, String> all = store.all()) {
      all.forEachRemaining(kv -> keys.add(kv.key));
    }
    return keys;
  }
}
