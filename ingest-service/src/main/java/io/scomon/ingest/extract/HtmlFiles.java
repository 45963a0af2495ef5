package io.scomon.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads saved pages ({@code .html} or {@code .html.gz}) for the command-line extractor. Text is
 * decoded as UTF-8 unless the head declares another charset and the bytes are not valid UTF-8
 * (saved pages often keep a stale declaration after being re-encoded).
 */
final class HtmlFiles {

  private static final Pattern CHARSET = Pattern.compile(
      "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-z0-9_.:-]+)");

  private HtmlFiles() {}

  /** Whether the file name looks like a saved page. */
  static boolean isPage(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".html") || n.endsWith(".html.gz") || n.endsWith(".htm");
  }

  /** The file name without {@code .html}/{@code .html.gz}/{@code .htm}. */
  static String id(Path p) {
    String n = p.getFileName().toString();
    for (String ext : new String[] {".html.gz", ".html", ".htm"}) {
      if (n.endsWith(ext)) {
        return n.substring(0, n.length() - ext.length());
      }
    }
    return n;
  }

  static Document parse(Path file, String baseUri) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = file.toString().endsWith(".gz") ? new GZIPInputStream(in).readAllBytes()
          : in.readAllBytes();
    }
    return Jsoup.parse(decode(bytes), baseUri == null ? "" : baseUri);
  }

  static String decode(byte[] bytes) {
    Charset declared = declaredCharset(bytes);
    if (declared == null || declared.equals(StandardCharsets.UTF_8)) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, declared);
    }
  }

  private static Charset declaredCharset(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    String head = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    int end = head.toLowerCase(Locale.ROOT).indexOf("</head");
    if (end > 0) {
      head = head.substring(0, end);
    }
    Matcher m = CHARSET.matcher(head);
    if (!m.find()) {
      return null;
    }
    try {
      return Charset.forName(m.group(1));
    } catch (IllegalArgumentException unknownCharset) {
      return null;
    }
  }
}
