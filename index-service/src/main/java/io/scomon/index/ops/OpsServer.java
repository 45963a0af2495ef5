package io.scomon.index.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The operations endpoints on 127.0.0.1: {@code /health/live} (the service's threads are running),
 * {@code /health/ready} (and Kafka and Elasticsearch answer) and {@code /metrics} (Prometheus).
 */
public final class OpsServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;

  private OpsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  public static OpsServer start(int port, IndexMetrics metrics, Readiness readiness, BooleanSupplier live,
      ObjectMapper mapper) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
      server.createContext("/health/live", exchange -> {
        boolean up = live.getAsBoolean();
        respond(exchange, up ? 200 : 503, "application/json",
            mapper.writeValueAsString(Map.of("status", up ? "UP" : "DOWN")));
      });
      server.createContext("/health/ready", exchange -> {
        boolean up = live.getAsBoolean() && readiness.ready();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", readiness.status());
        respond(exchange, up ? 200 : 503, "application/json", mapper.writeValueAsString(body));
      });
      server.createContext("/metrics", exchange ->
          respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
      ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "index-ops-http");
        t.setDaemon(true);
        return t;
      });
      server.setExecutor(executor);
      server.start();
      return new OpsServer(server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the operations server on 127.0.0.1:" + port
          + " (index.http.port): " + e.getMessage(), e);
    }
  }

  /** The port it listens on (useful when started with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
