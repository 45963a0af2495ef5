package io.scomon.ingest.monitor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * {@code /health/live} (the process answers), {@code /health/ready} (crawl state read back, Kafka
 * reachable, workers running) and {@code /metrics} (Prometheus text) on a small JDK HTTP server.
 */
public final class HealthServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "health-http");
    t.setDaemon(true);
    return t;
  });

  public HealthServer(String host, int port, BooleanSupplier live, BooleanSupplier ready,
      PrometheusMeterRegistry registry) throws IOException {
    server = HttpServer.create(new InetSocketAddress(host, port), 16);
    server.createContext("/health/live", ex -> status(ex, live.getAsBoolean()));
    server.createContext("/health/ready", ex -> status(ex, ready.getAsBoolean()));
    server.createContext("/metrics", ex -> {
      if (!ex.getRequestURI().getPath().equals("/metrics")) {
        send(ex, 404, "text/plain", "not found\n");
        return;
      }
      send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
    });
    server.setExecutor(executor);
    server.start();
  }

  /** The port bound (useful with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void status(HttpExchange ex, boolean up) throws IOException {
    send(ex, up ? 200 : 503, "application/json", up ? "{\"status\":\"UP\"}\n" : "{\"status\":\"DOWN\"}\n");
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
