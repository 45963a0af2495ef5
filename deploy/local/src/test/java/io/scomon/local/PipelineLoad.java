package io.scomon.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scomon.infra.demo.DemoSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Load run of the whole pipeline as {@code deploy/scomon up} runs it: a generated site of HOSTS x
 * PAGES stories (one demo site per port on 127.0.0.1, each a host of its own for politeness and
 * robots.txt), crawled with no per-host delay, enriched and indexed. Prints the end-to-end rate,
 * the latency from fetch to indexed (median, p95), each process's peak resident memory, and when
 * each stage finished, which shows the bottleneck. Bounded: stops by itself after 20 minutes.
 *
 * <p>Run: {@code deploy/scomon load deploy/local io.scomon.local.PipelineLoad [HOSTS] [PAGES]} (default 50 x 100).
 */
public final class PipelineLoad {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private PipelineLoad() {}

  public static void main(String[] args) throws Exception {
    int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int pages = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int total = hosts * pages;
    Path data = Files.createTempDirectory("scomon-pipeline-load-");
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<DemoSite> sites = new ArrayList<>();
    StringBuilder sources = new StringBuilder("""
        defaults:
          schedule: {interval: 10m, min: 1m, max: 1h}
          allowPrivateAddresses: true
        sources:
        """);
    for (int h = 0; h < hosts; h++) {
      DemoSite site = DemoSite.start();
      sites.add(site);
      sources.append("""
            - id: load-host-%d
              name: Load host %d
              kind: news-sitemap
              url: %s/bench/sitemap.xml?n=%d
              language: en
          """.formatted(h, h, site.baseUrl(), pages));
    }
    Path sourcesFile = data.resolve("sources.yml");
    Files.writeString(sourcesFile, sources.toString());
    LocalStackConfig config = LocalStackConfig.parse(new String[] {"--free-ports", "--sources", sourcesFile.toString()},
        Map.of("SCOMON_DATA", data.resolve("stack").toString(), "INGEST_POLITENESS_MIN_DELAY", "0s"));
    LocalStack stack = new LocalStack(config, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    Map<String, Long> peakKb = new LinkedHashMap<>();
    try {
      long launched = System.nanoTime();
      stack.start();
      double startup = (System.nanoTime() - launched) / 1e9;
      long started = System.nanoTime();
      long deadline = started + Duration.ofMinutes(20).toNanos();
      long indexed = 0;
      while (indexed < total && System.nanoTime() < deadline) {
        Thread.sleep(2_000);
        indexed = count(stack);
        sampleMemory(stack, peakKb);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("%n=== SCO Monitor pipeline load: %d hosts x %d pages = %d stories ===%n", hosts, pages, total);
      System.out.printf("stack started in %.1f s; %d of %d stories indexed %.1f s after the services were up%n",
          startup, indexed, total, seconds);
      System.out.printf("end-to-end rate: %.1f articles/s%n", indexed / seconds);
      report(stack, started);
      System.out.println("peak resident memory (VmHWM) per process:");
      peakKb.forEach((name, kb) -> System.out.printf("  %-16s %6d MB%n", name, kb / 1024));
    } finally {
      stack.close();
      sites.forEach(DemoSite::close);
      deleteTree(data);
    }
  }

  /** Fetch-to-indexed latency and the time each stage finished its last article. */
  private static void report(LocalStack stack, long startedNanos) throws IOException, InterruptedException {
    List<Long> latencies = new ArrayList<>();
    Instant lastFetched = Instant.EPOCH;
    Instant lastEnriched = Instant.EPOCH;
    Instant lastIndexed = Instant.EPOCH;
    Instant firstFetched = Instant.MAX;
    String after = null;
    while (true) {
      String body = "{\"size\": 5000, \"_source\": [\"event.created\", \"event.ingested\", \"scomon.enriched_at\"],"
          + " \"sort\": [{\"scomon.article_id\": \"asc\"}]" + (after == null ? "" : ", \"search_after\": [\"" + after + "\"]") + "}";
      JsonNode hits = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl()
          + "/scomon-articles/_search")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body()).at("/hits/hits");
      if (hits.isEmpty()) {
        break;
      }
      for (JsonNode hit : hits) {
        Instant fetched = Instant.parse(hit.at("/_source/event/created").asText());
        Instant ingested = Instant.parse(hit.at("/_source/event/ingested").asText());
        Instant enriched = Instant.parse(hit.at("/_source/scomon/enriched_at").asText());
        latencies.add(Duration.between(fetched, ingested).toMillis());
        firstFetched = fetched.isBefore(firstFetched) ? fetched : firstFetched;
        lastFetched = fetched.isAfter(lastFetched) ? fetched : lastFetched;
        lastEnriched = enriched.isAfter(lastEnriched) ? enriched : lastEnriched;
        lastIndexed = ingested.isAfter(lastIndexed) ? ingested : lastIndexed;
        after = hit.at("/sort/0").asText();
      }
    }
    Collections.sort(latencies);
    if (latencies.isEmpty()) {
      System.out.println("no article indexed");
      return;
    }
    System.out.printf("fetch -> indexed latency: median %d ms, p95 %d ms, max %d ms (searchable after the next refresh, <= 1 s)%n",
        latencies.get(latencies.size() / 2), latencies.get((int) (latencies.size() * 0.95)), latencies.get(latencies.size() - 1));
    System.out.printf("stages finished (s after the first fetch): fetch %.1f, enrich %.1f, index %.1f%n",
        secs(firstFetched, lastFetched), secs(firstFetched, lastEnriched), secs(firstFetched, lastIndexed));
    System.out.printf("fetch rate over the crawl: %.1f pages/s; the stage that finishes close behind the one before it "
        + "is keeping up, the first stage that does not is the bottleneck%n", latencies.size() / Math.max(0.001, secs(firstFetched, lastFetched)));
  }

  private static double secs(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  private static long count(LocalStack stack) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl()
        + "/scomon-articles/_count")).build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? JSON.readTree(response.body()).path("count").asLong() : 0;
  }

  /** Peak resident memory of each JVM of the stack, from /proc (VmHWM). */
  private static void sampleMemory(LocalStack stack, Map<String, Long> peakKb) {
    stack.processIds().forEach((name, pid) -> {
      try {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
          if (line.startsWith("VmHWM:")) {
            long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
            peakKb.merge(name, kb, Math::max);
          }
        }
      } catch (IOException e) {
        // the process ended between samples
      }
    });
  }

  private static void deleteTree(Path root) {
    try (var walk = Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      System.err.println("could not delete " + root + ": " + e.getMessage());
    }
  }
}
