package io.scomon.enrich.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * {@code /health/live} (the process answers), {@code /health/ready} (200 only while the stream
 * processing runs) and {@code /metrics} (Prometheus text format) on the configured address.
 */
public final class OpsServer implements AutoCloseable {

  private final HttpServer server;

  private OpsServer(HttpServer server) {
    this.server = server;
  }

  public static OpsServer start(String host, int port, PrometheusMeterRegistry registry, BooleanSupplier ready) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
      server.createContext("/health/live", exchange -> respond(exchange, 200, "text/plain", "live\n"));
      server.createContext("/health/ready", exchange -> {
        boolean ok = ready.getAsBoolean();
        respond(exchange, ok ? 200 : 503, "text/plain", ok ? "ready\n" : "not ready\n");
      });
      server.createContext("/metrics", exchange ->
          respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
      server.start();
      return new OpsServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve health and metrics on " + host + ":" + port
          + " (taken? set enrich.http.port / enrich.http.host)", e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
