package io.scomon.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scomon.infra.junit.KafkaCluster;
import io.scomon.infra.junit.RealKafka;
import io.scomon.ingest.IngestService;
import io.scomon.ingest.extract.ExtractionHints;
import io.scomon.ingest.source.LinkPattern;
import io.scomon.ingest.source.PollSchedule;
import io.scomon.ingest.source.Source;
import io.scomon.ingest.source.SourceKind;
import io.scomon.ingest.source.SourceList;
import io.scomon.ingest.testing.Ingest;
import io.scomon.ingest.testing.LoopbackServer;
import io.scomon.ingest.testing.Topics;
import io.scomon.schemas.topic.TopicProvisioner;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Politeness measured where it matters, on the servers: consecutive requests to one host are at
 * least the per-host delay apart (the configured minimum, or robots.txt's Crawl-delay when larger),
 * robots.txt included, while two hosts are crawled at the same time.
 */
@RealKafka
@Timeout(120)
class PolitenessIT {

  private static final Duration MIN_DELAY = Duration.ofMillis(400);
  private static final Duration CRAWL_DELAY = Duration.ofSeconds(1);
  /**
   * The server notes a request's end after its last byte is written, which can be a little after
   * the fetcher has read that byte and started its host delay; a gap this much short of the delay
   * is that measuring skew, not a fetcher that came back early.
   */
  private static final Duration CLOCK_SKEW = Duration.ofMillis(5);

  @Test
  void requestsToOneHostAreSpacedByTheHostDelayWhileHostsRunInParallel(KafkaCluster kafka) throws Exception {
    String bootstrap = kafka.bootstrapServers();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      new TopicProvisioner(admin, (short) 1).ensureAll();
    }
    try (LoopbackServer a = site("127.0.0.1", 5, ""); LoopbackServer b = site("127.0.0.2", 3, "Crawl-delay: 1\n")) {
      PollSchedule schedule = new PollSchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(4));
      SourceList sources = new SourceList(List.of(section("polite-a", a, schedule), section("polite-b", b, schedule)));
      Map<String, String> settings = Ingest.fastSettings(bootstrap, "politeness-it");
      settings.put("ingest.politeness.min-delay", MIN_DELAY.toMillis() + "ms");

      try (IngestService service = Ingest.start(settings, sources)) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> Topics.readAll(bootstrap,
            io.scomon.schemas.topic.Topics.ARTICLES, x -> x.getSourceId().startsWith("polite-")).size() >= 8);
      }

      assertSpaced(a.hits(), MIN_DELAY);
      assertSpaced(b.hits(), CRAWL_DELAY);
      assertThat(a.hits("/news/")).hasSizeGreaterThanOrEqualTo(6);
      assertThat(b.hits("/news/")).hasSizeGreaterThanOrEqualTo(4);
      long aFirst = a.hits().get(0).startNanos();
      long aLast = a.hits().get(a.hits().size() - 1).startNanos();
      assertThat(b.hits()).as("host b is crawled while host a is").anySatisfy(h ->
          assertThat(h.startNanos()).isBetween(aFirst, aLast));
    }
  }

  private static void assertSpaced(List<LoopbackServer.Hit> hits, Duration delay) {
    List<LoopbackServer.Hit> sorted = hits.stream().sorted(Comparator.comparingLong(LoopbackServer.Hit::startNanos))
        .toList();
    assertThat(sorted).hasSizeGreaterThanOrEqualTo(4);
    for (int i = 1; i < sorted.size(); i++) {
      LoopbackServer.Hit previous = sorted.get(i - 1);
      LoopbackServer.Hit next = sorted.get(i);
      assertThat(Duration.ofNanos(next.startNanos() - previous.endNanos()))
          .as("gap between %s and %s", previous.target(), next.target())
          .isGreaterThanOrEqualTo(delay.minus(CLOCK_SKEW));
    }
  }

  private static LoopbackServer site(String address, int stories, String robotsExtra) {
    LoopbackServer s = new LoopbackServer(address);
    s.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n" + robotsExtra);
    StringBuilder index = new StringBuilder("<html><body><h1>News</h1>");
    for (int i = 1; i <= stories; i++) {
      index.append("<a href=\"/news/").append(i).append(".html\">Story ").append(i).append("</a>");
      s.page("/news/" + i + ".html", "text/html; charset=utf-8", "<html><head><title>SCO story " + i + " on "
          + address + "</title></head><body><article><h1>SCO story " + i + "</h1><p>The Shanghai Cooperation "
          + "Organisation met in Dushanbe to discuss security and trade; story " + i + " reports the outcome.</p>"
          + "<p>Ministers agreed on joint steps against terrorism and drug trafficking.</p></article></body></html>");
    }
    s.page("/news/", "text/html; charset=utf-8", index.append("</body></html>").toString());
    return s;
  }

  private static Source section(String id, LoopbackServer server, PollSchedule schedule) {
    return new Source(id, id, SourceKind.SECTION, URI.create(server.baseUrl() + "/news/"), "en",
        LinkPattern.regex(".*/news/\\d+\\.html"), schedule, ExtractionHints.NONE, true, 0);
  }
}
