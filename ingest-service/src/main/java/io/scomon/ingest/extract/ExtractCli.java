package io.scomon.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;

/**
 * Command-line extractor: {@code ExtractCli DIR --out FILE [--base-urls FILE.json]} runs
 * {@link PageExtractor} on every {@code .html}/{@code .html.gz} file of DIR and writes
 * {@code {id: {"title", "author", "date", "articleBody"}}}. A forum page gives the thread title,
 * the first post's author and date (the earliest post's date if one is dated before it), and every post as its byline (user name and time as shown)
 * followed by its body, separated by blank lines.
 * {@code --base-urls} maps id to the page URL (an object of strings, or of objects with a
 * {@code url} field) used as base URI.
 */
public final class ExtractCli {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ExtractCli() {}

  public static void main(String[] args) throws IOException {
    Path dir = null;
    Path out = null;
    Path baseUrls = null;
    boolean bad = false;
    for (int i = 0; i < args.length; i++) {
      boolean hasValue = i + 1 < args.length;
      switch (args[i]) {
        case "--out" -> out = hasValue ? Path.of(args[++i]) : null;
        case "--base-urls" -> baseUrls = hasValue ? Path.of(args[++i]) : null;
        default -> {
          bad |= args[i].startsWith("--") || dir != null;
          dir = Path.of(args[i]);
        }
      }
    }
    if (bad || dir == null || out == null) {
      System.err.println("usage: ExtractCli DIR --out FILE [--base-urls FILE.json]");
      System.exit(2);
      return;
    }
    Map<String, String> urls = baseUrls == null ? Map.of() : readUrls(baseUrls);
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = new ArrayList<>(s.filter(HtmlFiles::isPage).sorted().toList());
    }
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    long start = System.nanoTime();
    for (Path f : files) {
      String id = HtmlFiles.id(f);
      Document doc;
      try {
        doc = HtmlFiles.parse(f, urls.get(id));
      } catch (IOException e) {
        throw new IOException("cannot read page " + f, e);
      }
      result.put(id, summary(PageExtractor.extract(doc, ExtractionHints.NONE)));
    }
    JSON.writeValue(out.toFile(), result);
    System.err.printf("extracted %d pages in %d ms%n", files.size(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /** The benchmark view of a page: title, author, date (ISO day) and body. */
  static Map<String, String> summary(ExtractedPage page) {
    Map<String, String> m = new LinkedHashMap<>();
    ExtractedArticle first = page.first();
    if (first == null) {
      m.put("title", null);
      m.put("author", null);
      m.put("date", null);
      m.put("articleBody", "");
      return m;
    }
    m.put("title", page.isForum() ? first.threadTitle() : first.title());
    m.put("author", first.authors().isEmpty() ? null : String.join(", ", first.authors()));
    m.put("date", threadDate(page) == null ? null : threadDate(page).toLocalDate().toString());
    List<String> bodies = new ArrayList<>();
    for (ExtractedArticle a : page.articles()) {
      bodies.add(a.byline() == null ? a.body() : a.byline() + "\n\n" + a.body());
    }
    m.put("articleBody", String.join("\n\n", bodies));
    return m;
  }

  /**
   * The page's date: the first article's, except on a forum page where another post is dated
   * earlier (the opening post's time was then misread), where it is the earliest post's.
   */
  static java.time.OffsetDateTime threadDate(ExtractedPage page) {
    java.time.OffsetDateTime first = page.first().published();
    if (!page.isForum()) {
      return first;
    }
    java.time.OffsetDateTime min = first;
    for (ExtractedArticle a : page.articles()) {
      if (a.published() != null && (min == null || a.published().isBefore(min))) {
        min = a.published();
      }
    }
    return min;
  }

  private static Map<String, String> readUrls(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException("cannot read base URLs from " + file, e);
    }
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, JsonNode> en : root.properties()) {
      JsonNode v = en.getValue();
      JsonNode url = v.isTextual() ? v : v.get("url");
      if (url != null && url.isTextual()) {
        out.put(en.getKey(), url.asText());
      }
    }
    return out;
  }
}
