package io.scomon.ingest;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scomon.ingest.config.ConfigException;
import io.scomon.ingest.config.IngestConfig;
import io.scomon.ingest.source.SourceList;
import io.scomon.ingest.source.SourcesException;
import io.scomon.ingest.source.SourcesFile;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs ingest-service: reads the config and the sources, starts the service, stops it on SIGTERM / Ctrl-C. */
public final class IngestApp {

  private static final Logger LOG = LoggerFactory.getLogger(IngestApp.class);

  private IngestApp() {}

  public static void main(String[] args) throws InterruptedException {
    IngestConfig config;
    SourceList sources;
    try {
      config = IngestConfig.load(Map.of());
      sources = SourcesFile.load(config.sources().file(), SourcesFile.environment());
    } catch (ConfigException | SourcesException e) {
      LOG.error("cannot start: {}", e.getMessage());
      System.exit(2);
      return;
    }
    IngestService service;
    try {
      service = IngestService.start(config, sources, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    } catch (IOException | RuntimeException e) {
      LOG.error("cannot start: {}", e.toString(), e);
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      stopped.countDown();
    }, "ingest-shutdown"));
    stopped.await();
  }
}
