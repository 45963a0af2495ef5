/**
 * Alert delivery: every alert on {@code scomon.alerts} goes to its subscription's webhook (signed JSON
 * POST) and mail address (SMTP), at once or in a digest, exactly once across restarts as far as the
 * receiver can tell, without one failing receiver delaying another.
 *
 * <h2>How it works</h2>
 * <ul>
 *   <li>{@link io.scomon.index.deliver.SubscriptionDirectory} keeps every subscription in memory from the
 *       compacted {@code scomon.subscriptions}, read from the beginning; a tombstone deletes.</li>
 *   <li>{@link io.scomon.index.deliver.AlertConsumer} reads {@code scomon.alerts} in its own group
 *       ({@code index.deliver.kafka.group-id}, default {@code scomon-deliver}), hands each alert on
 *       without waiting, pauses above {@code index.deliver.max-in-flight} alerts being sent (alerts waiting
 *       for a retry count against {@code index.deliver.max-retrying} instead, so a receiver that keeps
 *       failing does not hold up the others), and commits a
 *       partition's offset only below alerts that are all settled: delivered, failed and dead-lettered,
 *       skipped, or recorded pending for a digest.</li>
 *   <li>{@link io.scomon.index.deliver.AlertDispatcher} reads the ledger (Elasticsearch index
 *       {@code scomon-deliveries}, {@code _id} = alert id + ":" + channel) before sending and writes it
 *       after. Webhooks are sent with {@code HttpClient.sendAsync}, mails on a bounded SMTP pool, and
 *       retries are scheduled, never slept on: 5xx, 408, 429 (honouring Retry-After), timeouts and
 *       connection errors are retried with exponential backoff; another 4xx or an SMTP 5xx fails at once.
 *       A failed alert goes to {@code scomon.dlq} (service index, stage deliver) and is recorded failed.
 *       A subscription deleted while its alert is in flight: recorded "skipped: subscription deleted".</li>
 *   <li>{@link io.scomon.index.deliver.DigestScheduler} sends, per DIGEST subscription and channel, one
 *       mail / one POST listing the alerts recorded since the last digest, {@code digestMinutes} after the
 *       oldest of them; digests are built from the ledger's pending entries, so a restart loses none.</li>
 * </ul>
 *
 * <h2>What a receiver sees</h2>
 * Webhook: {@code POST} of JSON ({@code WebhookPayloads}) with {@code X-Scomon-Signature: sha256=<hex
 * HMAC-SHA256 of the exact body bytes keyed with the subscription's webhookSecret>},
 * {@code Idempotency-Key} (the alert id; for a digest its stable digest id) and
 * {@code X-Scomon-Event: alert|digest}. Mail: plain text, with a Message-ID derived from the same key.
 *
 * <h2>The remaining at-least-once window</h2>
 * A crash (not a clean stop) after a receiver accepted a POST or mail but before the ledger recorded it
 * leaves the entry pending and the offset uncommitted, so the alert is sent again after the restart with
 * the same {@code Idempotency-Key} (and Message-ID): receivers should drop a key they have already
 * processed. A clean {@link io.scomon.index.deliver.DeliveryService#close()} waits for the sends under
 * way to be recorded, so a normal restart sends nothing twice. Two instances briefly owning the same
 * partition during a rebalance can also repeat a send; the same key covers it.
 *
 * <h2>Wiring it into IndexApp</h2>
 * <pre>{@code
 * IndexConfig config = IndexConfigLoader.load();
 * DeliveryConfig delivery = DeliveryConfig.load();        // in the same try: a ConfigException exits 2
 * IndexService service = IndexService.start(config);
 * DeliveryService deliveries;
 * try {
 *   deliveries = DeliveryService.start(config, delivery, registry);
 * } catch (RuntimeException e) {                          // DeliveryStartupException
 *   service.close();
 *   throw e;
 * }
 * Runtime.getRuntime().addShutdownHook(new Thread(() -> {
 *   deliveries.close();   // first: it settles and commits what is under way
 *   service.close();
 *   stopped.countDown();
 * }, "index-shutdown"));
 * }</pre>
 * where {@code registry} is index-service's Micrometer registry (so the {@code scomon_deliver_*} metrics
 * appear at /metrics); {@code IndexMetrics} keeps it private today, so it needs an accessor such as
 * {@code public MeterRegistry registry()}; until then a {@code new SimpleMeterRegistry()} works. For
 * readiness, {@code deliveries.alive()} can be added to IndexService's checks.
 */
package io.scomon.index.deliver;
