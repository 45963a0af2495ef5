package io.scomon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.robots.BaseRobotRules;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RobotsRulesTest {

  private static BaseRobotRules rules(String robots) {
    return RobotsCache.parse("https://news.example/robots.txt", robots.getBytes(StandardCharsets.UTF_8), "scomonitor");
  }

  @Test
  void aDisallowedPathIsNotAllowedAndTheRestIs() {
    BaseRobotRules r = rules("""
        User-agent: *
        Disallow: /drafts/
        Disallow: /search
        """);

    assertThat(r.isAllowed("https://news.example/drafts/2021/statement.html")).isFalse();
    assertThat(r.isAllowed("https://news.example/search?q=sco")).isFalse();
    assertThat(r.isAllowed("https://news.example/news/20210714/sco.html")).isTrue();
  }

  @Test
  void ourOwnGroupWinsOverTheWildcardGroup() {
    BaseRobotRules r = rules("""
        User-agent: *
        Disallow: /

        User-agent: SCOMonitor
        Allow: /news/
        Disallow: /
        Crawl-delay: 5
        """);

    assertThat(r.isAllowed("https://news.example/news/a.html")).isTrue();
    assertThat(r.isAllowed("https://news.example/forum/")).isFalse();
    assertThat(r.getCrawlDelay()).isEqualTo(5000);
  }

  @Test
  void theLongestMatchDecidesBetweenAllowAndDisallow() {
    BaseRobotRules r = rules("""
        User-agent: *
        Disallow: /forum/
        Allow: /forum/showthread.php
        """);

    assertThat(r.isAllowed("https://news.example/forum/showthread.php?t=4711")).isTrue();
    assertThat(r.isAllowed("https://news.example/forum/private.php")).isFalse();
  }

  @Test
  void anEmptyOrGarbageFileAllowsEverything() {
    assertThat(rules("").isAllowed("https://news.example/any")).isTrue();
    assertThat(rules("<html><body>Not found</body></html>").isAllowed("https://news.example/any")).isTrue();
  }

  @Test
  void theDemoSitesRobotsTxtKeepsUsOutOfTheDrafts() throws Exception {
    byte[] demo;
    try (var in = getClass().getClassLoader().getResourceAsStream("demo-site/robots.txt")) {
      demo = in.readAllBytes();
    }
    BaseRobotRules r = RobotsCache.parse("http://127.0.0.1:8080/robots.txt", demo, "scomonitor");

    assertThat(r.isAllowed("http://127.0.0.1:8080/sectsco/drafts/20210720/draft-statement.html")).isFalse();
    assertThat(r.isAllowed("http://127.0.0.1:8080/sectsco/news/20210714/contact-group-dushanbe.html")).isTrue();
  }
}
