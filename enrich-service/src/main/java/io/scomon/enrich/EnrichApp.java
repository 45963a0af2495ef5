package io.scomon.enrich;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scomon.enrich.alert.SubscriptionIndex;
import io.scomon.enrich.alert.SubscriptionQueryParser;
import io.scomon.enrich.alert.SubscriptionValidator;
import io.scomon.enrich.api.KafkaSubscriptionStore;
import io.scomon.enrich.api.SubscriptionApi;
import io.scomon.schemas.Subscription;
import io.scomon.schemas.topic.Topics;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import io.scomon.enrich.config.EnrichConfig;
import io.scomon.enrich.config.InvalidConfigException;
import io.scomon.enrich.entity.EntityRecognizer;
import io.scomon.enrich.entity.Gazetteer;
import io.scomon.enrich.language.LanguageIdentifier;
import io.scomon.enrich.ops.OpsServer;
import io.scomon.enrich.stage.EntityStage;
import io.scomon.enrich.stage.Enrichment;
import io.scomon.enrich.stage.FingerprintStage;
import io.scomon.enrich.stage.LanguageStage;
import io.scomon.enrich.stage.LiveTaxonomy;
import io.scomon.enrich.stage.TopicStage;
import io.scomon.enrich.text.TextAnalyzer;
import io.scomon.enrich.topology.EnrichTopology;
import io.scomon.schemas.topic.TopicProvisioner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** enrich-service: wires configuration, the enrichment stages, the topology and its lifecycle. */
public final class EnrichApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EnrichApp.class);

  private final KafkaStreams streams;
  private final OpsServer ops;
  private final ScheduledExecutorService reloader;
  private final SubscriptionApi api;
  private final KafkaProducer<String, Subscription> subscriptionProducer;
  private final SubscriptionIndex subscriptions;

  private EnrichApp(KafkaStreams streams, OpsServer ops, ScheduledExecutorService reloader, SubscriptionApi api,
      KafkaProducer<String, Subscription> subscriptionProducer, SubscriptionIndex subscriptions) {
    this.streams = streams;
    this.ops = ops;
    this.reloader = reloader;
    this.api = api;
    this.subscriptionProducer = subscriptionProducer;
    this.subscriptions = subscriptions;
  }

  public static void main(String[] args) throws InterruptedException {
    EnrichConfig config;
    try {
      config = EnrichConfig.load();
    } catch (InvalidConfigException e) {
      System.err.println("enrich-service: " + e.getMessage());
      System.exit(2);
      return;
    }
    EnrichApp app = start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close();
      stopped.countDown();
    }, "enrich-stop"));
    stopped.await();
  }

  /** Starts the service; {@link #close()} stops it. */
  public static EnrichApp start(EnrichConfig config) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    TextAnalyzer analyzer = new TextAnalyzer();
    LiveTaxonomy taxonomy = new LiveTaxonomy(config.taxonomyFile(), analyzer);
    Gazetteer gazetteer = config.gazetteerFile().map(Gazetteer::load).orElseGet(Gazetteer::loadDefault);
    Enrichment enrichment = new Enrichment(analyzer, List.of(
        new LanguageStage(LanguageIdentifier.fromClasspath()),
        new TopicStage(taxonomy::tagger),
        new EntityStage(new EntityRecognizer(gazetteer, analyzer)),
        new FingerprintStage()));
    SubscriptionIndex subscriptions = new SubscriptionIndex(analyzer.lucene(), analyzer.maxChars());
    try {
      Topology topology = EnrichTopology.build(enrichment, config.maxDuplicateDistance(), config.rememberedArticles(), Clock.systemUTC(), subscriptions,
          (event, detail) -> registry.counter("scomon.enrich." + event, "detail", detail).increment());

      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
        new TopicProvisioner(admin, (short) config.replicationFactor()).ensureAll();
      }
      KafkaStreams streams = new KafkaStreams(topology, streamsProperties(config));
      streams.setUncaughtExceptionHandler(e -> {
        LOG.error("stream thread failed, replacing it", e);
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
      });
      new KafkaStreamsMetrics(streams).bindTo(registry);
      OpsServer ops = OpsServer.start(config.httpHost(), config.httpPort(), registry,
          () -> streams.state() == KafkaStreams.State.RUNNING);
      ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "taxonomy-reload");
        t.setDaemon(true);
        return t;
      });
      long every = config.taxonomyReloadInterval().toMillis();
      reloader.scheduleWithFixedDelay(taxonomy::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
      streams.start();
      SubscriptionApi api = null;
      KafkaProducer<String, Subscription> producer = null;
      if (config.api().enabled()) {
        producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
            Topics.SUBSCRIPTIONS.keySerde().serializer(), Topics.SUBSCRIPTIONS.valueSerde().serializer());
        SubscriptionValidator validator = new SubscriptionValidator(new SubscriptionQueryParser(analyzer.lucene()),
            taxonomy.tagger().taxonomy().topics().stream().map(t -> t.name()).collect(Collectors.toSet()));
        api = SubscriptionApi.start(config.api().host(), config.api().port(), config.api().token(),
            new KafkaSubscriptionStore(producer, streams, Duration.ofSeconds(5)), validator, Clock.systemUTC());
        LOG.info("subscriptions API on http://{}:{}/subscriptions", config.api().host(), api.port());
      }
      LOG.info("enrich-service started: taxonomy {}, health and metrics on http://{}:{}", taxonomy.version(), config.httpHost(), ops.port());
      return new EnrichApp(streams, ops, reloader, api, producer, subscriptions);
    } catch (RuntimeException | Error e) {
      subscriptions.close(); // its Monitor's purge thread would keep the JVM of a failed start alive
      throw e;
    }
  }

  static Properties streamsProperties(EnrichConfig config) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.replicationFactor());
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    // articles are 5 to 10 KB: the default 16 KB batch holds two, and the broker then spends more on
    // requests than on data (EnrichThroughputLoad: 1 MB batches, 16 % more articles/s, 40 % less broker CPU)
    p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 1024 * 1024);
    p.putAll(config.streamsOverrides());
    return p;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  public int httpPort() {
    return ops.port();
  }

  /** Port of the subscriptions API, or -1 when it is disabled. */
  public int apiPort() {
    return api == null ? -1 : api.port();
  }

  @Override
  public void close() {
    if (api != null) {
      api.close();
      subscriptionProducer.close(Duration.ofSeconds(5));
    }
    reloader.shutdownNow();
    try {
      // leave the group, so that a restarted instance gets the partitions at once (not after the session timeout)
      streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
          .withTimeout(Duration.ofSeconds(30)));
    } finally {
      subscriptions.close(); // after the stream threads, which match against it; stops the Monitor's purge thread
      ops.close();
    }
  }
}
