package io.scomon.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scomon.index.admin.IndexLayout;
import io.scomon.index.admin.IndexTemplates;
import io.scomon.index.config.IndexConfig;
import io.scomon.index.consume.IndexingConsumer;
import io.scomon.index.document.AlertDocuments;
import io.scomon.index.document.ArticleDocuments;
import io.scomon.index.ops.IndexMetrics;
import io.scomon.index.ops.OpsServer;
import io.scomon.index.ops.Readiness;
import io.scomon.index.sink.BulkWriter;
import io.scomon.index.sink.DeadLetterPublisher;
import io.scomon.index.sink.MovedArticleSweeper;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * index-service, wired and running: the index layout installed, the consumer thread feeding the bulk
 * writer, readiness checks and the operations server. {@link #close()} stops it in order and waits for
 * what was read to be acknowledged (up to {@code index.shutdown.timeout}).
 */
public final class IndexService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);

  private final Deque<AutoCloseable> resources;
  private final IndexMetrics metrics;
  private final OpsServer ops;
  private final Readiness readiness;

  private IndexService(Deque<AutoCloseable> resources, IndexMetrics metrics, OpsServer ops, Readiness readiness) {
    this.resources = resources;
    this.metrics = metrics;
    this.ops = ops;
    this.readiness = readiness;
  }

  /** Starts the service; fails (having released what it opened) when the layout cannot be installed in time. */
  public static IndexService start(IndexConfig config) {
    Deque<AutoCloseable> resources = new ArrayDeque<>(); // closed last-opened first
    try {
      Clock clock = Clock.systemUTC();
      ObjectMapper mapper = new ObjectMapper();
      IndexMetrics metrics = new IndexMetrics();

      RestClient rest = RestClient.builder(HttpHost.create(config.elasticsearch().url().toString()))
          .setRequestConfigCallback(r -> r
              .setConnectTimeout((int) config.elasticsearch().connectTimeout().toMillis())
              .setSocketTimeout((int) config.elasticsearch().socketTimeout().toMillis()))
          .build();
      RestClientTransport transport = new RestClientTransport(rest, new JacksonJsonpMapper(mapper));
      resources.push(transport);
      ElasticsearchClient client = new ElasticsearchClient(transport);

      IndexLayout layout = new IndexLayout(client, new IndexTemplates(mapper), config.layout(), clock);
      layout.install(config.elasticsearch().startupTimeout());

      DeadLetterPublisher deadLetters = DeadLetterPublisher.create(config.kafka().bootstrapServers(),
          config.kafka().clientId(), clock);
      resources.push(deadLetters);
      MovedArticleSweeper sweeper = new MovedArticleSweeper(client, config.duplicates().settle(),
          config.duplicates().batchSize(), metrics).start(config.duplicates().sweepInterval());
      resources.push(sweeper);
      metrics.duplicateChecksPending(sweeper::pending);
      BulkWriter writer = new BulkWriter(client, config.bulk(), config.retry(), deadLetters, metrics,
          layout::ensureIndex, sweeper);
      resources.push(writer);
      IndexingConsumer consumer = IndexingConsumer.create(config, writer, new ArticleDocuments(mapper),
          new AlertDocuments(mapper), metrics, clock);
      Thread loop = new Thread(consumer, "index-consumer");
      loop.start();
      resources.push(consumer);

      Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers(),
          AdminClientConfig.CLIENT_ID_CONFIG, config.kafka().clientId() + "-health"));
      resources.push(admin);
      Map<String, Readiness.Check> checks = new LinkedHashMap<>();
      checks.put("kafka", () -> admin.describeCluster().clusterId().get(2, TimeUnit.SECONDS));
      checks.put("elasticsearch", () -> {
        HealthStatus status = client.cluster().health(h -> h.timeout(t -> t.time("2s"))).status();
        if (status == HealthStatus.Red) {
          throw new IllegalStateException("cluster health is red");
        }
      });
      checks.put("consumer", () -> {
        if (!consumer.started() || !consumer.alive()) {
          throw new IllegalStateException("the consumer loop is not running");
        }
      });
      Readiness readiness = new Readiness(checks).start(config.http().healthCheckInterval());
      resources.push(readiness);
      OpsServer ops = OpsServer.start(config.http().port(), metrics, readiness, consumer::alive, mapper);
      resources.push(ops);
      LOG.info("index-service started: Kafka {}, Elasticsearch {}, operations on http://127.0.0.1:{}",
          config.kafka().bootstrapServers(), config.elasticsearch().url(), ops.port());
      return new IndexService(resources, metrics, ops, readiness);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  /** Port of the operations server. */
  public int httpPort() {
    return ops.port();
  }

  public IndexMetrics metrics() {
    return metrics;
  }

  public boolean ready() {
    return readiness.ready();
  }

  @Override
  public synchronized void close() {
    closeAll(resources);
    LOG.info("index-service stopped");
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    // ops server, readiness, admin, consumer (waits for acknowledgements, commits), writer, sweeper, DLQ producer,
    // transport
    while (!resources.isEmpty()) {
      AutoCloseable resource = resources.pop();
      try {
        resource.close();
      } catch (IOException e) {
        LOG.warn("closing {}: {}", resource.getClass().getSimpleName(), e.toString());
      } catch (Exception e) {
        LOG.warn("closing {}: {}", resource.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
