package io.scomon.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Loads the HTML fixtures of {@code src/test/resources/extract/}. */
public final class Fixtures {

  private Fixtures() {}

  public static String html(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/extract/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + name, e);
    }
  }

  public static Document page(String name, String url) {
    return Jsoup.parse(html(name), url);
  }

  public static ExtractedPage extract(String name, String url) {
    return PageExtractor.extract(page(name, url), ExtractionHints.NONE);
  }
}
