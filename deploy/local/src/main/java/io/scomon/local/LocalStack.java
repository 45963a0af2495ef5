package io.scomon.local;

import io.scomon.infra.InfraException;
import io.scomon.infra.demo.DemoSite;
import io.scomon.infra.elasticsearch.ElasticsearchDistribution;
import io.scomon.infra.elasticsearch.ElasticsearchNode;
import io.scomon.infra.process.Ports;
import io.scomon.schemas.topic.TopicProvisioner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Runs the whole system on this machine: Kafka (own JVM) and Elasticsearch (own process) with data
 * kept between runs, the pipeline's topics, and prints where everything is. Ctrl-C stops all it
 * started; so does {@code deploy/scomon down}.
 */
public final class LocalStack implements AutoCloseable {

  private LocalStackConfig config;
  private final PrintStream out;
  private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
  private String kafkaBootstrap;
  private String elasticsearchUrl;
  private String apiToken;
  private DemoSite demoSite;
  private DemoWebhook demoWebhook;
  private final Map<String, ChildProcess> processes = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, ServiceSpec> specs = new java.util.concurrent.ConcurrentHashMap<>();
  private int controllerPort;
  private ElasticsearchNode elasticsearch;

  LocalStack(LocalStackConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    LocalStackConfig config;
    try {
      config = LocalStackConfig.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("scomon up: " + e.getMessage());
      System.exit(2);
      return;
    }
    LocalStack stack = new LocalStack(config, System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stack.out.println("Stopping SCO Monitor ...");
      stack.close();
      stopped.countDown();
    }, "scomon-stop"));
    try {
      stack.start();
    } catch (InfraException e) {
      System.err.println("scomon up: " + e.getMessage());
      System.exit(1);
      return;
    }
    stack.printEndpoints();
    stopped.await();
  }

  void start() {
    Path data = config.dataDir();
    try {
      Files.createDirectories(data.resolve("logs"));
    } catch (IOException e) {
      throw new InfraException("cannot create the data directory " + data + ": " + e.getMessage(), e);
    }
    PidFile.claim(data.resolve("scomon.pid"));
    started.add(() -> PidFile.release(data.resolve("scomon.pid")));
    controllerPort = config.kafkaPort() == 0 ? Ports.free() : config.kafkaPort() + 1;
    Ports.requireFree(config.kafkaPort(), "Kafka", "SCOMON_KAFKA_PORT");
    Ports.requireFree(config.elasticsearchPort(), "Elasticsearch", "SCOMON_ES_PORT");
    Ports.requireFree(config.kafkaPort() == 0 ? 0 : controllerPort, "the Kafka controller", "SCOMON_KAFKA_PORT (it uses PORT+1 too)");
    Ports.requireFree(config.apiPort(), "the subscriptions API", "SCOMON_API_PORT");
    Ports.requireFree(config.health().ingest(), "ingest-service health", "(stop what uses it)");
    Ports.requireFree(config.health().enrich(), "enrich-service health", "(stop what uses it)");
    Ports.requireFree(config.health().index(), "index-service health", "(stop what uses it)");
    config = resolvePorts(config);

    out.println("Starting Kafka and Elasticsearch (data in " + data + ") ...");
    ChildProcess kafka = startKafka();
    kafkaBootstrap = Ports.LOOPBACK + ":" + config.kafkaPort();

    ElasticsearchNode es = ElasticsearchNode.start(ElasticsearchDistribution.fromSystemProperties(),
        ElasticsearchNode.Settings.throwaway().withHttpPort(config.elasticsearchPort())
            .withHome(config.elasticsearchHome()));
    started.add(es);
    elasticsearch = es;
    elasticsearchUrl = es.httpUrl();

    awaitKafka(kafka);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap))) {
      new TopicProvisioner(admin, (short) 1).ensureAll();
    }
    apiToken = ApiToken.loadOrCreate(data.resolve("api-token"));
    Path sources = config.sourcesFile();
    if (config.demo()) {
      demoSite = DemoSite.start();
      started.add(demoSite);
      sources = DemoSources.write(demoSite.baseUrl(), demoSite.port(), data.resolve("demo-sources.yml"));
    }
    out.println("Starting the services (logs in " + data.resolve("logs") + ") ...");
    for (ServiceSpec service : services(sources)) {
      specs.put(service.name(), service);
      startService(service);
    }
    if (config.demo()) {
      String secret = ApiToken.loadOrCreate(data.resolve("demo-webhook-secret"));
      demoWebhook = DemoWebhook.start(secret, out);
      started.add(demoWebhook);
      DemoSubscription.ensure(apiUrl(), apiToken, demoWebhook.url(), secret);
    }
  }

  private ChildProcess startKafka() {
    Path data = config.dataDir();
    ChildProcess kafka = ChildProcess.startJava("kafka", data, data.resolve("logs/kafka.log"),
        List.of("-Xms256m", "-Xmx512m"), "io.scomon.infra.kafka.KafkaServerMain",
        List.of(data.resolve("kafka").toString(), Integer.toString(config.kafkaPort()),
            Integer.toString(controllerPort)), Map.of());
    started.add(kafka);
    processes.put("kafka", kafka);
    return kafka;
  }

  private void startService(ServiceSpec service) {
    Path data = config.dataDir();
    ChildProcess process = ChildProcess.startJava(service.name(), data, data.resolve("logs/" + service.name() + ".log"),
        service.jvmArgs(), service.mainClass(), List.of(), service.env());
    started.add(process);
    processes.put(service.name(), process);
    HealthCheck.awaitReady(process, service.healthPort(), Duration.ofSeconds(180));
  }

  /** The operating-system process id of each JVM and of Elasticsearch (measurements). */
  Map<String, Long> processIds() {
    Map<String, Long> ids = new java.util.LinkedHashMap<>();
    processes.forEach((name, process) -> process.programPid().ifPresent(pid -> ids.put(name, pid)));
    if (elasticsearch != null) {
      elasticsearch.serverPid().ifPresent(pid -> ids.put("elasticsearch", pid));
    }
    return ids;
  }

  /** Kills a service's JVM with SIGKILL, as a crash would (fault tests). */
  void kill(String service) {
    ChildProcess process = processes.get(service);
    if (process == null) {
      throw new IllegalArgumentException("no process " + service + "; known: " + processes.keySet());
    }
    process.kill();
  }

  /** Starts a killed or stopped service again with the same settings and waits until it is ready. */
  void restart(String service) {
    ChildProcess old = processes.get(service);
    if (old != null && old.isAlive()) {
      old.close();
    }
    startService(specs.get(service));
  }

  /** Stops Kafka cleanly and starts it again on the same ports and data (fault tests). */
  void restartKafka() {
    processes.get("kafka").close();
    awaitKafka(startKafka());
  }

  /** The configuration with every port 0 replaced by a free one. */
  private static LocalStackConfig resolvePorts(LocalStackConfig c) {
    LocalStackConfig.HealthPorts h = c.health();
    return new LocalStackConfig(c.dataDir(), orFree(c.kafkaPort()), orFree(c.elasticsearchPort()), orFree(c.apiPort()),
        c.sourcesFile(), c.demo(), new LocalStackConfig.HealthPorts(orFree(h.ingest()), orFree(h.enrich()), orFree(h.index())),
        c.smtp(), c.serviceEnv());
  }

  private static int orFree(int port) {
    return port == 0 ? Ports.free() : port;
  }

  /** The three services, configured through their environment variables. */
  private List<ServiceSpec> services(Path sources) {
    Path data = config.dataDir();
    Map<String, String> enrich = Map.of(
        "ENRICH_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap,
        "ENRICH_STATE_DIR", data.resolve("enrich-state").toString(),
        "ENRICH_HTTP_PORT", Integer.toString(config.health().enrich()),
        "ENRICH_API_PORT", Integer.toString(config.apiPort()),
        "ENRICH_API_TOKEN", apiToken);
    Map<String, String> index = new java.util.HashMap<>(Map.of(
        "INDEX_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap,
        "INDEX_ELASTICSEARCH_URL", elasticsearchUrl,
        "INDEX_HTTP_PORT", Integer.toString(config.health().index())));
    if (config.smtp() != null) {
      index.put("INDEX_DELIVER_EMAIL_SMTP_HOST", config.smtp().substring(0, config.smtp().lastIndexOf(':')));
      index.put("INDEX_DELIVER_EMAIL_SMTP_PORT", config.smtp().substring(config.smtp().lastIndexOf(':') + 1));
    }
    Map<String, String> ingest = new java.util.HashMap<>(Map.of(
        "INGEST_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap,
        "INGEST_HTTP_PORT", Integer.toString(config.health().ingest())));
    if (sources != null) {
      ingest.put("INGEST_SOURCES_FILE", sources.toString());
    }
    if (config.demo()) {
      ingest.put("INGEST_POLITENESS_MIN_DELAY", "100ms");
    }
    return List.of(
        new ServiceSpec("enrich-service", "io.scomon.enrich.EnrichApp", withPassedOn("ENRICH_", enrich), config.health().enrich(), ServiceSpec.JVM),
        new ServiceSpec("index-service", "io.scomon.index.IndexApp", withPassedOn("INDEX_", index), config.health().index(), ServiceSpec.JVM),
        new ServiceSpec("ingest-service", "io.scomon.ingest.IngestApp", withPassedOn("INGEST_", ingest), config.health().ingest(), ServiceSpec.JVM));
  }

  /** The service's variables from the launcher's environment, under the stack's own settings. */
  private Map<String, String> withPassedOn(String prefix, Map<String, String> own) {
    Map<String, String> env = new java.util.HashMap<>();
    config.serviceEnv().forEach((name, value) -> {
      if (name.startsWith(prefix)) {
        env.put(name, value);
      }
    });
    env.putAll(own);
    return env;
  }

  String apiUrl() {
    return "http://127.0.0.1:" + config.apiPort();
  }

  void printEndpoints() {
    out.println("SCO Monitor is running.");
    out.println("Elasticsearch: " + elasticsearchUrl);
    out.println("Kafka: " + kafkaBootstrap);
    out.println("API: " + apiUrl() + "/subscriptions (token in " + config.dataDir().resolve("api-token") + ")");
    out.println("Health: ingest http://127.0.0.1:" + config.health().ingest() + "/health/ready, enrich http://127.0.0.1:"
        + config.health().enrich() + "/health/ready, index http://127.0.0.1:" + config.health().index()
        + "/health/ready");
    if (demoSite != null) {
      out.println("Demo site: " + demoSite.baseUrl());
      out.println("Demo webhook: " + demoWebhook.url() + " (alerts of the sample subscription 'demo-afghanistan' print here)");
    }
    out.println("Sources: " + (config.demo() ? config.dataDir().resolve("demo-sources.yml")
        : config.sourcesFile() != null ? config.sourcesFile() : "the shipped list of real SCO sources (needs internet)"));
    out.println("Data: " + config.dataDir());
    out.println("Logs: " + config.dataDir().resolve("logs"));
    out.println("Stop: Ctrl-C here, or deploy/scomon down");
  }

  LocalStackConfig config() {
    return config;
  }

  DemoWebhook demoWebhook() {
    return demoWebhook;
  }

  String apiToken() {
    return apiToken;
  }

  String kafkaBootstrap() {
    return kafkaBootstrap;
  }

  String elasticsearchUrl() {
    return elasticsearchUrl;
  }

  private void awaitKafka(ChildProcess kafka) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
      while (System.nanoTime() < deadline) {
        if (!kafka.isAlive()) {
          throw new InfraException("Kafka stopped while starting. Last lines of " + kafka.log() + ":\n  " + kafka.tail(20));
        }
        try {
          admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException | TimeoutException e) {
          // not ready yet
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InfraException("interrupted while waiting for Kafka", e);
        }
      }
    }
    throw new InfraException("Kafka did not become ready within 90 s; see " + kafka.log() + ":\n  " + kafka.tail(20));
  }

  @Override
  public void close() {
    List<AutoCloseable> reversed = new ArrayList<>(started);
    Collections.reverse(reversed);
    for (AutoCloseable c : reversed) {
      try {
        c.close();
      } catch (Exception e) {
        System.err.println("while stopping: " + e.getMessage());
      }
    }
    started.clear();
  }

  /** One process of the stack per data directory. */
  static final class PidFile {
    private PidFile() {}

    static void claim(Path file) {
      try {
        if (Files.exists(file)) {
          String text = Files.readString(file, StandardCharsets.UTF_8).strip();
          long pid = Long.parseLong(text.isEmpty() ? "0" : text);
          if (pid != 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new InfraException("SCO Monitor already runs from this data directory (pid " + pid + "). "
                + "Stop it with 'deploy/scomon down' (or Ctrl-C in its terminal), or use another SCOMON_DATA.");
          }
        }
        Files.writeString(file, Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
      } catch (IOException | NumberFormatException e) {
        throw new InfraException("cannot use pid file " + file + ": " + e.getMessage(), e);
      }
    }

    static void release(Path file) throws IOException {
      Files.deleteIfExists(file);
    }
  }
}
