package io.scomon.ingest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on a loopback address (127.0.0.1, or another 127.x address to play another
 * host) whose paths answer whatever a test tells them, and which records when each request
 * arrived and when its handler finished (server-side timestamps).
 */
public final class LoopbackServer implements AutoCloseable {

  /** Answers one request. */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange exchange) throws IOException, InterruptedException;
  }

  /** One request: path and query, arrival and end (System.nanoTime), headers of interest. */
  public record Hit(String target, long startNanos, long endNanos, String userAgent, String ifNoneMatch) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "loopback-server");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
  private final List<Hit> hits = new CopyOnWriteArrayList<>();
  private final String host;

  public LoopbackServer() {
    this("127.0.0.1");
  }

  public LoopbackServer(String loopbackAddress) {
    try {
      InetAddress address = InetAddress.getByName(loopbackAddress);
      if (!address.isLoopbackAddress()) {
        throw new IllegalArgumentException("tests serve on loopback only, not " + loopbackAddress);
      }
      server = HttpServer.create(new InetSocketAddress(address, 0), 64);
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on " + loopbackAddress, e);
    }
    host = loopbackAddress;
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    server.start();
  }

  public String baseUrl() {
    return "http://" + host + ":" + server.getAddress().getPort();
  }

  /** Serves this handler for an exact path and query (e.g. {@code /a.html} or {@code /t?x=1}). */
  public LoopbackServer on(String target, Handler handler) {
    handlers.put(target, handler);
    return this;
  }

  /** Serves a fixed body with this content type. */
  public LoopbackServer page(String target, String contentType, String body) {
    return on(target, ex -> send(ex, 200, contentType, body.getBytes(StandardCharsets.UTF_8)));
  }

  public List<Hit> hits() {
    return List.copyOf(hits);
  }

  public List<Hit> hits(String targetPrefix) {
    List<Hit> out = new ArrayList<>();
    for (Hit h : hits) {
      if (h.target().startsWith(targetPrefix)) {
        out.add(h);
      }
    }
    return out;
  }

  private void dispatch(HttpExchange ex) throws IOException {
    long start = System.nanoTime();
    String target = ex.getRequestURI().getRawPath()
        + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
    try {
      Handler h = handlers.get(target);
      if (h == null) {
        send(ex, 404, "text/html; charset=utf-8", "<html><body><h1>404 Not Found</h1></body></html>"
            .getBytes(StandardCharsets.UTF_8));
      } else {
        h.handle(ex);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client went away (caps, timeouts): expected in these tests
    } finally {
      try {
        ex.close();
      } catch (RuntimeException e) {
        // a handler that broke its response on purpose
      }
      hits.add(new Hit(target, start, System.nanoTime(), ex.getRequestHeaders().getFirst("User-Agent"),
          ex.getRequestHeaders().getFirst("If-None-Match")));
    }
  }

  public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
