package io.scomon.index.deliver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A real HTTP server on 127.0.0.1 playing webhook receivers: each hook answers as its script says for
 * its n-th request (status, delay, headers) and records every request it got, with the time it got it.
 */
final class WebhookReceiver implements AutoCloseable {

  /** How a hook answers one request. */
  record Answer(int status, long delayMillis, Map<String, String> headers) {
    static Answer of(int status) {
      return new Answer(status, 0, Map.of());
    }

    static Answer after(long delayMillis, int status) {
      return new Answer(status, delayMillis, Map.of());
    }
  }

  /** One request as the hook received it, and the status it is answered with (perhaps later). */
  record Request(int number, Instant at, Map<String, String> headers, byte[] body, int answered) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    boolean accepted() {
      return answered >= 200 && answered < 300;
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, List<Request>> requests = new ConcurrentHashMap<>();

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.start();
  }

  /** A new hook answering its n-th request (from 1) with {@code script.apply(n)}; returns its URL. */
  String hook(String name, IntFunction<Answer> script) {
    String path = "/hooks/" + name + "-" + UUID.randomUUID();
    List<Request> got = new CopyOnWriteArrayList<>();
    requests.put(name, got);
    AtomicInteger count = new AtomicInteger();
    server.createContext(path, exchange -> answer(exchange, script.apply(count.incrementAndGet()), count.get(), got));
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static void answer(HttpExchange exchange, Answer answer, int number, List<Request> got) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      Instant at = Instant.now();
      Map<String, String> headers = new TreeMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
      got.add(new Request(number, at, headers, body, answer.status())); // recorded on arrival
      if (answer.delayMillis() > 0) {
        Thread.sleep(answer.delayMillis());
      }
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.sendResponseHeaders(answer.status(), -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  List<Request> received(String name) {
    return List.copyOf(requests.getOrDefault(name, List.of()));
  }

  List<Request> accepted(String name) {
    return received(name).stream().filter(Request::accepted).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
