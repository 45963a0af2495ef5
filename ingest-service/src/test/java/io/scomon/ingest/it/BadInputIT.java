package io.scomon.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scomon.infra.demo.DemoSite;
import io.scomon.infra.junit.KafkaCluster;
import io.scomon.infra.junit.RealKafka;
import io.scomon.ingest.IngestService;
import io.scomon.ingest.source.LinkPattern;
import io.scomon.ingest.source.PollSchedule;
import io.scomon.ingest.source.Source;
import io.scomon.ingest.source.SourceKind;
import io.scomon.ingest.source.SourceList;
import io.scomon.ingest.testing.BadSite;
import io.scomon.ingest.testing.Ingest;
import io.scomon.ingest.testing.LoopbackServer;
import io.scomon.ingest.testing.Topics;
import io.scomon.schemas.Article;
import io.scomon.schemas.DeadLetter;
import io.scomon.schemas.FetchRequest;
import io.scomon.schemas.topic.TopicProvisioner;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every kind of bad input at once, on one misbehaving host, while a healthy site on another host
 * keeps being crawled: each bad page is a counted, logged failure and goes to scomon.dlq with its
 * request; pages that can be saved (cut-off HTML, a wrong declared charset) are published.
 */
@RealKafka
@Timeout(120)
class BadInputIT {

  private static final PollSchedule ONCE_A_MINUTE =
      new PollSchedule(Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofMinutes(2));

  @Test
  void eachBadInputIsACountedFailureInTheDeadLetterTopicAndTheHealthySourceKeepsFlowing(KafkaCluster kafka)
      throws Exception {
    String bootstrap = kafka.bootstrapServers();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      new TopicProvisioner(admin, (short) 1).ensureAll();
    }
    try (BadSite bad = new BadSite(); DemoSite healthy = DemoSite.start();
        LoopbackServer metadata = new LoopbackServer("127.0.0.9")) {
      metadata.page("/latest/meta-data/", "application/rss+xml", "<rss/>");
      List<Source> list = new ArrayList<>();
      list.add(source("bad-section", SourceKind.SECTION, bad.baseUrl() + "/bad/", true,
          LinkPattern.regex(".*/bad/[a-z-]+\\.html")));
      list.add(source("bad-feed", SourceKind.FEED, bad.baseUrl() + "/feed-not-xml", true, null));
      list.add(source("bad-sitemap", SourceKind.SITEMAP, bad.baseUrl() + "/sitemap-self.xml", true, null));
      list.add(source("metadata-probe", SourceKind.FEED, metadata.baseUrl() + "/latest/meta-data/", false, null));
      Ingest.demoSources(healthy.port(), Duration.ofMinutes(1)).sources().stream()
          .filter(s -> s.id().equals("demo-sectsco") || s.id().equals("demo-khovar")).forEach(list::add);
      Map<String, String> settings = Ingest.fastSettings(bootstrap, "bad-input-it");
      settings.put("ingest.fetch.timeout", "1s");
      settings.put("ingest.fetch.deadline", "2s");
      settings.put("ingest.workers.threads", "4");

      try (IngestService service = Ingest.start(settings, new SourceList(list))) {
        List<String> failing = BadSite.CASES.stream().filter(c -> c[1] != null).map(c -> bad.baseUrl() + c[0]).toList();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
            .until(() -> deadLetters(bootstrap, bad.baseUrl()).keySet().containsAll(failing));

        Map<String, DeadLetter> dlq = deadLetters(bootstrap, bad.baseUrl());
        for (String[] c : BadSite.CASES) {
          String url = bad.baseUrl() + c[0];
          if (c[1] == null) {
            assertThat(dlq).as(url).doesNotContainKey(url);
            continue;
          }
          DeadLetter d = dlq.get(url);
          assertThat(d.getReason()).as(url).isEqualTo(c[1]);
          assertThat(d.getService()).isEqualTo("ingest");
          assertThat(d.getSourceTopic()).isEqualTo("scomon.fetch.requests");
          assertThat(d.getContext()).containsEntry("sourceId", "bad-section");
          FetchRequest original = io.scomon.schemas.topic.Topics.FETCH_REQUESTS.valueSerde().deserializer()
              .deserialize("scomon.fetch.requests", bytes(d.getOriginalValue()));
          assertThat(original.getUrl()).isEqualTo(url);
          assertThat(service.metrics().failures("bad-section", c[1])).as(c[1]).isGreaterThanOrEqualTo(1);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> articles(bootstrap, bad.baseUrl()).size() >= 2);
        List<Article> saved = articles(bootstrap, bad.baseUrl());
        assertThat(saved).extracting(Article::getTitle)
            .containsExactlyInAnyOrder(BadSite.MALFORMED_TITLE, BadSite.WRONG_CHARSET_TITLE);
        assertThat(saved).filteredOn(a -> a.getTitle().equals(BadSite.WRONG_CHARSET_TITLE)).singleElement()
            .satisfies(a -> assertThat(a.getBody()).contains("Шанхайской организации сотрудничества"));
        assertThat(service.metrics().recoveries("bad-section", "declared-charset-wrong")).isGreaterThanOrEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).until(() ->
            service.metrics().failures("bad-feed", "feed-not-xml") >= 1
                && service.metrics().failures("bad-sitemap", "sitemap-loop") >= 1
                && service.metrics().failures("metadata-probe", "blocked-address") >= 1);
        assertThat(metadata.hits()).as("nothing ever connected to the refused address").isEmpty();
        assertThat(bad.server().hits("/sitemap-self.xml")).as("the self-listing index is read once per poll")
            .hasSizeLessThanOrEqualTo(2);

        // the healthy host was crawled while the bad host was still busy with its slow pages
        await().atMost(Duration.ofSeconds(20)).until(() -> articles(bootstrap, healthy.baseUrl()).size() >= 2);
        long badBusyUntil = bad.server().hits("/bad/").stream().mapToLong(LoopbackServer.Hit::endNanos).max()
            .orElseThrow();
        List<DemoSite.Hit> healthyStories = new ArrayList<>(healthy.hits("/sectsco/news/"));
        healthyStories.addAll(healthy.hits("/khovar/en/"));
        assertThat(healthyStories).isNotEmpty()
            .allSatisfy(h -> assertThat(h.nanoTime()).isLessThan(badBusyUntil));
        assertThat(service.ready()).isTrue();
      }
    }
  }

  private static Source source(String id, SourceKind kind, String url, boolean allowPrivate, LinkPattern links) {
    return new Source(id, id, kind, URI.create(url), "en", links, ONCE_A_MINUTE,
        io.scomon.ingest.extract.ExtractionHints.NONE, allowPrivate, 0);
  }

  private static Map<String, DeadLetter> deadLetters(String bootstrap, String base) {
    return Topics.readAll(bootstrap, io.scomon.schemas.topic.Topics.DLQ,
            d -> d.getContext().getOrDefault("url", "").startsWith(base)).stream()
        .map(ConsumerRecord::value)
        .collect(Collectors.toMap(d -> d.getContext().get("url"), d -> d, (a, b) -> a));
  }

  private static List<Article> articles(String bootstrap, String base) {
    return Topics.readAll(bootstrap, io.scomon.schemas.topic.Topics.ARTICLES, a -> a.getUrl().startsWith(base))
        .stream().map(ConsumerRecord::value).toList();
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
