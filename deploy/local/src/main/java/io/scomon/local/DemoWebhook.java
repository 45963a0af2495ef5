package io.scomon.local;

import com.sun.net.httpserver.HttpServer;
import io.scomon.infra.InfraException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The demo's webhook receiver on 127.0.0.1: checks each alert's HMAC-SHA256 signature and prints
 * it, so a new user sees the sample subscription's alerts arrive.
 */
final class DemoWebhook implements AutoCloseable {

  static final String SIGNATURE_HEADER = "X-Scomon-Signature";

  private final HttpServer server;
  private final List<String> received = new CopyOnWriteArrayList<>();

  private DemoWebhook(HttpServer server) {
    this.server = server;
  }

  static DemoWebhook start(String secret, PrintStream out) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
      DemoWebhook hook = new DemoWebhook(server);
      server.createContext("/alerts", exchange -> {
        try (exchange; InputStream in = exchange.getRequestBody()) {
          byte[] body = in.readAllBytes();
          boolean signed = verify(secret, body, exchange.getRequestHeaders().getFirst(SIGNATURE_HEADER));
          String text = new String(body, StandardCharsets.UTF_8);
          hook.received.add(text);
          out.println("Alert received by the demo webhook (signature " + (signed ? "valid" : "INVALID") + "): "
              + summary(text));
          exchange.sendResponseHeaders(signed ? 200 : 401, -1);
        }
      });
      server.start();
      return hook;
    } catch (IOException e) {
      throw new InfraException("cannot start the demo webhook receiver: " + e.getMessage(), e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
  }

  List<String> received() {
    return List.copyOf(received);
  }

  static boolean verify(String secret, byte[] body, String header) {
    if (header == null || !header.startsWith("sha256=")) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected = mac.doFinal(body);
      return MessageDigest.isEqual(expected, HexFormat.of().parseHex(header.substring("sha256=".length()).strip()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static String summary(String json) {
    int at = json.indexOf("\"title\"");
    if (at < 0) {
      return json.length() > 160 ? json.substring(0, 160) + "…" : json;
    }
    int start = json.indexOf('"', json.indexOf(':', at) + 1) + 1;
    int end = json.indexOf('"', start);
    return start > 0 && end > start ? json.substring(start, end) : json;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
