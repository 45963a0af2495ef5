package io.scomon.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scomon.infra.demo.DemoSite;
import io.scomon.infra.junit.KafkaCluster;
import io.scomon.infra.junit.RealKafka;
import io.scomon.ingest.IngestService;
import io.scomon.ingest.source.SourceList;
import io.scomon.ingest.testing.Ingest;
import io.scomon.ingest.testing.Topics;
import io.scomon.schemas.Article;
import io.scomon.schemas.FetchRequest;
import io.scomon.schemas.PageKind;
import io.scomon.schemas.SourceType;
import io.scomon.schemas.topic.TopicProvisioner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The whole crawler on the demo site and a real Kafka: every story and forum post is published
 * once, robots.txt is obeyed, conditional GET and content hashes keep unchanged pages from being
 * published again, and a restarted service resumes from the crawl state without duplicates.
 */
@RealKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class DemoCrawlIT {

  private static final List<String> NEWS_TITLES = List.of(
      "SCO Secretary-General attends meeting of SCO-Afghanistan Contact Group in Dushanbe",
      "Dushanbe Hosts SCO Security Council Secretaries Meeting",
      "Dushanbe hosts SCO Security Council secretaries meeting",
      "Afghan conflict can only be solved through political dialogue: SCO Secretary General",
      "Shanghai Cooperation Organization: Prominent Role in Confronting Threats to Peace and Security -1-",
      "Главы МИД стран ШОС обсудили в Душанбе ситуацию в Афганистане",
      "上合组织成员国外长理事会会议在杜尚别举行");
  private static final int FORUM_POSTS = 5 + 2 + 1;

  private DemoSite site;
  private String bootstrap;
  private SourceList sources;
  private Map<String, String> settings;

  @BeforeAll
  void start(KafkaCluster kafka) {
    bootstrap = kafka.bootstrapServers();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      new TopicProvisioner(admin, (short) 1).ensureAll();
    }
    site = DemoSite.start();
    sources = Ingest.demoSources(site.port(), Duration.ofSeconds(2));
    settings = Ingest.fastSettings(bootstrap, "demo-crawl-it");
  }

  @AfterAll
  void stop() {
    site.close();
  }

  private List<Article> articles() {
    return Topics.readAll(bootstrap, io.scomon.schemas.topic.Topics.ARTICLES,
        a -> a.getUrl().startsWith(site.baseUrl())).stream().map(ConsumerRecord::value).toList();
  }

  @Test
  @Order(1)
  void crawlingTheDemoSitePublishesEveryStoryAndOneArticlePerForumPost() throws Exception {
    try (IngestService service = Ingest.start(settings, sources)) {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
          .until(() -> articles().size() >= NEWS_TITLES.size() + FORUM_POSTS);

      List<Article> all = articles();
      List<Article> news = all.stream().filter(a -> a.getSourceType() == SourceType.NEWS).toList();
      List<Article> posts = all.stream().filter(a -> a.getSourceType() == SourceType.FORUM).toList();
      assertThat(news).extracting(Article::getTitle).containsExactlyInAnyOrderElementsOf(NEWS_TITLES);
      assertThat(posts).hasSize(FORUM_POSTS).allSatisfy(p -> assertThat(p.getForum()).isNotNull());
      assertThat(all).extracting(Article::getId).doesNotHaveDuplicates();

      Map<String, List<Article>> threads = posts.stream()
          .collect(Collectors.groupingBy(p -> p.getForum().getThreadUrl()));
      assertThat(threads.get(site.baseUrl() + "/forum/showthread.php?t=4711"))
          .extracting(p -> p.getForum().getPostId()).containsExactlyInAnyOrder("48213", "48220", "48231", "48240", "48262");
      assertThat(posts).filteredOn(p -> p.getForum().getPostId().equals("31877")).singleElement()
          .satisfies(p -> {
            assertThat(p.getTitle()).isEqualTo("The Role of the SCO in Counteracting Threats to Peace and Security");
            assertThat(p.getAuthors()).containsExactly("Sheikh Arham");
            assertThat(p.getBody()).contains("Regional Anti-Terrorist Structure").doesNotContain("Reply With Quote");
          });

      Article sco = news.stream().filter(a -> a.getSourceId().equals("demo-sectsco")).findFirst().orElseThrow();
      assertThat(sco.getCanonicalUrl()).isEqualTo(site.baseUrl() + "/sectsco/news/20210714/contact-group-dushanbe.html");
      assertThat(sco.getPublishedAt()).isEqualTo(Instant.parse("2021-07-14T10:20:00Z"));
      assertThat(sco.getBody()).contains("SCO-Afghanistan Contact Group").doesNotContain("Subscribe");
      assertThat(news).filteredOn(a -> a.getLanguageHint() != null && a.getLanguageHint().startsWith("ru"))
          .singleElement().extracting(Article::getSourceId).isEqualTo("demo-ria-politics");
      assertThat(news).filteredOn(a -> "zh-CN".equals(a.getLanguageHint())).singleElement()
          .extracting(Article::getSourceId).isEqualTo("demo-news-sitemap");
      Article khovar = news.stream().filter(a -> a.getSourceId().equals("demo-khovar")).findFirst().orElseThrow();
      assertThat(khovar.getBody()).doesNotContain("Read also").contains("Nasrullo Mahmudzoda");

      assertThat(site.hits("/sectsco/drafts/")).as("robots.txt disallows the drafts").isEmpty();
      assertThat(site.hits("/robots.txt")).isNotEmpty();
      assertThat(service.metrics().failures("demo-sectsco", "robots-disallowed")).isGreaterThanOrEqualTo(1);
      assertThat(site.hits()).allSatisfy(h -> assertThat(h.userAgent()).startsWith("SCOMonitor/0.1"));

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + service.httpPort() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + service.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("scomon_ingest_articles_published_total{source=\"demo-cssforum-ir\"} 7.0")
          .contains("scomon_ingest_failures_total{reason=\"robots-disallowed\",source=\"demo-sectsco\"}");
    }
  }

  @Test
  @Order(2)
  void aRepollGetsNotModifiedAndPublishesNothingNew() throws Exception {
    int before = articles().size();
    int feedPolls = site.hits("/sectsco/rss.xml").size();
    try (IngestService service = Ingest.start(settings, sources)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> site.hits("/sectsco/rss.xml").stream().skip(feedPolls)
          .anyMatch(h -> h.status() == 304));
      assertThat(site.hits("/sectsco/rss.xml").stream().skip(feedPolls).toList())
          .allSatisfy(h -> assertThat(h.ifNoneMatch()).as("validators read back from the crawl state").isNotNull());

      // the story is asked for again (as a feed update would): the page is not modified, nothing is published
      String story = site.baseUrl() + "/sectsco/news/20210714/contact-group-dushanbe.html";
      int storyHits = site.hits("/sectsco/news/").size();
      Topics.write(bootstrap, io.scomon.schemas.topic.Topics.FETCH_REQUESTS, "127.0.0.1:" + site.port(),
          request(story, "demo-sectsco"));
      await().atMost(Duration.ofSeconds(20)).until(() -> site.hits("/sectsco/news/").size() > storyHits);
      assertThat(site.hits("/sectsco/news/").get(storyHits).status()).isEqualTo(304);
      await().atMost(Duration.ofSeconds(10)).until(() -> service.metrics().pages("demo-sectsco", "not-modified") >= 1);
      assertThat(articles()).hasSize(before);
    }
  }

  @Test
  @Order(3)
  void aRestartResumesFromTheCrawlStateWithoutDuplicates() throws Exception {
    int before = articles().size();
    int storyHits = storyHits();
    int sitemapPolls = site.hits("/sitemap-news.xml").size();
    try (IngestService restarted = Ingest.start(settings, sources)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> site.hits("/sitemap-news.xml").size() > sitemapPolls + 1);
      Thread.sleep(1500); // time for any request a poll might (wrongly) emit to be fetched

      assertThat(site.hits("/sitemap-news.xml").stream().skip(sitemapPolls).toList())
          .allSatisfy(h -> assertThat(h.status()).isEqualTo(304));
      assertThat(storyHits()).as("stories known from the crawl state are not fetched again").isEqualTo(storyHits);
      assertThat(articles()).hasSize(before);
    }
  }

  /** Requests for story and thread pages (not feeds, sections, boards or the watched single post). */
  private int storyHits() {
    return List.of("/sectsco/news/", "/khovar/en/", "/asiaplus/", "/pakobserver/afghan", "/qna/en/news/", "/ria/2021",
        "/xinhua-cn/", "/forum/showthread.php").stream().mapToInt(p -> site.hits(p).size()).sum();
  }

  @Test
  @Order(4)
  void aRefetchOfUnchangedContentWithoutValidatorsIsNotRepublished() throws Exception {
    int before = articles().size();
    site.conditionalGet(false);
    try (IngestService service = Ingest.start(settings, sources)) {
      String story = site.baseUrl() + "/ria/20210714/shos-afganistan-dushanbe.html";
      int hits = site.hits("/ria/20210714/").size();
      Topics.write(bootstrap, io.scomon.schemas.topic.Topics.FETCH_REQUESTS, "127.0.0.1:" + site.port(),
          request(story, "demo-ria-politics"));
      await().atMost(Duration.ofSeconds(20)).until(() -> site.hits("/ria/20210714/").size() > hits);
      assertThat(site.hits("/ria/20210714/").get(hits).status()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(10)).until(() -> service.metrics().pages("demo-ria-politics", "unchanged") >= 1);
      assertThat(articles()).hasSize(before);
    } finally {
      site.conditionalGet(true);
    }
  }

  private static FetchRequest request(String url, String sourceId) {
    return FetchRequest.newBuilder().setUrl(url).setSourceId(sourceId).setSourceType(SourceType.NEWS)
        .setKind(PageKind.ARTICLE).setDiscoveredAt(Instant.now()).setDiscoveredVia("test").build();
  }
}
