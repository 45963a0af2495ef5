package io.scomon.ingest.testing;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scomon.ingest.IngestService;
import io.scomon.ingest.config.IngestConfig;
import io.scomon.ingest.source.PollSchedule;
import io.scomon.ingest.source.Source;
import io.scomon.ingest.source.SourceList;
import io.scomon.ingest.source.SourcesFile;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Starts an {@link IngestService} in the test JVM with test-friendly settings. */
public final class Ingest {

  private Ingest() {}

  /** Fast settings: no per-host delay, short timeouts, quick retries, free health port. */
  public static Map<String, String> fastSettings(String bootstrap, String group) {
    Map<String, String> m = new HashMap<>();
    m.put("ingest.kafka.bootstrap-servers", bootstrap);
    m.put("ingest.kafka.fetch-group-id", group);
    m.put("ingest.kafka.client-id", group);
    m.put("ingest.politeness.min-delay", "0");
    m.put("ingest.schedule.tick", "200ms");
    m.put("ingest.fetch.connect-timeout", "2s");
    m.put("ingest.fetch.timeout", "2s");
    m.put("ingest.fetch.deadline", "5s");
    m.put("ingest.fetch.retry-backoff", "200ms");
    m.put("ingest.fetch.max-retry-after", "2s");
    m.put("ingest.fetch.max-attempts", "2");
    m.put("ingest.http.port", "0");
    return m;
  }

  public static IngestService start(Map<String, String> settings, SourceList sources) throws Exception {
    return IngestService.start(IngestConfig.load(settings), sources, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** The demo site's sources on this port, polled every few seconds. */
  public static SourceList demoSources(int port, Duration interval) {
    SourceList list = SourcesFile.load("classpath:sources/demo-sources.yml",
        Map.of("SCOMON_DEMO_PORT", Integer.toString(port))::get);
    return new SourceList(list.sources().stream().map(s -> withSchedule(s,
        new PollSchedule(interval, Duration.ofSeconds(1), interval.multipliedBy(2)))).toList());
  }

  public static Source withSchedule(Source s, PollSchedule schedule) {
    return new Source(s.id(), s.name(), s.kind(), s.url(), s.language(), s.links(), schedule, s.hints(),
        s.allowPrivateAddresses(), s.maxThreadPages());
  }
}
