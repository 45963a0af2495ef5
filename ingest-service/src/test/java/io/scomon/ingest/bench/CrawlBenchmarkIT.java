package io.scomon.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.scomon.infra.demo.DemoSite;
import io.scomon.infra.junit.KafkaCluster;
import io.scomon.infra.junit.RealKafka;
import io.scomon.infra.process.Ports;
import io.scomon.schemas.topic.TopicProvisioner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a timed test: ingest-service as its own JVM ({@code -Xmx512m}) crawls generated
 * stories of the demo site (fetch, extract, publish to a real Kafka) with no per-host delay, once
 * with all stories on one host (one request at a time, as politeness demands) and once spread over
 * several hosts. Throughput and heap come from the service's own /metrics. Run with
 * {@code mvn -B -o -pl ingest-service verify -Dit.test=CrawlBenchmarkIT -Dscomon.bench=true
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dscomon.bench.pages=N},
 * {@code -Dscomon.bench.hosts=H}); results in {@code target/bench-ingest.txt}.
 */
@RealKafka
@EnabledIfSystemProperty(named = "scomon.bench", matches = "true")
@Timeout(900)
class CrawlBenchmarkIT {

  private record Result(String label, int pages, int hosts, double seconds, double pagesPerSecond, long peakHeap,
      long maxHeap) {
    String line() {
      return String.format(Locale.ROOT, "%-10s %5d pages, %d host(s): %6.1f s, %6.1f pages/s, peak heap used %4d MB"
          + " of %d MB max", label, pages, hosts, seconds, pagesPerSecond, peakHeap >> 20, maxHeap >> 20);
    }
  }

  @Test
  void fetchExtractPublishThroughputAndHeap(KafkaCluster kafka) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      new TopicProvisioner(admin, (short) 1).ensureAll();
    }
    int pages = Integer.getInteger("scomon.bench.pages", 2000);
    int hosts = Integer.getInteger("scomon.bench.hosts", 4);
    List<Result> results = new ArrayList<>();
    results.add(run(kafka.bootstrapServers(), "one-host", pages, 1));
    results.add(run(kafka.bootstrapServers(), "multi-host", pages, hosts));
    StringBuilder report = new StringBuilder("ingest-service crawl benchmark (fetch + extract + publish, per-host delay 0,"
        + " -Xmx512m, " + Runtime.getRuntime().availableProcessors() + " CPUs)\n");
    results.forEach(r -> report.append(r.line()).append('\n'));
    Files.writeString(Path.of("target", "bench-ingest.txt"), report.toString());
    System.out.print(report);
    assertThat(results).allSatisfy(r -> assertThat(r.peakHeap()).isLessThanOrEqualTo(512L << 20));
  }

  private Result run(String bootstrap, String label, int pages, int hostCount) throws Exception {
    List<DemoSite> sites = new ArrayList<>();
    Process child = null;
    try {
      StringBuilder yaml = new StringBuilder("sources:\n");
      for (int i = 0; i < hostCount; i++) {
        DemoSite site = DemoSite.start();
        sites.add(site);
        yaml.append("  - id: bench-").append(label).append('-').append(i).append('\n')
            .append("    kind: news-sitemap\n")
            .append("    url: ").append(site.baseUrl()).append("/bench/sitemap.xml?n=").append(pages / hostCount).append('\n')
            .append("    allowPrivateAddresses: true\n")
            .append("    schedule: {interval: 1h}\n");
      }
      Path sources = Files.createTempFile("bench-sources", ".yml");
      Files.writeString(sources, yaml);
      int httpPort = Ports.free();
      String classpath = snapshotOfClasses() + java.io.File.pathSeparator
          + Files.readString(Path.of("target", "classpath.txt")).strip();
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx512m", "-cp", classpath,
          "-Dingest.kafka.bootstrap-servers=" + bootstrap,
          "-Dingest.kafka.fetch-group-id=bench-" + label + "-" + System.nanoTime(),
          "-Dingest.sources.file=" + sources,
          "-Dingest.politeness.min-delay=0",
          "-Dingest.crawl.max-links-per-poll=" + pages,
          "-Dingest.http.port=" + httpPort,
          "io.scomon.ingest.IngestApp"));
      Path log = Path.of("target", "bench-ingest-" + label + ".log");
      child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      long started = 0;
      long peakHeap = 0;
      long maxHeap = 0;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      int expected = (pages / hostCount) * hostCount;
      double lastPublished = -1;
      long lastProgress = System.nanoTime();
      while (System.nanoTime() < deadline) {
        if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(60)) {
          throw new AssertionError("no progress for 60 s, see " + log);
        }
        Thread.sleep(200);
        if (!child.isAlive()) {
          throw new AssertionError("the service stopped (exit " + child.exitValue() + "), see " + log);
        }
        String metrics;
        try {
          metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics"))
              .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException notUpYet) {
          continue;
        }
        double published = sum(metrics, "scomon_ingest_articles_published_total{source=\"bench-" + label);
        double requested = sum(metrics, "scomon_ingest_fetch_requests_total{source=\"bench-" + label);
        peakHeap = Math.max(peakHeap, (long) sum(metrics, "jvm_memory_used_bytes{area=\"heap\""));
        maxHeap = Math.max(maxHeap, (long) sum(metrics, "jvm_memory_max_bytes{area=\"heap\""));
        if (published > lastPublished) {
          lastPublished = published;
          lastProgress = System.nanoTime();
        }
        if (started == 0 && requested > 0) {
          started = System.nanoTime();
        }
        if (published >= expected) {
          double seconds = (System.nanoTime() - started) / 1e9;
          return new Result(label, expected, hostCount, seconds, expected / seconds, peakHeap, maxHeap);
        }
      }
      throw new AssertionError("not all " + expected + " pages published within 10 minutes, see " + log);
    } finally {
      if (child != null) {
        child.destroy();
        if (!child.waitFor(20, TimeUnit.SECONDS)) {
          child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
      sites.forEach(DemoSite::close);
    }
  }

  /** A private copy of target/classes, so that another build of the module cannot pull it from under the service. */
  private static String snapshotOfClasses() throws IOException {
    Path from = Path.of("target", "classes").toAbsolutePath();
    Path to = Files.createTempDirectory("bench-ingest-classes");
    try (var walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to.toString();
  }

  private static double sum(String metrics, String prefix) {
    double total = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith(prefix)) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }
}
