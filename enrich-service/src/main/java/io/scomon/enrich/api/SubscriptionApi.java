package io.scomon.enrich.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scomon.enrich.alert.InvalidSubscriptionException;
import io.scomon.enrich.alert.SubscriptionValidator;
import io.scomon.schemas.Delivery;
import io.scomon.schemas.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions REST API (JSON over HTTP, a bearer token required):
 *
 * <pre>
 *   POST   /subscriptions        create (201, Location); the id is generated unless given
 *   GET    /subscriptions        list (?owner= filters)
 *   GET    /subscriptions/{id}   one (404 when unknown)
 *   PUT    /subscriptions/{id}   replace (creation time and, when not given, the webhook secret kept)
 *   DELETE /subscriptions/{id}   delete (204)
 * </pre>
 *
 * Malformed JSON, unknown fields and invalid values are answered 400 with {@code {"error", "field",
 * "position"}}; the webhook secret is never sent back.
 */
public final class SubscriptionApi implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionApi.class);
  private static final String PREFIX = "/subscriptions";
  private static final int MAX_BODY = 64 * 1024;

  private final HttpServer server;
  private final SubscriptionStore store;
  private final SubscriptionValidator validator;
  private final byte[] token;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private SubscriptionApi(HttpServer server, SubscriptionStore store, SubscriptionValidator validator, String token,
      Clock clock) {
    this.server = server;
    this.store = store;
    this.validator = validator;
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /** Serves the API on {@code host:port} (0 = a free port). */
  public static SubscriptionApi start(String host, int port, String token, SubscriptionStore store,
      SubscriptionValidator validator, Clock clock) {
    if (token == null || token.length() < 16) {
      throw new IllegalArgumentException("the API token must have at least 16 characters");
    }
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 32);
      SubscriptionApi api = new SubscriptionApi(server, store, validator, token, clock);
      server.createContext(PREFIX, api::handle);
      server.setExecutor(Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "subscriptions-api");
        t.setDaemon(true);
        return t;
      }));
      server.start();
      return api;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve the subscriptions API on " + host + ":" + port
          + " (taken? set enrich.api.port)", e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      route(exchange);
    } catch (InvalidSubscriptionException e) {
      error(exchange, 400, e.getMessage(), e.field(), e.position());
    } catch (BadRequest e) {
      error(exchange, e.status, e.getMessage(), e.field, -1);
    } catch (RuntimeException e) {
      LOG.error("subscriptions API failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      error(exchange, 503, "the subscription could not be stored right now: " + e.getMessage(), null, -1);
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    if (!authorised(exchange)) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      error(exchange, 401, "missing or wrong API token (send 'Authorization: Bearer <token>')", null, -1);
      return;
    }
    String path = exchange.getRequestURI().getPath();
    String id = path.length() > PREFIX.length() + 1 ? path.substring(PREFIX.length() + 1) : null;
    if (path.length() > PREFIX.length() && id == null || id != null && id.contains("/")) {
      error(exchange, 404, "no such resource: " + path, null, -1);
      return;
    }
    String method = exchange.getRequestMethod();
    switch (method) {
      case "GET" -> {
        if (id == null) {
          list(exchange);
        } else {
          get(exchange, id);
        }
      }
      case "POST" -> {
        if (id != null) {
          error(exchange, 405, "POST to /subscriptions; use PUT to change /subscriptions/" + id, null, -1);
        } else {
          create(exchange);
        }
      }
      case "PUT" -> {
        if (id == null) {
          error(exchange, 405, "PUT needs an id: /subscriptions/{id}", null, -1);
        } else {
          update(exchange, id);
        }
      }
      case "DELETE" -> {
        if (id == null) {
          error(exchange, 405, "DELETE needs an id: /subscriptions/{id}", null, -1);
        } else {
          delete(exchange, id);
        }
      }
      default -> error(exchange, 405, "method " + method + " not allowed", null, -1);
    }
  }

  private void list(HttpExchange exchange) throws IOException {
    String owner = query(exchange, "owner");
    send(exchange, 200, store.list().stream()
        .filter(s -> owner == null || s.getOwner().equals(owner))
        .map(SubscriptionJson::of).toList());
  }

  private void get(HttpExchange exchange, String id) throws IOException {
    Optional<Subscription> found = store.get(id);
    if (found.isEmpty()) {
      error(exchange, 404, "no subscription '" + id + "'", "id", -1);
      return;
    }
    send(exchange, 200, SubscriptionJson.of(found.get()));
  }

  private void create(HttpExchange exchange) throws IOException {
    SubscriptionJson request = read(exchange);
    String id = request.id() == null || request.id().isBlank() ? UUID.randomUUID().toString() : request.id().strip();
    if (store.get(id).isPresent()) {
      throw new BadRequest(409, "id", "subscription '" + id + "' exists; PUT /subscriptions/" + id + " changes it");
    }
    Instant now = clock.instant();
    Subscription subscription = request.toSubscription(id, now, now);
    validator.validate(subscription);
    store.put(subscription);
    LOG.info("subscription {} created by {}: {}", id, subscription.getOwner(), subscription.getQuery());
    exchange.getResponseHeaders().set("Location", PREFIX + "/" + id);
    send(exchange, 201, SubscriptionJson.of(subscription));
  }

  private void update(HttpExchange exchange, String id) throws IOException {
    SubscriptionJson request = read(exchange);
    if (request.id() != null && !request.id().equals(id)) {
      throw new BadRequest(400, "id", "the body's id '" + request.id() + "' differs from the path's '" + id + "'");
    }
    Subscription existing = store.get(id).orElseThrow(() -> new BadRequest(404, "id", "no subscription '" + id + "'"));
    Subscription subscription = request.toSubscription(id, existing.getCreatedAt(), clock.instant());
    Delivery delivery = subscription.getDelivery();
    String secret = delivery.getWebhookSecret();
    if (secret == null || secret.equals(SubscriptionJson.MASK)) {
      delivery.setWebhookSecret(existing.getDelivery().getWebhookSecret()); // keep the secret nobody can read back
    }
    validator.validate(subscription);
    store.put(subscription);
    LOG.info("subscription {} updated", id);
    send(exchange, 200, SubscriptionJson.of(subscription));
  }

  private void delete(HttpExchange exchange, String id) throws IOException {
    if (store.get(id).isEmpty()) {
      error(exchange, 404, "no subscription '" + id + "'", "id", -1);
      return;
    }
    store.delete(id);
    LOG.info("subscription {} deleted", id);
    exchange.sendResponseHeaders(204, -1);
  }

  private SubscriptionJson read(HttpExchange exchange) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new BadRequest(415, null, "send application/json, not " + type);
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    if (body.length > MAX_BODY) {
      throw new BadRequest(413, null, "the request body is larger than " + MAX_BODY + " bytes");
    }
    if (body.length == 0) {
      throw new BadRequest(400, null, "the request has no body; send the subscription as JSON");
    }
    try {
      return json.readValue(body, SubscriptionJson.class);
    } catch (UnrecognizedPropertyException e) {
      throw new BadRequest(400, e.getPropertyName(), "unknown field '" + e.getPropertyName() + "'; known fields: "
          + e.getKnownPropertyIds());
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr();
      throw new BadRequest(400, null, "malformed JSON" + where + ": " + e.getOriginalMessage());
    }
  }

  private boolean authorised(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(token, header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8));
  }

  private static String query(HttpExchange exchange, String name) {
    String raw = exchange.getRequestURI().getQuery();
    if (raw == null) {
      return null;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private void error(HttpExchange exchange, int status, String message, String field, int position) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    if (field != null) {
      body.put("field", field);
    }
    if (position > 0) {
      body.put("position", position);
    }
    send(exchange, status, body);
  }

  private void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** A request the API refuses, with its status. */
  private static final class BadRequest extends RuntimeException {
    final int status;
    final String field;

    BadRequest(int status, String field, String message) {
      super(message);
      this.status = status;
      this.field = field;
    }
  }
}
