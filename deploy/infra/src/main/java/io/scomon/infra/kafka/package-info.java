/** A single-node KRaft Kafka (broker and controller in one), in this JVM or as its own process. */
package io.scomon.infra.kafka;
