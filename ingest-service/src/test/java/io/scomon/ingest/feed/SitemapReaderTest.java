package io.scomon.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scomon.ingest.fetch.FailureReason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SitemapReaderTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static final String NEWS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
              xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
        <url>
          <loc>https://www.dawn.com/news/1634612/sco-ministers-discuss-afghanistan</loc>
          <news:news>
            <news:publication><news:name>Dawn</news:name><news:language>en</news:language></news:publication>
            <news:publication_date>2021-07-14T18:05:00+05:00</news:publication_date>
            <news:title>SCO ministers discuss Afghanistan in Dushanbe</news:title>
          </news:news>
        </url>
        <url><loc>https://www.dawn.com/news/1634500</loc><lastmod>2021-07-13</lastmod></url>
      </urlset>
      """;

  @Test
  void aNewsSitemapGivesTitleAndPublicationDate() throws Exception {
    SitemapReader.Result r = new SitemapReader(10, 1 << 20).read("https://www.dawn.com/sitemaps/sitemap-news.xml", utf8(NEWS),
        url -> {
          throw new AssertionError("a plain sitemap has no children");
        });

    assertThat(r.entries()).containsExactly(
        new Discovered("https://www.dawn.com/news/1634612/sco-ministers-discuss-afghanistan",
            "SCO ministers discuss Afghanistan in Dushanbe", Instant.parse("2021-07-14T13:05:00Z")),
        new Discovered("https://www.dawn.com/news/1634500", null, Instant.parse("2021-07-13T00:00:00Z")));
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void anIndexIsFollowedToItsChildren() throws Exception {
    String index = """
        <?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>https://www.dawn.com/sitemaps/news-1.xml</loc></sitemap>
        </sitemapindex>
        """;
    List<URI> fetched = new ArrayList<>();

    SitemapReader.Result r = new SitemapReader(10, 1 << 20).read("https://www.dawn.com/sitemaps/index.xml", utf8(index), url -> {
      fetched.add(url);
      return utf8(NEWS);
    });

    assertThat(fetched).containsExactly(URI.create("https://www.dawn.com/sitemaps/news-1.xml"));
    assertThat(r.entries()).hasSize(2);
    assertThat(r.sitemapsRead()).isEqualTo(2);
  }

  @Test
  void anIndexPointingToItselfIsReadOnceAndTheLoopReported() throws Exception {
    String self = """
        <?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>https://loop.example/sitemap.xml</loc></sitemap>
        </sitemapindex>
        """;
    List<URI> fetched = new ArrayList<>();

    SitemapReader.Result r = new SitemapReader(50, 1 << 20).read("https://loop.example/sitemap.xml", utf8(self), url -> {
      fetched.add(url);
      return utf8(self);
    });

    assertThat(fetched).isEmpty();
    assertThat(r.entries()).isEmpty();
    assertThat(r.sitemapsRead()).isEqualTo(1);
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.reason()).isEqualTo(FailureReason.SITEMAP_LOOP);
      assertThat(p.message()).contains("lists https://loop.example/sitemap.xml, which this poll already read");
    });
  }

  @Test
  void twoIndexesListingEachOtherEndToo() throws Exception {
    Map<String, String> site = Map.of(
        "https://loop.example/a.xml", """
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://loop.example/b.xml</loc></sitemap></sitemapindex>""",
        "https://loop.example/b.xml", """
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://loop.example/a.xml</loc></sitemap></sitemapindex>""");
    List<URI> fetched = new ArrayList<>();

    SitemapReader.Result r = new SitemapReader(50, 1 << 20).read("https://loop.example/a.xml",
        utf8(site.get("https://loop.example/a.xml")), url -> {
          fetched.add(url);
          return utf8(site.get(url.toString()));
        });

    assertThat(fetched).containsExactly(URI.create("https://loop.example/b.xml"));
    assertThat(r.problems()).extracting(SitemapReader.Problem::reason).containsExactly(FailureReason.SITEMAP_LOOP);
  }

  @Test
  void theNumberOfSitemapsPerPollIsBounded() throws Exception {
    SitemapReader.Result r = new SitemapReader(3, 1 << 20).read("https://big.example/s0.xml", utf8(indexOf(1)), url -> {
      int n = Integer.parseInt(url.getPath().replaceAll("\\D", ""));
      return utf8(indexOf(n + 1));
    });

    assertThat(r.sitemapsRead()).isEqualTo(3);
    assertThat(r.problems()).extracting(SitemapReader.Problem::reason).containsExactly(FailureReason.SITEMAP_LIMIT);
  }

  private static String indexOf(int next) {
    return "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>https://big.example/s"
        + next + ".xml</loc></sitemap></sitemapindex>";
  }

  @Test
  void aGzippedSitemapIsReadAndAGzippedBombIsRefused() throws Exception {
    SitemapReader.Result r = new SitemapReader(5, 1 << 20).read("https://www.dawn.com/sitemaps/news.xml.gz",
        gzip(utf8(NEWS)), url -> new byte[0]);
    assertThat(r.entries()).hasSize(2);

    byte[] spaces = new byte[4 << 20];
    java.util.Arrays.fill(spaces, (byte) ' ');
    DiscoveryException e = catchThrowableOfType(DiscoveryException.class, () -> new SitemapReader(5, 1 << 20)
        .read("https://bomb.example/sitemap.xml.gz", gzip(spaces), url -> new byte[0]));
    assertThat(e.reason()).isEqualTo(FailureReason.DECOMPRESSED_TOO_LARGE);
  }

  private static byte[] gzip(byte[] plain) throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
      z.write(plain);
    }
    return out.toByteArray();
  }

  @Test
  void aRootThatIsNoSitemapFails() {
    DiscoveryException e = catchThrowableOfType(DiscoveryException.class, () -> new SitemapReader(5, 1 << 20)
        .read("https://x.example/sitemap.xml", utf8("<html><body>oops</body></html>"), url -> new byte[0]));

    assertThat(e.reason()).isEqualTo(FailureReason.SITEMAP_INVALID);
  }
}
