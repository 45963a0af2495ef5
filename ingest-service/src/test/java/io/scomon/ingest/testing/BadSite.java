package io.scomon.ingest.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * A web site that misbehaves in every way the crawler must survive, one path per case, listed on
 * a section page {@code /bad/} so that one section source discovers them all.
 */
public final class BadSite implements AutoCloseable {

  /** Paths and the failure tag the crawler should report for each (null: the page is published). */
  public static final List<String[]> CASES = List.of(
      new String[] {"/bad/drip.html", "deadline-exceeded"},
      new String[] {"/bad/stall.html", "read-timeout"},
      new String[] {"/bad/huge.html", "body-too-large"},
      new String[] {"/bad/binary.html", "binary-content"},
      new String[] {"/bad/bomb.html", "decompressed-too-large"},
      new String[] {"/bad/loop-a.html", "redirect-loop"},
      new String[] {"/bad/truncated.html", "truncated-body"},
      new String[] {"/bad/missing.html", "http-404"},
      new String[] {"/bad/gone.html", "http-410"},
      new String[] {"/bad/busy.html", "http-429"},
      new String[] {"/bad/down.html", "http-503"},
      new String[] {"/bad/malformed.html", null},
      new String[] {"/bad/wrong-charset.html", null});

  public static final String MALFORMED_TITLE = "SCO summit page cut off mid-tag";
  public static final String WRONG_CHARSET_TITLE = "Саммит ШОС в Душанбе";

  private final LoopbackServer server = new LoopbackServer();
  private final byte[] bomb;

  public BadSite() {
    bomb = gzipOfZeros(64 * 1024 * 1024);
    StringBuilder index = new StringBuilder("<html><head><title>Bad news</title></head><body><h1>Index</h1><ul>");
    for (String[] c : CASES) {
      index.append("<li><a href=\"").append(c[0]).append("\">").append(c[0]).append("</a></li>");
    }
    index.append("</ul></body></html>");
    server.page("/bad/", "text/html; charset=utf-8", index.toString());
    server.on("/robots.txt", ex -> LoopbackServer.send(ex, 404, "text/plain", "no robots".getBytes(StandardCharsets.UTF_8)));
    server.on("/bad/drip.html", ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        out.write("<html><body><p>".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 200; i++) {
          out.write('.');
          out.flush();
          Thread.sleep(150);
        }
      }
    });
    server.on("/bad/stall.html", ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(article("Stalled", "This server sends half a page and then says nothing.").substring(0, 80)
            .getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread.sleep(20_000);
      }
    });
    server.on("/bad/huge.html", ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(200, 0);
      byte[] chunk = "<p>SCO SCO SCO SCO SCO SCO SCO SCO SCO SCO SCO SCO SCO SCO SCO SCO SCO SCO SCO SCO</p>\n"
          .repeat(100).getBytes(StandardCharsets.UTF_8);
      try (OutputStream out = ex.getResponseBody()) {
        for (long sent = 0; sent < 50L * 1024 * 1024; sent += chunk.length) {
          out.write(chunk);
        }
      }
    });
    server.on("/bad/binary.html", ex -> {
      byte[] noise = new byte[64 * 1024];
      new Random(42).nextBytes(noise);
      LoopbackServer.send(ex, 200, "text/html; charset=utf-8", noise);
    });
    server.on("/bad/bomb.html", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      LoopbackServer.send(ex, 200, "text/html; charset=utf-8", bomb);
    });
    server.on("/bad/loop-a.html", ex -> redirect(ex, "/bad/loop-b.html"));
    server.on("/bad/loop-b.html", ex -> redirect(ex, "/bad/loop-a.html"));
    server.on("/bad/truncated.html", ex -> {
      byte[] full = article("Truncated", "The server promised more bytes than it sent.").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(200, full.length + 5000);
      OutputStream out = ex.getResponseBody();
      out.write(full, 0, full.length / 2);
      out.flush();
      throw new IOException("closing the connection early on purpose");
    });
    server.on("/bad/missing.html", ex -> LoopbackServer.send(ex, 404, "text/html", "<h1>Not Found</h1>".getBytes(StandardCharsets.UTF_8)));
    server.on("/bad/gone.html", ex -> LoopbackServer.send(ex, 410, "text/html", "<h1>Gone</h1>".getBytes(StandardCharsets.UTF_8)));
    server.on("/bad/busy.html", ex -> {
      ex.getResponseHeaders().set("Retry-After", "1");
      LoopbackServer.send(ex, 429, "text/html", "<h1>Too Many Requests</h1>".getBytes(StandardCharsets.UTF_8));
    });
    server.on("/bad/down.html", ex -> LoopbackServer.send(ex, 503, "text/html", "<h1>Service Unavailable</h1>".getBytes(StandardCharsets.UTF_8)));
    server.page("/bad/malformed.html", "text/html; charset=utf-8",
        "<html><head><title>" + MALFORMED_TITLE + "</title></head><body><div class=\"article\"><h1>" + MALFORMED_TITLE
            + "</h1><p>Leaders of the Shanghai Cooperation Organisation met in Dushanbe to discuss security, trade and "
            + "the situation in Afghanistan, and agreed to expand cooperation against terrorism and drug trafficking."
            + "<p>The page is cut off here, in the middle of a <a href=\"/bad/x\" cla");
    server.on("/bad/wrong-charset.html", ex -> LoopbackServer.send(ex, 200, "text/html; charset=utf-8",
        article(WRONG_CHARSET_TITLE, "Министры иностранных дел государств — членов Шанхайской организации "
            + "сотрудничества на встрече в Душанбе обсудили обострение обстановки в Афганистане и призвали стороны "
            + "конфликта к скорейшему началу межафганских переговоров. Страны ШОС обеспокоены угрозой терроризма "
            + "и наркотрафика.").getBytes(Charset.forName("windows-1251"))));
    server.page("/feed-not-xml", "application/rss+xml", "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>");
    server.page("/sitemap-self.xml", "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>" + server.baseUrl()
        + "/sitemap-self.xml</loc></sitemap></sitemapindex>");
  }

  private static String article(String title, String text) {
    return "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" + text
        + "</p><p>" + text + "</p></article></body></html>";
  }

  private static void redirect(HttpExchange ex, String to) throws IOException {
    ex.getResponseHeaders().set("Location", to);
    ex.sendResponseHeaders(302, -1);
  }

  private static byte[] gzipOfZeros(int size) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(buf, 64 * 1024)) {
      byte[] zeros = new byte[1024 * 1024];
      Arrays.fill(zeros, (byte) ' ');
      for (int i = 0; i < size / zeros.length; i++) {
        z.write(zeros);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return buf.toByteArray();
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  public LoopbackServer server() {
    return server;
  }

  @Override
  public void close() {
    server.close();
  }
}
