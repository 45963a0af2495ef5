package io.scomon.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.scomon.enrich.alert.SubscriptionIndex;
import io.scomon.enrich.alert.Subscriptions;
import io.scomon.schemas.Alert;
import io.scomon.schemas.Article;
import io.scomon.schemas.Subscription;
import io.scomon.schemas.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertTopologyTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  private final SubscriptionIndex index = new SubscriptionIndex(Articles.ANALYZER.lucene(), 100_000);
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> articles;
  private TestInputTopic<String, Subscription> subscriptions;
  private TestOutputTopic<String, Alert> alerts;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alert-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(EnrichTopology.build(Articles.shippedEnrichment(), 5, 1_000, Clock.fixed(NOW, ZoneOffset.UTC),
        index, (event, detail) -> { }), props);
    articles = driver.createInputTopic(Topics.ARTICLES.name(), new StringSerializer(), new ByteArraySerializer());
    subscriptions = driver.createInputTopic(Topics.SUBSCRIPTIONS.name(), new StringSerializer(),
        Topics.SUBSCRIPTIONS.valueSerde().serializer());
    alerts = driver.createOutputTopic(Topics.ALERTS.name(), Topics.ALERTS.keySerde().deserializer(),
        Topics.ALERTS.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
    index.close();
  }

  @Test
  void alertsAMatchingArticleWithTheMatchedWordsAndASnippet() {
    subscriptions.pipeInput("opium", Subscriptions.subscription("opium", "(drug OR opium) AND Afghanistan").build());
    Article article = Articles.article("https://eng.sectsco.org/news/contact-group.html", "Contact Group meets",
        Articles.resource("sco-afghanistan-contact-group.txt"));

    send(article);

    TestRecord<String, Alert> alert = alerts.readRecord();
    assertThat(alert.key()).isEqualTo("opium:" + article.getId());
    assertThat(alert.value().getSubscriptionName()).isEqualTo("watch opium");
    assertThat(alert.value().getArticleId()).isEqualTo(article.getId());
    assertThat(alert.value().getUrl()).isEqualTo(article.getCanonicalUrl());
    assertThat(alert.value().getMatchedTerms()).contains("afghanistan", "drugs");
    assertThat(alert.value().getSnippet()).contains("**");
    assertThat(alert.value().getTopics()).contains("narcotics");
    assertThat(alert.value().getMatchedAt()).isEqualTo(NOW);
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void doesNotAlertASyndicatedCopyOfAnAlreadyAlertedStoryAgain() {
    subscriptions.pipeInput("ministers", Subscriptions.subscription("ministers", "\"foreign ministers\"").build());
    String story = Articles.resource("khovar-report.txt");
    send(Articles.article("https://khovar.tj/eng/sco-meeting/", "SCO foreign ministers meet", story));
    send(Articles.article("https://news.example.org/sco-ministers", "SCO ministers meet", story + "\nShare this."));

    assertThat(alerts.readValuesToList()).hasSize(1);
  }

  @Test
  void stopsAlertingForADeletedSubscription() {
    subscriptions.pipeInput("terror", Subscriptions.subscription("terror", "terrorism").build());
    subscriptions.pipeInput("terror", (Subscription) null);

    send(Articles.article("https://eng.sectsco.org/news/t.html", "Terrorism", "SCO members condemned terrorism."));

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void holdsTheHourlyLimitOfASubscription() {
    subscriptions.pipeInput("limited", Subscriptions.subscription("limited", "terrorism").setMaxAlertsPerHour(2).build());

    for (int i = 0; i < 4; i++) {
      send(Articles.article("https://eng.sectsco.org/news/" + i + ".html", "Terrorism " + i,
          "Different story number " + i + " about terrorism in region " + (i * 7919) + " with unrelated words " + i * 31));
    }

    assertThat(alerts.readValuesToList()).hasSize(2);
  }

  @Test
  void skipsASubscriptionWithAnInvalidQueryAndKeepsTheOthers() {
    subscriptions.pipeInput("broken", Subscriptions.subscription("broken", "opium AND (").build());
    subscriptions.pipeInput("good", Subscriptions.subscription("good", "terrorism").build());

    send(Articles.article("https://eng.sectsco.org/news/t.html", "Terrorism and opium", "SCO members condemned terrorism and opium."));

    assertThat(alerts.readValuesToList()).extracting(Alert::getSubscriptionId).containsExactly("good");
  }

  private void send(Article article) {
    articles.pipeInput(new TestRecord<>(article.getId(),
        Topics.ARTICLES.valueSerde().serializer().serialize(Topics.ARTICLES.name(), article)));
  }

  static List<String> ids(List<Alert> list) {
    return list.stream().map(Alert::getSubscriptionId).toList();
  }
}
