package io.scomon.ingest.fetch;

import java.util.Set;

/** What a body really is: the accepted media types, and a look at the bytes for binary content served as text. */
public final class ContentSniffer {

  /** Media types of pages (articles, section pages, boards, threads). */
  public static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");

  /** Media types of feeds and sitemaps (servers label XML in many ways, and sometimes as HTML or text). */
  public static final Set<String> XML = Set.of("application/xml", "text/xml", "application/rss+xml",
      "application/atom+xml", "application/rdf+xml", "application/x-rss+xml", "text/html", "text/plain",
      "application/x-gzip", "application/gzip", "application/octet-stream");

  /** robots.txt. */
  public static final Set<String> TEXT = Set.of("text/plain", "text/html", "application/octet-stream");

  private static final int LOOK = 1024;

  private ContentSniffer() {}

  /**
   * Whether the first bytes are binary: a NUL byte, a known binary signature (PDF, ZIP, images,
   * gzip that was not declared), or more than one in ten control characters.
   */
  public static boolean looksBinary(byte[] body) {
    int n = Math.min(body.length, LOOK);
    if (n == 0) {
      return false;
    }
    if (startsWith(body, "%PDF") || startsWith(body, "PK\u0003\u0004") || startsWith(body, "GIF8")
        || startsWith(body, "\u0089PNG") || (n >= 3 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xD8
            && (body[2] & 0xff) == 0xFF)
        || (n >= 2 && (body[0] & 0xff) == 0x1F && (body[1] & 0xff) == 0x8B)) {
      return true;
    }
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = body[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B) || b == 0x7F) {
        control++;
      }
    }
    return control * 10 > n;
  }

  private static boolean startsWith(byte[] body, String magic) {
    if (body.length < magic.length()) {
      return false;
    }
    for (int i = 0; i < magic.length(); i++) {
      if ((body[i] & 0xff) != magic.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
