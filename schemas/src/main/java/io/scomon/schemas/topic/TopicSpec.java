package io.scomon.schemas.topic;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How a topic is created: partition count, compaction, and retention.
 *
 * @param partitions default partition count (a deployment may override it)
 * @param compacted whether the topic keeps the latest value per key (state, subscriptions)
 * @param retention how long records are kept on a non-compacted topic; null keeps the broker default
 */
public record TopicSpec(int partitions, boolean compacted, Duration retention) {

  public TopicSpec {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
    }
  }

  public static TopicSpec stream(int partitions, Duration retention) {
    return new TopicSpec(partitions, false, retention);
  }

  public static TopicSpec compacted(int partitions) {
    return new TopicSpec(partitions, true, null);
  }

  /** Topic-level configs to create the topic with. */
  public Map<String, String> configs() {
    Map<String, String> configs = new HashMap<>();
    if (compacted) {
      configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
      configs.put(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0");
    } else if (retention != null) {
      configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
    }
    return configs;
  }
}
