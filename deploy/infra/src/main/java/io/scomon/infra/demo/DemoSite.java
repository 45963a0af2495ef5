package io.scomon.infra.demo;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scomon.infra.InfraException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A small news-and-forum web site about the SCO on 127.0.0.1, served by the JDK HTTP server from
 * the classpath folder {@code demo-site/}: news pages of several "sites" (one path prefix each)
 * with real page chrome, an RSS feed, an Atom feed, a Google News sitemap, section pages, a
 * vBulletin board, thread and single-post page, a Russian and a Chinese story, a syndicated copy,
 * and a robots.txt with a disallowed path. {@code {{BASE_URL}}} in text files becomes the server's
 * base URL. It answers conditional GETs (ETag, Last-Modified) with 304, gzips for clients that
 * accept it, and records every request for tests. Under {@code /bench/} it generates any number
 * of distinct stories ({@code /bench/sitemap.xml?n=1000}) for benchmarks.
 *
 * <p>Run alone: {@code java io.scomon.infra.demo.DemoSite [port]} (or {@code SCOMON_DEMO_PORT}).
 */
public final class DemoSite implements AutoCloseable {

  /** One request as the server saw it. */
  public record Hit(long nanoTime, Instant at, String method, String target, int status, String ifNoneMatch,
      String ifModifiedSince, String userAgent) {}

  private static final String ROOT = "demo-site";
  private static final String PLACEHOLDER = "{{BASE_URL}}";
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  private final HttpServer server;
  private final ExecutorService executor;
  private final String baseUrl;
  private final Properties routes = new Properties();
  private final Instant lastModified = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
  private final List<Hit> hits = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
  private volatile boolean conditionalGet = true;

  static {
    // the JDK server writes headers and body separately; without TCP_NODELAY every response waits
    // for the client's delayed ACK (about 40 ms), which no real news server does
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private DemoSite(int port) {
    try {
      InetAddress loopback = InetAddress.getByName("127.0.0.1");
      server = HttpServer.create(new InetSocketAddress(loopback, port), 64);
    } catch (IOException e) {
      throw new InfraException("cannot start the demo site on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    try (InputStream in = resource("routes.properties")) {
      if (in != null) {
        routes.load(in);
      }
    } catch (IOException e) {
      throw new InfraException("cannot read demo-site/routes.properties", e);
    }
    AtomicInteger n = new AtomicInteger();
    executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "demo-site-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Starts the site on a free port of 127.0.0.1. */
  public static DemoSite start() {
    return new DemoSite(0);
  }

  /** Starts the site on the given port of 127.0.0.1 (0 picks a free one). */
  public static DemoSite start(int port) {
    return new DemoSite(port);
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Every request so far, in arrival order. */
  public List<Hit> hits() {
    return List.copyOf(hits);
  }

  /** The requests whose path and query start with the prefix. */
  public List<Hit> hits(String targetPrefix) {
    List<Hit> out = new ArrayList<>();
    for (Hit h : hits) {
      if (h.target().startsWith(targetPrefix)) {
        out.add(h);
      }
    }
    return out;
  }

  /** Whether If-None-Match / If-Modified-Since are honoured with 304 (default true). */
  public void conditionalGet(boolean enabled) {
    this.conditionalGet = enabled;
  }

  private void handle(HttpExchange ex) throws IOException {
    String target = ex.getRequestURI().getRawPath()
        + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
    Headers req = ex.getRequestHeaders();
    int status;
    try {
      status = serve(ex, target);
    } catch (IOException | RuntimeException e) {
      status = 500;
      try {
        send(ex, 500, "text/plain; charset=utf-8", ("error: " + e + "\n").getBytes(StandardCharsets.UTF_8), false);
      } catch (IOException ignored) {
        // the client is gone
      }
    } finally {
      ex.close();
    }
    hits.add(new Hit(System.nanoTime(), Instant.now(), ex.getRequestMethod(), target, status,
        req.getFirst("If-None-Match"), req.getFirst("If-Modified-Since"), req.getFirst("User-Agent")));
  }

  private int serve(HttpExchange ex, String target) throws IOException {
    if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
      return send(ex, 405, "text/plain; charset=utf-8", "GET only\n".getBytes(StandardCharsets.UTF_8), false);
    }
    byte[] body;
    String file;
    if (target.startsWith("/bench/")) {
      file = target.startsWith("/bench/sitemap.xml") ? "bench.xml" : "bench.html";
      body = BenchPages.render(target, baseUrl, this::text);
    } else {
      file = routes.getProperty(target, target.endsWith("/") ? target + "index.html" : target);
      if (file.contains("..") || file.contains("//") || file.contains("\\")) {
        return notFound(ex);
      }
      body = cache.computeIfAbsent(file, f -> load(f));
    }
    if (body == null || body.length == 0) {
      return notFound(ex);
    }
    String etag = "\"" + sha1(body) + "\"";
    Headers out = ex.getResponseHeaders();
    if (conditionalGet) {
      out.set("ETag", etag);
      out.set("Last-Modified", HTTP_DATE.format(ZonedDateTime.ofInstant(lastModified, ZoneOffset.UTC)));
      String inm = ex.getRequestHeaders().getFirst("If-None-Match");
      String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
      boolean fresh = inm != null ? inm.contains(etag) : ims != null && notModifiedSince(ims);
      if (fresh) {
        ex.sendResponseHeaders(304, -1);
        return 304;
      }
    }
    String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
    boolean gzip = accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
    return send(ex, 200, contentType(file), body, gzip);
  }

  private boolean notModifiedSince(String ims) {
    try {
      return !lastModified.isAfter(ZonedDateTime.parse(ims, HTTP_DATE).toInstant());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private int notFound(HttpExchange ex) throws IOException {
    byte[] page = ("<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>"
        + "<p>The page you asked for does not exist.</p></body></html>").getBytes(StandardCharsets.UTF_8);
    return send(ex, 404, "text/html; charset=utf-8", page, false);
  }

  private static int send(HttpExchange ex, int status, String type, byte[] body, boolean gzip) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Server", "demo-site");
    byte[] payload = body;
    if (gzip) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream(body.length / 3 + 64);
      try (GZIPOutputStream z = new GZIPOutputStream(buf)) {
        z.write(body);
      }
      payload = buf.toByteArray();
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      ex.getResponseHeaders().set("Vary", "Accept-Encoding");
    }
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : payload.length);
    if (!head) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(payload);
      }
    }
    return status;
  }

