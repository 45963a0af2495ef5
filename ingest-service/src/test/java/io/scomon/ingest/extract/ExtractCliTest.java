package io.scomon.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCliTest {

  @TempDir
  Path dir;

  @Test
  void writesTitleAuthorDateAndBodyForEveryPageOfADirectory() throws Exception {
    Path pages = Files.createDirectory(dir.resolve("pages"));
    Files.writeString(pages.resolve("interview.html"), Fixtures.html("news-interview.html"));
    try (OutputStream out = new GZIPOutputStream(
        Files.newOutputStream(pages.resolve("thread.html.gz")))) {
      out.write(Fixtures.html("xenforo-thread.html").getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(pages.resolve("notes.txt"), "not a page");
    Path urls = dir.resolve("urls.json");
    Files.writeString(urls, "{\"thread\": {\"url\": \"https://eurasia-forum.example.net/t/777\"}}");
    Path out = dir.resolve("out.json");

    ExtractCli.main(new String[] {pages.toString(), "--out", out.toString(), "--base-urls",
        urls.toString()});

    JsonNode json = new ObjectMapper().readTree(out.toFile());
    assertThat(json.size()).isEqualTo(2);
    JsonNode news = json.get("interview");
    assertThat(news.get("title").asText())
        .isEqualTo("Afghan conflict can only be solved through political dialogue, says SCO chief");
    assertThat(news.get("author").asText()).isEqualTo("Nadia Rahman");
    assertThat(news.get("date").asText()).isEqualTo("2021-06-03");
    assertThat(news.get("articleBody").asText()).startsWith("ISLAMABAD – Secretary-General");
    JsonNode thread = json.get("thread");
    assertThat(thread.get("title").asText()).isEqualTo("Iran joins the SCO");
    assertThat(thread.get("author").asText()).isEqualTo("Gulnara");
    assertThat(thread.get("date").asText()).isEqualTo("2021-09-17");
    assertThat(thread.get("articleBody").asText())
        .startsWith("Gulnara\nSep 17, 2021\n\nThe Dushanbe Declaration mentions Iran")
        .contains("\n\nRustam_T\nSep 17, 2021\n\n")
        .endsWith("which nobody expected.");
  }

  @Test
  void decodesUtf8EvenWhenTheHeadDeclaresAStaleCharset() {
    byte[] bytes = ("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Шанхайская "
        + "организация сотрудничества</p></body></html>").getBytes(StandardCharsets.UTF_8);

    assertThat(HtmlFiles.decode(bytes)).contains("Шанхайская организация");
  }

  @Test
  void decodesTheDeclaredCharsetWhenTheBytesAreNotUtf8() {
    byte[] bytes = "<html><head><meta charset=\"windows-1251\"></head><body>Москва</body></html>"
        .getBytes(java.nio.charset.Charset.forName("windows-1251"));

    assertThat(HtmlFiles.decode(bytes)).contains("Москва");
  }
}
