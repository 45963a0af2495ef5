package io.scomon.enrich.dedup;

import java.util.List;

/**
 * Where {@link NearDuplicates} keeps fingerprints, under band keys (see {@link Bands}). In memory
 * for tests ({@link InMemoryFingerprintIndex}); a Kafka Streams key-value store in the topology.
 */
public interface FingerprintIndex {

  /** Adds {@code entry} under {@code bandKey}, replacing an entry with the same article id. */
  void put(long bandKey, IndexedFingerprint entry);

  /** The entries under {@code bandKey}, in any order; empty when none. */
  List<IndexedFingerprint> get(long bandKey);
}