  private byte[] load(String file) {
    String text = text(file);
    return text == null ? new byte[0] : text.replace(PLACEHOLDER, baseUrl).getBytes(StandardCharsets.UTF_8);
  }

  /** A resource of the site as text, or null. */
  String text(String file) {
    try (InputStream in = resource(file.startsWith("/") ? file.substring(1) : file)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InfraException("cannot read demo-site resource " + file, e);
    }
  }

  private static InputStream resource(String path) {
    return DemoSite.class.getClassLoader().getResourceAsStream(ROOT + "/" + path);
  }

  static String contentType(String file) {
    String f = file.toLowerCase(Locale.ROOT);
    if (f.endsWith("rss.xml")) {
      return "application/rss+xml; charset=utf-8";
    }
    if (f.endsWith("atom.xml")) {
      return "application/atom+xml; charset=utf-8";
    }
    if (f.endsWith(".xml")) {
      return "application/xml; charset=utf-8";
    }
    if (f.endsWith(".txt")) {
      return "text/plain; charset=utf-8";
    }
    return "text/html; charset=utf-8";
  }

  private static String sha1(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body), 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JRE", e);
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

  /** Serves the site until the process is stopped. Port: first argument, else SCOMON_DEMO_PORT, else free. */
  public static void main(String[] args) throws InterruptedException {
    String p = args.length > 0 ? args[0] : System.getenv().getOrDefault("SCOMON_DEMO_PORT", "0");
    DemoSite site = DemoSite.start(Integer.parseInt(p.strip()));
    Runtime.getRuntime().addShutdownHook(new Thread(site::close, "demo-site-stop"));
    System.out.println("Demo site: " + site.baseUrl() + "/");
    System.out.println("Sources for ingest-service: ingest.sources.file=classpath:sources/demo-sources.yml"
        + " with SCOMON_DEMO_PORT=" + site.port());
    Thread.currentThread().join();
  }
}
