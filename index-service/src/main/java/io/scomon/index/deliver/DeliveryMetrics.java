package io.scomon.index.deliver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * Delivery metrics in the service's registry: {@code scomon.deliver.alerts{channel,outcome}} counts
 * alerts per channel delivered, failed (dead-lettered), skipped and queued for a digest, and
 * {@code scomon.deliver.retries{channel}} attempts sent again; gauges of the alerts in flight and the
 * subscriptions known.
 */
final class DeliveryMetrics {

  static final String ALERTS = "scomon.deliver.alerts";
  static final String RETRIES = "scomon.deliver.retries";

  private final MeterRegistry registry;

  DeliveryMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void delivered(Channel channel, int alerts) {
    alerts(channel, "delivered").increment(alerts);
  }

  void failed(Channel channel, int alerts) {
    alerts(channel, "failed").increment(alerts);
  }

  void skipped(Channel channel, int alerts) {
    alerts(channel, "skipped").increment(alerts);
  }

  void queued(Channel channel) {
    alerts(channel, "queued").increment();
  }

  void retried(Channel channel) {
    Counter.builder(RETRIES).description("Webhook POSTs and mails sent again after a failed attempt")
        .tag("channel", channel.id()).register(registry).increment();
  }

  void inFlight(Supplier<Number> alerts) {
    Gauge.builder("scomon.deliver.in.flight", alerts).strongReference(true)
        .description("Alerts read from scomon.alerts and not settled yet").register(registry);
  }

  void subscriptions(Supplier<Number> known) {
    Gauge.builder("scomon.deliver.subscriptions", known).strongReference(true)
        .description("Subscriptions known to delivery").register(registry);
  }

  /** Current count of one channel and outcome, for tests and logs. */
  double count(Channel channel, String outcome) {
    Counter counter = registry.find(ALERTS).tags("channel", channel.id(), "outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  private Counter alerts(Channel channel, String outcome) {
    return Counter.builder(ALERTS).description("Alerts by delivery channel and outcome")
        .tags("channel", channel.id(), "outcome", outcome).register(registry);
  }
}
