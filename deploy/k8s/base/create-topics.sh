#!/usr/bin/env bash
# Creates the pipeline's topics that do not exist yet (existing topics are left as they are).
# The list must match io.scomon.schemas.topic.Topics: names, partitions, compaction and retention.
# deploy/local DeploymentManifestsTest compares them, so change both together.
#   BOOTSTRAP_SERVERS   Kafka to talk to (default scomon-kafka:9092)
#   REPLICATION_FACTOR  replicas of every topic (1 on a one-broker cluster; 3 in production)
set -euo pipefail
BOOTSTRAP_SERVERS="${BOOTSTRAP_SERVERS:-scomon-kafka:9092}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-1}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"

for attempt in $(seq 1 60); do
  if "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --list > /dev/null 2>&1; then
    break
  fi
  if [ "$attempt" -eq 60 ]; then
    echo "Kafka at $BOOTSTRAP_SERVERS did not answer within 5 minutes" >&2
    exit 1
  fi
  sleep 5
done

# topic NAME PARTITIONS [CONFIG=VALUE ...]
topic() {
  local name="$1" partitions="$2"
  shift 2
  local configs=()
  for c in "$@"; do configs+=(--config "$c"); done
  "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$REPLICATION_FACTOR" ${configs[@]+"${configs[@]}"}
}

topic scomon.fetch.requests    6 retention.ms=172800000
topic scomon.articles          6 retention.ms=2592000000
topic scomon.articles.enriched 6 retention.ms=2592000000
topic scomon.alerts            3 retention.ms=2592000000
topic scomon.subscriptions     1 cleanup.policy=compact min.compaction.lag.ms=0
topic scomon.crawl.state       6 cleanup.policy=compact min.compaction.lag.ms=0
topic scomon.dlq               1 retention.ms=2419200000

echo "topics ready on $BOOTSTRAP_SERVERS:"
"$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --list
