package io.scomon.enrich.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scomon.enrich.EnrichApp;
import io.scomon.enrich.config.EnrichConfig;
import io.scomon.infra.junit.KafkaCluster;
import io.scomon.infra.junit.RealKafka;
import io.scomon.schemas.Alert;
import io.scomon.schemas.Article;
import io.scomon.schemas.SourceType;
import io.scomon.schemas.id.ArticleIds;
import io.scomon.schemas.topic.TopicProvisioner;
import io.scomon.schemas.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subscriptions API of a running enrich-service, on a real broker: stored, validated, matched, deleted. */
@RealKafka
class SubscriptionsApiIT {

  private static final String TOKEN = "test-token-0123456789";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path stateDir;
  private static EnrichApp app;
  private static String api;

  @BeforeAll
  static void start(KafkaCluster kafka) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      new TopicProvisioner(admin, (short) 1).ensureAll();
    }
    app = EnrichApp.start(EnrichConfig.load(Map.of(
        "enrich.kafka.bootstrap-servers", kafka.bootstrapServers(),
        "enrich.application-id", "enrich-api-it",
        "enrich.state-dir", stateDir.toString(),
        "enrich.http.port", "0",
        "enrich.api.port", "0",
        "enrich.api.token", TOKEN)));
    await().atMost(Duration.ofSeconds(60)).until(() -> app.state() == KafkaStreams.State.RUNNING);
    api = "http://127.0.0.1:" + app.apiPort() + "/subscriptions";
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aSubscriptionCreatedThroughTheApiIsStoredMatchedAndDeleted(KafkaCluster kafka) throws Exception {
    HttpResponse<String> created = call("POST", api, """
        {"id": "opium-watch", "owner": "analyst@example.org", "name": "Opium from Afghanistan",
         "query": "\\"opium trafficking\\"~5 AND Afghanistan", "filters": {"languages": ["en"]},
         "delivery": {"webhookUrl": "http://127.0.0.1:9/hook", "webhookSecret": "s3cret-s3cret-s3cret"}}""");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/subscriptions/opium-watch");
    assertThat(created.body()).contains("\"query\":\"\\\"opium trafficking\\\"~5 AND Afghanistan\"")
        .contains("\"webhookSecret\":\"********\"").doesNotContain("s3cret");

    assertThat(call("GET", api + "/opium-watch", null).body()).contains("\"name\":\"Opium from Afghanistan\"");
    assertThat(call("GET", api + "?owner=analyst@example.org", null).body()).contains("opium-watch");

    HttpResponse<String> updated = call("PUT", api + "/opium-watch", """
        {"owner": "analyst@example.org", "name": "Opium (renamed)", "query": "\\"opium trafficking\\"~5 AND Afghanistan",
         "delivery": {"webhookUrl": "http://127.0.0.1:9/hook", "webhookSecret": "********"}, "maxAlertsPerHour": 10}""");
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.body()).contains("\"name\":\"Opium (renamed)\"").contains("\"maxAlertsPerHour\":10");

    Article article = article("https://eng.sectsco.org/news/opium.html",
        "Opium trafficked from Afghanistan across Central Asia, officials said, as the SCO met.");
    try (KafkaProducer<String, Article> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        Topics.ARTICLES.keySerde().serializer(), Topics.ARTICLES.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), article.getId(), article)).get();
    }
    List<Alert> alerts = new ArrayList<>();
    try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "api-it",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.ALERTS.name()));
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> alerts.add(r.value()));
        return !alerts.isEmpty();
      });
    }
    assertThat(alerts).singleElement().satisfies(alert -> {
      assertThat(alert.getId()).isEqualTo("opium-watch:" + article.getId());
      assertThat(alert.getSubscriptionName()).isEqualTo("Opium (renamed)");
      assertThat(alert.getMatchedTerms()).containsExactly("opium trafficked", "afghanistan");
      assertThat(alert.getSnippet()).contains("**Opium trafficked** from **Afghanistan**");
    });

    assertThat(call("DELETE", api + "/opium-watch", null).statusCode()).isEqualTo(204);
    assertThat(call("GET", api + "/opium-watch", null).statusCode()).isEqualTo(404);
  }

  @Test
  void answersAnInvalidQueryWith400SayingWhatAndWhere() throws Exception {
    HttpResponse<String> response = call("POST", api, """
        {"owner": "a@example.org", "name": "bad", "query": "opium AND author:smith",
         "delivery": {"email": "a@example.org"}}""");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("unknown field 'author'").contains("\"field\":\"query\"").contains("\"position\":11");
  }

  @Test
  void answersAMatchEverythingQueryWith400() throws Exception {
    HttpResponse<String> response = call("POST", api, """
        {"owner": "a@example.org", "name": "all", "query": "*", "delivery": {"email": "a@example.org"}}""");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("would match every article");
  }

  @Test
  void answersMalformedJsonAndUnknownFieldsWith400() throws Exception {
    HttpResponse<String> malformed = call("POST", api, "{\"owner\": \"a\", \"name\": ");
    HttpResponse<String> unknown = call("POST", api, """
        {"owner": "a@example.org", "name": "x", "query": "opium", "colour": "red", "delivery": {"email": "a@example.org"}}""");

    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("malformed JSON at line 1");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("unknown field 'colour'");
  }

  @Test
  void refusesARequestWithoutTheToken() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api)).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(call("GET", api + "/nope", null).statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> call(String method, String url, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN);
    if (json != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Article article(String url, String body) {
    return Article.newBuilder()
        .setId(ArticleIds.ofUrl(url)).setCanonicalUrl(url).setUrl(url)
        .setSourceId("sco").setSourceType(SourceType.NEWS).setSiteName("SCO")
        .setTitle("Central Asia drug routes").setBody(body).setAuthors(List.of())
        .setPublishedAt(Instant.parse("2026-11-01T00:00:00Z")).setFetchedAt(Instant.parse("2026-11-01T00:01:00Z"))
        .setContentHash("h").build();
  }
}
