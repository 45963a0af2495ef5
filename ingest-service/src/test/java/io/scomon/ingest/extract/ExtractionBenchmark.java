package io.scomon.ingest.extract;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.slf4j.LoggerFactory;

/**
 * Time to extract every page of a directory once (one benchmark operation), ours against
 * Readability4J, single-threaded. {@code dir} names a directory of {@code .html}/{@code .html.gz}
 * pages; empty means the test fixtures. Divide the score by the page count printed at setup.
 *
 * <pre>deploy/scomon bench ingest-service ExtractionBenchmark -p dir=shared/eval/extraction-dev/html</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExtractionBenchmark {

  private static final String URL = "https://news.example.org/2021/06/03/story";
  private static final List<String> FIXTURES = List.of("news-interview.html",
      "sco-secretariat.html", "khovar-read-also.html", "qna-split-words.html",
      "russian-news.html", "chinese-news.html", "vbulletin-single-post.html",
      "vbulletin-thread.html", "phpbb-thread.html", "xenforo-thread.html",
      "discourse-thread.html");

  @Param({""})
  public String dir;

  private List<String> pages;
  private List<Document> parsed;

  @Setup
  public void load() throws IOException {
    // Readability4J logs every node it touches at DEBUG
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("net.dankito")).setLevel(Level.WARN);
    pages = new ArrayList<>();
    if (dir.isEmpty()) {
      for (String name : FIXTURES) {
        pages.add(Fixtures.html(name));
      }
    } else {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        for (Path f : files.filter(HtmlFiles::isPage).sorted().toList()) {
          try (InputStream in = Files.newInputStream(f)) {
            byte[] bytes = f.toString().endsWith(".gz") ? new GZIPInputStream(in).readAllBytes()
                : in.readAllBytes();
            pages.add(new String(bytes, StandardCharsets.UTF_8));
          }
        }
      }
    }
    parsed = new ArrayList<>();
    for (String html : pages) {
      parsed.add(Jsoup.parse(html, URL));
    }
    System.out.println("pages per operation: " + pages.size());
  }

  @Benchmark
  public void ourParseAndExtract(Blackhole bh) {
    for (String html : pages) {
      bh.consume(PageExtractor.extract(Jsoup.parse(html, URL), ExtractionHints.NONE));
    }
  }

  @Benchmark
  public void ourExtractFromParsedDocument(Blackhole bh) {
    for (Document doc : parsed) {
      bh.consume(PageExtractor.extract(doc, ExtractionHints.NONE));
    }
  }

  @Benchmark
  public void readability4jParseAndExtract(Blackhole bh) {
    for (String html : pages) {
      bh.consume(new Readability4J(URL, html).parse());
    }
  }
}
