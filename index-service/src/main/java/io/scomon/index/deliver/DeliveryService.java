package io.scomon.index.deliver;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.scomon.index.config.IndexConfig;
import io.scomon.index.sink.Backoff;
import io.scomon.index.sink.DeadLetterPublisher;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alert delivery, wired and running: the subscription directory caught up, the ledger index in place,
 * the consumer of {@code scomon.alerts} and the digest checks started. {@link #close()} stops reading,
 * lets the sends under way finish and be recorded (up to {@code index.shutdown.timeout}), commits what
 * is settled, and releases everything. See the package documentation for how IndexApp wires it.
 */
public final class DeliveryService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryService.class);

  private final Deque<AutoCloseable> resources;
  private final AlertConsumer consumer;
  private final SubscriptionDirectory directory;
  private final DeliveryMetrics metrics;

  private DeliveryService(Deque<AutoCloseable> resources, AlertConsumer consumer, SubscriptionDirectory directory,
      DeliveryMetrics metrics) {
    this.resources = resources;
    this.consumer = consumer;
    this.directory = directory;
    this.metrics = metrics;
  }

  /**
   * Starts delivery; fails with a {@link DeliveryStartupException} (having released what it opened)
   * when the subscriptions cannot be read or the ledger index created within
   * {@code index.deliver.startup-timeout}.
   *
   * @param index Kafka, Elasticsearch, layout, retry, commit interval and shutdown timeout of index-service
   * @param registry where the delivery metrics go: index-service's registry, so they appear at /metrics
   */
  public static DeliveryService start(IndexConfig index, DeliveryConfig config, MeterRegistry registry) {
    Deque<AutoCloseable> resources = new ArrayDeque<>(); // closed last-opened first
    try {
      Clock clock = Clock.systemUTC();
      ObjectMapper mapper = new ObjectMapper();
      DeliveryMetrics metrics = new DeliveryMetrics(registry);

      RestClient rest = RestClient.builder(HttpHost.create(index.elasticsearch().url().toString()))
          .setRequestConfigCallback(r -> r
              .setConnectTimeout((int) index.elasticsearch().connectTimeout().toMillis())
              .setSocketTimeout((int) index.elasticsearch().socketTimeout().toMillis()))
          .build();
      RestClientTransport transport = new RestClientTransport(rest, new JacksonJsonpMapper(mapper));
      resources.push(transport);
      DeliveryLedger ledger = new DeliveryLedger(new ElasticsearchAsyncClient(transport), config.ledgerIndex());
      ledger.ensureIndex(index.layout(), config.startupTimeout());

      DeadLetterPublisher deadLetters = DeadLetterPublisher.create(index.kafka().bootstrapServers(),
          index.kafka().clientId() + "-deliver", clock);
      resources.push(deadLetters);
      ExecutorService deadLetterThread = Executors.newSingleThreadExecutor(daemon("deliver-dlq"));
      resources.push(deadLetterThread::shutdownNow);

      SubscriptionDirectory directory = SubscriptionDirectory.create(index.kafka().bootstrapServers(),
          index.kafka().clientId());
      Thread directoryThread = new Thread(directory, "deliver-subscriptions");
      directoryThread.setDaemon(true);
      directoryThread.start();
      resources.push(directory);
      directory.awaitCaughtUp(config.startupTimeout());
      metrics.subscriptions(directory::size);

      Async async = new Async(2, new Backoff(index.retry().initialBackoff(), index.retry().maxBackoff()));
      resources.push(async);
      ExecutorService httpThreads = Executors.newCachedThreadPool(daemon("deliver-http"));
      resources.push(httpThreads::shutdownNow);
      WebhookSender webhooks = new WebhookSender(
          WebhookSender.client(config.webhook().connectTimeout(), httpThreads), config.webhook().timeout(), clock);
      EmailSender email = new EmailSender(config.email());
      resources.push(email);

      ChannelSenders senders = new ChannelSenders(directory, webhooks, email, new WebhookPayloads(mapper),
          new EmailRenderer());
      RetryPolicy policy = new RetryPolicy(config.retry());
      SendLoop alertSends = new SendLoop(policy, async, metrics);
      Settlement settlement = new Settlement(ledger, deadLetters, deadLetterThread, async, metrics, clock);
      AlertDispatcher dispatcher = new AlertDispatcher(directory, ledger, senders, alertSends, settlement, async,
          metrics, clock);

      DigestScheduler digests = new DigestScheduler(ledger, directory, senders, new SendLoop(policy, async, metrics),
          settlement, async, config.digest(), clock);
      digests.start();
      resources.push(digests);

      AlertConsumer consumer = new AlertConsumer(
          AlertConsumer.kafkaConsumer(index.kafka().bootstrapServers(), config.groupId(), index.kafka().clientId(),
              config.maxInFlight()),
          dispatcher, async, config.maxInFlight(), config.maxRetrying(), alertSends::waiting,
          index.kafka().commitInterval(), index.shutdownTimeout());
      metrics.inFlight(consumer::inFlight);
      Thread loopThread = new Thread(consumer, "deliver-consumer");
      loopThread.start();
      resources.push(consumer);

      LOG.info("alert delivery started: group {}, ledger {}, {} subscriptions known, SMTP {}:{}", config.groupId(),
          config.ledgerIndex(), directory.size(), config.email().smtpHost(), config.email().smtpPort());
      return new DeliveryService(resources, consumer, directory, metrics);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  /** True while the consumer loop and the subscription directory run (for readiness and liveness checks). */
  public boolean alive() {
    return consumer.alive() && directory.alive();
  }

  /** Alerts read and not settled yet. */
  public int inFlight() {
    return consumer.inFlight();
  }

  DeliveryMetrics metrics() {
    return metrics;
  }

  @Override
  public synchronized void close() {
    closeAll(resources);
    LOG.info("alert delivery stopped");
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    // consumer (settles what is under way, commits), digests, SMTP, HTTP, scheduler, directory, DLQ, transport
    while (!resources.isEmpty()) {
      AutoCloseable resource = resources.pop();
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("closing {}: {}", resource.getClass().getSimpleName(), e.toString());
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
