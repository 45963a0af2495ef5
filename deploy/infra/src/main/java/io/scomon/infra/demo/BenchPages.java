package io.scomon.infra.demo;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated pages for benchmarks: {@code /bench/sitemap.xml?n=N} is a news sitemap of N stories,
 * {@code /bench/story/I.html} is story I, built from the template {@code demo-site/bench/story.html}
 * ({@code {{N}}} becomes I), so every story has its own title and text.
 */
final class BenchPages {

  private static final Pattern COUNT = Pattern.compile("[?&]n=(\\d{1,6})");
  private static final Pattern STORY = Pattern.compile("^/bench/story/(\\d{1,6})\\.html$");

  private BenchPages() {}

  static byte[] render(String target, String baseUrl, Function<String, String> resources) {
    if (target.startsWith("/bench/sitemap.xml")) {
      Matcher m = COUNT.matcher(target);
      int n = m.find() ? Integer.parseInt(m.group(1)) : 100;
      StringBuilder xml = new StringBuilder(n * 400 + 300);
      xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
          .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"")
          .append(" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n");
      for (int i = 1; i <= n; i++) {
        xml.append("  <url><loc>").append(baseUrl).append("/bench/story/").append(i).append(".html</loc>")
            .append("<news:news><news:publication><news:name>Demo Bench</news:name><news:language>en</news:language>")
            .append("</news:publication><news:publication_date>2025-06-0").append(1 + i % 9)
            .append("T08:00:00+00:00</news:publication_date><news:title>SCO bench story ").append(i)
            .append("</news:title></news:news></url>\n");
      }
      xml.append("</urlset>\n");
      return xml.toString().getBytes(StandardCharsets.UTF_8);
    }
    Matcher m = STORY.matcher(target);
    if (!m.matches()) {
      return null;
    }
    String template = resources.apply("bench/story.html");
    if (template == null) {
      return null;
    }
    return template.replace("{{N}}", m.group(1)).replace("{{BASE_URL}}", baseUrl).getBytes(StandardCharsets.UTF_8);
  }
}
