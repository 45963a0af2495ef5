package io.scomon.index.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scomon.index.PipelineFixture;
import io.scomon.infra.junit.ElasticsearchCluster;
import io.scomon.infra.junit.KafkaCluster;
import io.scomon.infra.junit.RealElasticsearch;
import io.scomon.infra.junit.RealKafka;
import io.scomon.infra.process.Ports;
import io.scomon.schemas.Alert;
import io.scomon.schemas.DeadLetter;
import io.scomon.schemas.DeliveryMode;
import io.scomon.schemas.Subscription;
import io.scomon.schemas.topic.Topics;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Alert delivery on a real broker, a real Elasticsearch, a real HTTP server on 127.0.0.1 as the
 * webhooks and GreenMail as the SMTP server. Each test runs its own service, with a consumer group
 * that starts at the current end of scomon.alerts, its own ledger index and new subscriptions, and
 * stops it before the next test, so each test counts only its own deliveries.
 */
@RealKafka
@RealElasticsearch
@Timeout(120)
class DeliveryServiceIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static PipelineFixture pipeline;
  private static DeliveryFixture fixture;
  private static WebhookReceiver receiver;
  private static GreenMail smtp;
  private String ledger;

  @BeforeAll
  static void start(KafkaCluster kafka, ElasticsearchCluster es) {
    pipeline = new PipelineFixture(kafka);
    fixture = new DeliveryFixture(kafka, es.httpUrl());
    receiver = new WebhookReceiver();
    smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterAll
  static void stop() throws Exception {
    smtp.stop();
    receiver.close();
    fixture.close();
    pipeline.close();
  }

  /** A service of its own for the calling test, reading only alerts produced from now on. */
  private DeliveryService start(String name, String... overrides) {
    ledger = DeliveryFixture.ledgerIndex(name);
    return startIn(fixture.groupAtEnd(name), ledger, overrides);
  }

  private static DeliveryService startIn(String group, String ledgerIndex, String... overrides) {
    return DeliveryService.start(fixture.indexConfig(),
        DeliveryFixture.config(group, ledgerIndex, smtp.getSmtp().getPort(), overrides), new SimpleMeterRegistry());
  }

  @Test
  void anInstantAlertArrivesOnceByWebhookSignedWithItsIdempotencyKeyAndOnceByMail() throws Exception {
    try (DeliveryService service = start("instant")) {
      String url = receiver.hook("instant", n -> WebhookReceiver.Answer.of(200));
      String mailbox = mailbox("instant");
      Subscription s = Alerts.subscription(id("instant"), url, mailbox, DeliveryMode.INSTANT, 0);
      fixture.subscribe(s);
      Alert alert = Alerts.contactGroup(s.getId());

      pipeline.produce(alert);

      await().atMost(WAIT).until(() -> receiver.accepted("instant").size() == 1 && mails(mailbox).size() == 1
          && status(ledger, alert, Channel.EMAIL).equals("delivered")
          && status(ledger, alert, Channel.WEBHOOK).equals("delivered"));
      WebhookReceiver.Request post = receiver.accepted("instant").get(0);
      assertThat(post.header("X-Scomon-Signature")).isEqualTo(WebhookSignature.sign(Alerts.SECRET, post.body()));
      assertThat(post.header("Idempotency-Key")).isEqualTo(alert.getId());
      assertThat(post.header("Content-Type")).startsWith("application/json");
      JsonNode body = JSON.readTree(post.body());
      assertThat(body.get("type").asText()).isEqualTo("alert");
      assertThat(body.get("id").asText()).isEqualTo(alert.getId());
      assertThat(body.get("subscriptionId").asText()).isEqualTo(s.getId());
      assertThat(body.get("subscriptionName").asText()).isEqualTo(alert.getSubscriptionName());
      assertThat(body.get("title").asText()).isEqualTo(alert.getTitle());
      assertThat(body.get("url").asText()).isEqualTo(alert.getUrl());
      assertThat(body.get("source").asText()).isEqualTo("sco-secretariat");
      assertThat(body.get("language").asText()).isEqualTo("en");
      assertThat(body.get("publishedAt").asText()).isEqualTo("2025-06-04T09:00:00Z");
      assertThat(body.get("matchedTerms").toString()).isEqualTo("[\"opium\",\"trafficking\"]");
      assertThat(body.get("topics").toString()).isEqualTo("[\"narcotics\",\"afghanistan\"]");
      assertThat(body.get("snippet").asText()).isEqualTo(alert.getSnippet());

      MimeMessage mail = mails(mailbox).get(0);
      assertThat(mail.getSubject()).isEqualTo("[SCO Monitor] " + alert.getSubscriptionName() + ": " + alert.getTitle());
      assertThat(Arrays.stream(mail.getAllRecipients()).map(Address::toString)).containsExactly(mailbox);
      assertThat((String) mail.getContent()).contains(alert.getUrl()).contains(alert.getSnippet())
          .contains("Matched: opium, trafficking");
      assertThat(mail.getHeader("X-Scomon-Alert-Id")).containsExactly(alert.getId());

      Thread.sleep(1000); // nothing more comes
      assertThat(receiver.received("instant")).hasSize(1);
      assertThat(mails(mailbox)).hasSize(1);
    }
  }

  @Test
  void aWebhookAnswering500TwiceThen200IsRetriedAndDeliveredOnce() throws Exception {
    try (DeliveryService service = start("flaky")) {
      String url = receiver.hook("flaky", n -> WebhookReceiver.Answer.of(n <= 2 ? 500 : 200));
      Subscription s = Alerts.subscription(id("flaky"), url, null, DeliveryMode.INSTANT, 0);
      fixture.subscribe(s);
      Alert alert = Alerts.contactGroup(s.getId());

      pipeline.produce(alert);

      await().atMost(WAIT).until(() -> status(ledger, alert, Channel.WEBHOOK).equals("delivered"));
      assertThat(receiver.received("flaky")).extracting(WebhookReceiver.Request::answered).containsExactly(500, 500, 200);
      assertThat(receiver.received("flaky")).extracting(r -> r.header("Idempotency-Key")).containsOnly(alert.getId());
      assertThat(fixture.ledger(ledger, alert.getId(), Channel.WEBHOOK).orElseThrow()).containsEntry("attempts", 3);
      Thread.sleep(500);
      assertThat(receiver.accepted("flaky")).hasSize(1);
    }
  }

  @Test
  void webhooksFailingForeverEndFailedWithOneDeadLetterEachWhileOtherSubscriptionsAreDeliveredMeanwhile() {
    try (DeliveryService service = start("failing")) {
      String brokenUrl = receiver.hook("broken", n -> WebhookReceiver.Answer.after(400, 500));
      String hangingUrl = receiver.hook("hanging", n -> WebhookReceiver.Answer.after(3_000, 200)); // past the 1 s timeout
      String healthyUrl = receiver.hook("healthy", n -> WebhookReceiver.Answer.of(204));
      Subscription broken = Alerts.subscription(id("broken"), brokenUrl, null, DeliveryMode.INSTANT, 0);
      Subscription hanging = Alerts.subscription(id("hanging"), hangingUrl, null, DeliveryMode.INSTANT, 0);
      Subscription healthy = Alerts.subscription(id("healthy"), healthyUrl, null, DeliveryMode.INSTANT, 0);
      List.of(broken, hanging, healthy).forEach(fixture::subscribe);
      Alert brokenAlert = Alerts.contactGroup(broken.getId());
      Alert hangingAlert = Alerts.contactGroup(hanging.getId());
      List<Alert> healthyAlerts = IntStream.range(0, 5)
          .mapToObj(i -> Alerts.alert(healthy.getId(), "https://example.org/healthy/" + i, "Healthy " + i)).toList();

      RecordMetadata brokenAt = pipeline.produce(brokenAlert);
      RecordMetadata hangingAt = pipeline.produce(hangingAlert);
      healthyAlerts.forEach(pipeline::produce);

      await().atMost(WAIT).until(() -> status(ledger, brokenAlert, Channel.WEBHOOK).equals("failed")
          && status(ledger, hangingAlert, Channel.WEBHOOK).equals("failed"));
      assertThat(receiver.accepted("healthy")).hasSize(5);
      Instant lastHealthy = receiver.accepted("healthy").stream().map(WebhookReceiver.Request::at)
          .max(Comparator.naturalOrder()).orElseThrow();
      assertThat(receiver.received("broken")).hasSize(4);
      assertThat(receiver.received("hanging")).hasSize(4);
      assertThat(lastHealthy).isBefore(receiver.received("broken").get(3).at())
          .isBefore(receiver.received("hanging").get(3).at());
      assertThat(fixture.ledger(ledger, brokenAlert.getId(), Channel.WEBHOOK).orElseThrow())
          .containsEntry("attempts", 4).containsEntry("lastError", "HTTP 500");
      assertThat((String) fixture.ledger(ledger, hangingAlert.getId(), Channel.WEBHOOK).orElseThrow().get("lastError"))
          .contains("timeout");

      await().atMost(WAIT).untilAsserted(() -> {
        assertThat(deadLetters(brokenAlert)).hasSize(1);
        assertThat(deadLetters(hangingAlert)).hasSize(1);
      });
      DeadLetter letter = deadLetters(brokenAlert).get(0);
      assertThat(letter.getService()).isEqualTo("index");
      assertThat(letter.getStage()).isEqualTo("deliver");
      assertThat(letter.getReason()).isEqualTo("webhook delivery failed after 4 attempt(s): HTTP 500");
      assertThat(letter.getSourceTopic()).isEqualTo(Topics.ALERTS.name());
      assertThat(letter.getSourcePartition()).isEqualTo(brokenAt.partition());
      assertThat(letter.getSourceOffset()).isEqualTo(brokenAt.offset());
      assertThat(bytes(letter.getOriginalValue()))
          .isEqualTo(Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), brokenAlert));
      assertThat(letter.getContext()).containsEntry("subscriptionId", broken.getId()).containsEntry("channel", "webhook");
      assertThat(deadLetters(hangingAlert).get(0).getSourceOffset()).isEqualTo(hangingAt.offset());
    }
  }

  @Test
  void alertsWaitingToRetryAFailingWebhookDoNotUseUpTheInFlightBudgetOfOthers() {
    try (DeliveryService service = start("budget", "index.deliver.max-in-flight", "2",
        "index.deliver.retry.initial-backoff", "3s", "index.deliver.retry.max-backoff", "3s")) {
      String downUrl = receiver.hook("down", n -> WebhookReceiver.Answer.of(500));
      String upUrl = receiver.hook("up", n -> WebhookReceiver.Answer.of(200));
      Subscription down = Alerts.subscription(id("down"), downUrl, null, DeliveryMode.INSTANT, 0);
      Subscription up = Alerts.subscription(id("up"), upUrl, null, DeliveryMode.INSTANT, 0);
      fixture.subscribe(down);
      fixture.subscribe(up);

      IntStream.range(0, 4).forEach(i ->
          pipeline.produce(Alerts.alert(down.getId(), "https://example.org/down/" + i, "Down " + i)));
      await().atMost(WAIT).until(() -> receiver.received("down").size() == 4); // all four wait for a retry
      IntStream.range(0, 3).forEach(i ->
          pipeline.produce(Alerts.alert(up.getId(), "https://example.org/up/" + i, "Up " + i)));

      await().atMost(WAIT).until(() -> receiver.accepted("up").size() == 3);
      Instant firstRetry = receiver.received("down").stream().filter(r -> r.number() > 4)
          .map(WebhookReceiver.Request::at).min(Comparator.naturalOrder()).orElse(Instant.MAX);
      assertThat(receiver.accepted("up")).allSatisfy(r -> assertThat(r.at()).isBefore(firstRetry));
    }
  }

  @Test
  void digestModeSendsOneMailAndOnePostListingAllThreeAlertsAfterTheInterval() throws Exception {
    try (DeliveryService service = start("digest")) {
      String url = receiver.hook("digest", n -> WebhookReceiver.Answer.of(200));
      String mailbox = mailbox("digest");
      Subscription s = Alerts.subscription(id("digest"), url, mailbox, DeliveryMode.DIGEST, 4); // 4 s in this test
      fixture.subscribe(s);
      List<Alert> alerts = IntStream.range(0, 3)
          .mapToObj(i -> Alerts.alert(s.getId(), "https://example.org/digest/" + i, "Digest story " + i)).toList();

      alerts.forEach(pipeline::produce);

      await().atMost(WAIT).until(() -> alerts.stream().allMatch(a -> status(ledger, a, Channel.EMAIL).equals("pending")));
      assertThat(mails(mailbox)).isEmpty();
      assertThat(receiver.received("digest")).isEmpty();

      await().atMost(WAIT).until(() -> mails(mailbox).size() == 1 && receiver.accepted("digest").size() == 1);
      MimeMessage mail = mails(mailbox).get(0);
      assertThat(mail.getSubject()).isEqualTo("[SCO Monitor] " + s.getName() + ": 3 new alerts");
      String text = (String) mail.getContent();
      alerts.forEach(a -> assertThat(text).contains(a.getTitle()).contains(a.getUrl()));
      WebhookReceiver.Request post = receiver.accepted("digest").get(0);
      JsonNode body = JSON.readTree(post.body());
      assertThat(body.get("type").asText()).isEqualTo("digest");
      assertThat(body.get("alerts").findValuesAsText("id"))
          .containsExactlyInAnyOrderElementsOf(alerts.stream().map(Alert::getId).toList());
      assertThat(post.header("Idempotency-Key")).isEqualTo(body.get("id").asText()).startsWith("digest:");
      assertThat(post.header("X-Scomon-Signature")).isEqualTo(WebhookSignature.sign(Alerts.SECRET, post.body()));
      await().atMost(WAIT).until(() -> alerts.stream().allMatch(a -> status(ledger, a, Channel.EMAIL).equals("delivered")
          && status(ledger, a, Channel.WEBHOOK).equals("delivered")));
      assertThat(alerts.stream().map(a -> fixture.ledger(ledger, a.getId(), Channel.WEBHOOK).orElseThrow().get("digestId"))
          .collect(Collectors.toSet())).containsExactly(body.get("id").asText());

      Thread.sleep(1500);
      assertThat(mails(mailbox)).hasSize(1);
      assertThat(receiver.received("digest")).hasSize(1);
    }
  }

  @Test
  void digestAlertsRecordedBeforeARestartGoOutInOneDigestAfterIt() throws Exception {
    String mailbox = mailbox("digest-restart");
    Subscription s = Alerts.subscription(id("digest-restart"), null, mailbox, DeliveryMode.DIGEST, 5); // 5 s
    fixture.subscribe(s);
    String group = fixture.groupAtEnd("digest-restart");
    String ownLedger = DeliveryFixture.ledgerIndex("digest-restart");
    List<Alert> alerts = IntStream.range(0, 3)
        .mapToObj(i -> Alerts.alert(s.getId(), "https://example.org/digest-restart/" + i, "Kept " + i)).toList();

    try (DeliveryService first = startIn(group, ownLedger)) {
      alerts.forEach(pipeline::produce);
      await().atMost(WAIT).until(() -> alerts.stream()
          .allMatch(a -> status(ownLedger, a, Channel.EMAIL).equals("pending")) && first.inFlight() == 0);
    } // stopped before the digest was due: the alerts are settled as pending, their offsets committed
    assertThat(mails(mailbox)).isEmpty();

    try (DeliveryService second = startIn(group, ownLedger)) {
      await().atMost(WAIT).until(() -> mails(mailbox).size() == 1);
      String text = (String) mails(mailbox).get(0).getContent();
      alerts.forEach(a -> assertThat(text).contains(a.getUrl()));
      await().atMost(WAIT).until(() -> alerts.stream()
          .allMatch(a -> status(ownLedger, a, Channel.EMAIL).equals("delivered")));
      Thread.sleep(1000);
    }
    assertThat(mails(mailbox)).hasSize(1);
  }

  @Test
  void aSubscriptionDeletedWhileItsAlertIsBeingRetriedIsSkippedAndNothingIsDelivered() {
    try (DeliveryService service = start("deleted-retrying")) {
      String url = receiver.hook("deleted-retrying", n -> new WebhookReceiver.Answer(503, 0, Map.of("Retry-After", "2")));
      Subscription s = Alerts.subscription(id("deleted-retrying"), url, null, DeliveryMode.INSTANT, 0);
      fixture.subscribe(s);
      Alert alert = Alerts.contactGroup(s.getId());

      pipeline.produce(alert);
      await().atMost(WAIT).until(() -> receiver.received("deleted-retrying").size() == 1);
      pipeline.produceRaw(Topics.SUBSCRIPTIONS.name(), s.getId(), null); // deleted while the retry waits

      await().atMost(WAIT).until(() -> status(ledger, alert, Channel.WEBHOOK).equals("skipped"));
      assertThat(fixture.ledger(ledger, alert.getId(), Channel.WEBHOOK).orElseThrow())
          .containsEntry("lastError", "skipped: subscription deleted");
      assertThat(receiver.received("deleted-retrying")).hasSize(1);
      assertThat(receiver.accepted("deleted-retrying")).isEmpty();
      assertThat(deadLetters(alert)).isEmpty();
    }
  }

  @Test
  void anAlertWhoseSubscriptionWasDeletedBeforeItWasDeliveredIsSkipped() throws Exception {
    String url = receiver.hook("deleted-waiting", n -> WebhookReceiver.Answer.of(200));
    String mailbox = mailbox("deleted-waiting");
    Subscription s = Alerts.subscription(id("deleted-waiting"), url, mailbox, DeliveryMode.INSTANT, 0);
    String group = fixture.groupAtEnd("deleted-waiting"); // positioned before the alert is produced
    String ownLedger = DeliveryFixture.ledgerIndex("deleted-waiting");
    fixture.subscribe(s);
    Alert alert = Alerts.contactGroup(s.getId());
    pipeline.produce(alert);
    pipeline.produceRaw(Topics.SUBSCRIPTIONS.name(), s.getId(), null);

    try (DeliveryService own = startIn(group, ownLedger)) {
      await().atMost(WAIT).until(() -> status(ownLedger, alert, Channel.ALL).equals("skipped"));
      assertThat(fixture.ledger(ownLedger, alert.getId(), Channel.ALL).orElseThrow())
          .containsEntry("lastError", "skipped: subscription deleted");
      assertThat(own.metrics().count(Channel.ALL, "skipped")).isEqualTo(1);
    }
    assertThat(receiver.received("deleted-waiting")).isEmpty();
    assertThat(mails(mailbox)).isEmpty();
    assertThat(fixture.ledger(ownLedger, alert.getId(), Channel.WEBHOOK)).isEmpty();
  }

  @Test
  void anUnreachableSmtpServerIsRecordedFailedAndWebhooksKeepGoing() {
    String url = receiver.hook("no-smtp", n -> WebhookReceiver.Answer.of(200));
    Subscription mailOnly = Alerts.subscription(id("mail-only"), null, mailbox("no-smtp"), DeliveryMode.INSTANT, 0);
    Subscription hookOnly = Alerts.subscription(id("hook-only"), url, null, DeliveryMode.INSTANT, 0);
    fixture.subscribe(mailOnly);
    fixture.subscribe(hookOnly);
    String ownLedger = DeliveryFixture.ledgerIndex("no-smtp");
    int closedPort = Ports.free(); // nothing listens there

    try (DeliveryService own = DeliveryService.start(fixture.indexConfig(),
        DeliveryFixture.config(fixture.groupAtEnd("no-smtp"), ownLedger, closedPort), new SimpleMeterRegistry())) {
      Alert mailAlert = Alerts.contactGroup(mailOnly.getId());
      Alert first = Alerts.alert(hookOnly.getId(), "https://example.org/no-smtp/1", "First");
      pipeline.produce(mailAlert);
      pipeline.produce(first);

      await().atMost(WAIT).until(() -> status(ownLedger, mailAlert, Channel.EMAIL).equals("failed"));
      assertThat((String) fixture.ledger(ownLedger, mailAlert.getId(), Channel.EMAIL).orElseThrow().get("lastError"))
          .contains("SMTP connection error");
      assertThat(status(ownLedger, first, Channel.WEBHOOK)).isEqualTo("delivered");
      await().atMost(WAIT).untilAsserted(() -> assertThat(deadLetters(mailAlert)).singleElement()
          .satisfies(l -> assertThat(l.getReason()).startsWith("email delivery failed after 4 attempt(s)")));

      Alert second = Alerts.alert(hookOnly.getId(), "https://example.org/no-smtp/2", "Second");
      pipeline.produce(second);
      await().atMost(WAIT).until(() -> status(ownLedger, second, Channel.WEBHOOK).equals("delivered"));
      assertThat(own.alive()).isTrue();
      assertThat(own.metrics().count(Channel.EMAIL, "failed")).isEqualTo(1);
      assertThat(own.metrics().count(Channel.WEBHOOK, "delivered")).isEqualTo(2);
    }
    assertThat(receiver.accepted("no-smtp")).hasSize(2);
  }

  @Test
  void aRestartInTheMiddleDeliversEveryAlertExactlyOnce() {
    String url = receiver.hook("restart", n -> WebhookReceiver.Answer.after(150, 200));
    String mailbox = mailbox("restart");
    Subscription s = Alerts.subscription(id("restart"), url, mailbox, DeliveryMode.INSTANT, 0);
    fixture.subscribe(s);
    String group = fixture.groupAtEnd("restart");
    String ownLedger = DeliveryFixture.ledgerIndex("restart");
    List<Alert> alerts = IntStream.range(0, 30)
        .mapToObj(i -> Alerts.alert(s.getId(), "https://example.org/restart/" + i, "Restart " + i)).toList();
    List<RecordMetadata> sent = alerts.stream().map(pipeline::produce).toList();

    try (DeliveryService first = startIn(group, ownLedger, "index.deliver.max-in-flight", "3")) {
      await().atMost(WAIT).until(() -> receiver.accepted("restart").size() >= 6);
    } // stopped in the middle
    int beforeRestart = receiver.accepted("restart").size();
    assertThat(beforeRestart).isLessThan(30);

    try (DeliveryService second = startIn(group, ownLedger, "index.deliver.max-in-flight", "3")) {
      await().atMost(WAIT).until(() -> receiver.accepted("restart").size() >= 30 && mails(mailbox).size() >= 30
          && second.inFlight() == 0);
    }
    Map<org.apache.kafka.common.TopicPartition, Long> committed = pipeline.committed(group);
    sent.forEach(m -> assertThat(committed.get(new org.apache.kafka.common.TopicPartition(m.topic(), m.partition())))
        .as("committed offset of partition %d", m.partition()).isGreaterThan(m.offset()));
    Set<String> expected = alerts.stream().map(Alert::getId).collect(Collectors.toSet());
    List<String> keys = receiver.accepted("restart").stream().map(r -> r.header("Idempotency-Key")).toList();
    assertThat(keys).hasSize(30).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    assertThat(mails(mailbox)).hasSize(30);
    assertThat(mails(mailbox).stream().map(DeliveryServiceIT::alertIdOf)).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  private static String id(String name) {
    return "it-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String mailbox(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@analysts.example.org";
  }

  private static List<MimeMessage> mails(String recipient) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(recipient));
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static String alertIdOf(MimeMessage m) {
    try {
      return m.getHeader("X-Scomon-Alert-Id")[0];
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String status(String ledgerIndex, Alert alert, Channel channel) {
    return fixture.ledger(ledgerIndex, alert.getId(), channel).map(d -> (String) d.get("status")).orElse("absent");
  }

  private static List<DeadLetter> deadLetters(Alert alert) {
    return pipeline.deadLetters().stream()
        .filter(l -> "deliver".equals(l.getStage()) && alert.getId().equals(l.getContext().get("alertId")))
        .toList();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] b = new byte[buffer.remaining()];
    buffer.duplicate().get(b);
    return b;
  }
}
