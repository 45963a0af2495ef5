package io.scomon.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.scomon.infra.demo.DemoSite;
import io.scomon.infra.process.Ports;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system as a user runs it ({@code deploy/scomon up}: Kafka, Elasticsearch and the three
 * services as their own JVMs) crawling the demo site plus a source on a dead port: every page
 * becomes the expected articles in Elasticsearch with their topics, syndicated copies share a story,
 * the dead source is reported and harms nothing, and a subscription made through the API gets
 * exactly one signed webhook and one mail per matching story.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(600)
class EndToEndIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "end-to-end-secret-0123456789";

  @TempDir static Path data;
  private DemoSite site;
  private GreenMail smtp;
  private HttpServer webhook;
  private final List<byte[]> webhookBodies = new CopyOnWriteArrayList<>();
  private final List<Boolean> webhookSigned = new CopyOnWriteArrayList<>();
  private LocalStack stack;
  private int deadPort;

  @BeforeAll
  void startEverything() throws Exception {
    // Elasticsearch runs as user nobody when the build runs as root: its data directory must be reachable
    Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    site = DemoSite.start();
    smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    webhook.createContext("/hook", exchange -> {
      try (exchange; InputStream in = exchange.getRequestBody()) {
        byte[] body = in.readAllBytes();
        webhookBodies.add(body);
        webhookSigned.add(DemoWebhook.verify(SECRET, body, exchange.getRequestHeaders().getFirst(DemoWebhook.SIGNATURE_HEADER)));
        exchange.sendResponseHeaders(200, -1);
      }
    });
    webhook.start();
    deadPort = Ports.free(); // nothing listens there
    Path sources = DemoSources.write(site.baseUrl(), site.port(), data.resolve("sources.yml"));
    Files.writeString(sources, Files.readString(sources) + """

          - id: dead-source
            name: A source nobody answers
            kind: feed
            url: http://127.0.0.1:%d/rss.xml
            language: en
        """.formatted(deadPort));
    LocalStackConfig config = LocalStackConfig.parse(new String[] {"--free-ports", "--sources", sources.toString()},
        Map.of("SCOMON_DATA", data.resolve("stack").toString(), "SCOMON_SMTP", "127.0.0.1:" + smtp.getSmtp().getPort()));
    stack = new LocalStack(config, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    stack.start();
  }

  @AfterAll
  void stopEverything() {
    if (stack != null) {
      stack.close();
    }
    webhook.stop(0);
    smtp.stop();
    site.close();
  }

  @Test
  void crawlsTheDemoSiteIntoTaggedArticlesAndAlertsEachMatchingStoryOnce() throws Exception {
    HttpResponse<String> created = api("POST", "/subscriptions", """
        {"id": "e2e-afghanistan", "owner": "analyst@example.org", "name": "Afghanistan and terrorism",
         "query": "Afghanistan OR Афганистан OR 阿富汗 OR terrorism",
         "delivery": {"webhookUrl": "http://127.0.0.1:%d/hook", "webhookSecret": "%s", "email": "analyst@example.org"}}"""
        .formatted(webhook.getAddress().getPort(), SECRET));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    // every page of the demo site becomes articles: 7 news stories and 8 forum posts
    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() -> articles().size() >= 15);
    List<JsonNode> articles = articles();
    assertThat(articles).hasSize(15);
    List<JsonNode> posts = articles.stream().filter(a -> a.at("/scomon/source/type").asText().equals("forum")).toList();
    assertThat(posts).hasSize(8).allSatisfy(post -> assertThat(post.at("/scomon/body").asText())
        .doesNotContain("Reply With Quote").doesNotContain("Join Date"));
    JsonNode contactGroup = byTitle(articles, "SCO Secretary-General attends meeting of SCO-Afghanistan Contact Group in Dushanbe");
    assertThat(topics(contactGroup)).contains("terrorism", "narcotics", "afghanistan");
    assertThat(byTitle(articles, "Главы МИД стран ШОС обсудили в Душанбе ситуацию в Афганистане").at("/scomon/language").asText())
        .isEqualTo("ru");
    assertThat(byTitle(articles, "上合组织成员国外长理事会会议在杜尚别举行").at("/scomon/language").asText()).isEqualTo("zh");
    JsonNode copy = byTitle(articles, "Dushanbe hosts SCO Security Council secretaries meeting");
    JsonNode original = byTitle(articles, "Dushanbe Hosts SCO Security Council Secretaries Meeting");
    assertThat(copy.at("/scomon/story_id").asText()).isEqualTo(original.at("/scomon/story_id").asText());
    assertThat(articles).noneMatch(a -> a.at("/url/full").asText().contains("/drafts/")); // robots.txt disallows it

    // the dead source is reported per source, and everything else flowed anyway
    String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.config().health().ingest()
        + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(metrics).containsPattern("scomon_ingest_failures_total\\{[^}]*source=\"dead-source\"[^}]*\\} [1-9]");

    // one webhook and one mail per matching story, signed, and never twice
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
        .until(() -> !webhookBodies.isEmpty() && webhookBodies.size() == alertCount() && smtp.getReceivedMessages().length
            == webhookBodies.size());
    Thread.sleep(5_000); // anything more would be a duplicate
    List<String> stories = new ArrayList<>();
    for (byte[] body : webhookBodies) {
      stories.add(JSON.readTree(body).path("storyId").asText());
    }
    assertThat(webhookSigned).containsOnly(true);
    assertThat(new HashSet<>(stories)).as("one alert per story").hasSameSizeAs(stories);
    assertThat(stories).contains(contactGroup.at("/scomon/story_id").asText());
    assertThat(stories).containsOnlyOnce(original.at("/scomon/story_id").asText());
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSameSizeAs(stories);
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("analyst@example.org");
  }

  private List<JsonNode> articles() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
        URI.create(stack.elasticsearchUrl() + "/scomon-articles/_search?size=100")).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>();
    JSON.readTree(response.body()).at("/hits/hits").forEach(hit -> out.add(hit.path("_source")));
    return out;
  }

  private long alertCount() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
        URI.create(stack.elasticsearchUrl() + "/scomon-alerts/_count")).build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? JSON.readTree(response.body()).path("count").asLong() : -1;
  }

  private static JsonNode byTitle(List<JsonNode> articles, String title) {
    return articles.stream().filter(a -> a.at("/scomon/title").asText().equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no article titled '" + title + "' among "
            + articles.stream().map(a -> a.at("/scomon/title").asText()).toList()));
  }

  private static Set<String> topics(JsonNode article) {
    Set<String> names = new HashSet<>();
    article.at("/scomon/topics").forEach(t -> names.add(t.isTextual() ? t.asText() : t.path("name").asText()));
    return names;
  }

  private HttpResponse<String> api(String method, String path, String json) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + path))
        .header("Authorization", "Bearer " + stack.apiToken()).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
