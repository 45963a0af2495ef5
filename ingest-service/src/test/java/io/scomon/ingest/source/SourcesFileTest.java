package io.scomon.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scomon.schemas.SourceType;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SourcesFileTest {

  private static final Function<String, String> NO_VARS = name -> null;

  private static SourcesException problemsOf(String yaml) {
    return catchThrowableOfType(SourcesException.class, () -> SourcesFile.parse(yaml, "test.yml", NO_VARS));
  }

  @Test
  void theShippedSourceListParsesAndValidatesWithoutFetching() {
    SourceList list = SourcesFile.load("classpath:sources/sources.yml", NO_VARS);

    assertThat(list.size()).isGreaterThanOrEqualTo(20);
    assertThat(list.sources()).extracting(Source::id).doesNotHaveDuplicates()
        .contains("sco-secretariat-en", "xinhua-en", "tass-en", "kazinform-en", "kabar-en", "khovar-en", "uza-en",
            "app-pk", "irna-en", "belta-en", "ddnews-en", "globaltimes-en", "cgtn-world", "ria-ru", "interfax-ru",
            "peoples-daily-zh", "the-diplomat", "eurasianet");
    assertThat(list.sources()).allSatisfy(s -> {
      assertThat(s.url().getScheme()).isIn("http", "https");
      assertThat(s.allowPrivateAddresses()).as(s.id()).isFalse();
      assertThat(s.schedule().min()).isLessThanOrEqualTo(s.schedule().interval());
    });
    assertThat(list.sources()).extracting(Source::kind).contains(SourceKind.FEED, SourceKind.SECTION,
        SourceKind.SITEMAP, SourceKind.FORUM_BOARD);
    assertThat(list.sources()).extracting(Source::language).contains("en", "ru", "zh-CN");
  }

  @Test
  void theDemoListTakesItsPortFromAVariable() {
    SourceList list = SourcesFile.load("classpath:sources/demo-sources.yml",
        Map.of("SCOMON_DEMO_PORT", "18080")::get);

    assertThat(list.sources()).allSatisfy(s -> {
      assertThat(s.url().toString()).startsWith("http://127.0.0.1:18080/");
      assertThat(s.allowPrivateAddresses()).isTrue();
    });
    Source board = list.byId("demo-cssforum-ir").orElseThrow();
    assertThat(board.kind()).isEqualTo(SourceKind.FORUM_BOARD);
    assertThat(board.articleType()).isEqualTo(SourceType.FORUM);
    assertThat(board.maxThreadPages()).isEqualTo(3);
    Source ria = list.byId("demo-ria-politics").orElseThrow();
    assertThat(ria.links().matches("http://127.0.0.1:18080/ria/20210714/shos-afganistan-dushanbe.html")).isTrue();
    assertThat(ria.links().matches("http://127.0.0.1:18080/ria/docs/about/")).isFalse();
    assertThat(list.byId("demo-khovar").orElseThrow().hints().removeSelectors()).contains(".read-also");
  }

  @Test
  void anUnsetVariableIsNamedWithItsSourceAndKey() {
    SourcesException e = catchThrowableOfType(SourcesException.class,
        () -> SourcesFile.load("classpath:sources/demo-sources.yml", NO_VARS));

    assertThat(e.problems()).hasSize(7).contains(
        "source 'demo-sectsco' (source #1): key 'url': variable ${SCOMON_DEMO_PORT} is not set");
  }

  @Test
  void everyProblemNamesTheSourceAndTheKey() {
    SourcesException e = problemsOf("""
        sources:
          - id: tass-en
            kind: feed
            url: https://tass.com/rss/v2.xml
            schedule: {interval: 10x}
          - id: kabar
            kind: section
            url: https://en.kabar.kg/news/
          - id: broken-regex
            kind: section
            url: https://example.org/
            links: {regex: '(unclosed'}
          - id: bad-kind
            kind: newsletter
            url: ftp://example.org/
          - kind: feed
            url: https://example.org/feed
          - id: tass-en
            kind: feed
            url: https://tass.com/rss/v2.xml
            extraction: {body: 'div[[', titel: h1}
        """);

    assertThat(e.problems()).hasSize(9).contains(
        "source 'tass-en' (source #1): key 'schedule.interval': '10x' is not a duration (e.g. 500ms, 10s, 15m, 6h, 1d)",
        "source 'kabar' (source #2): key 'links': required for a section page (links: {regex: ...} or {glob: ...})",
        "source 'broken-regex' (source #3): key 'links.regex': not a regular expression: Unclosed group near index 9",
        "source 'bad-kind' (source #4): key 'kind': 'newsletter' is not one of [feed, sitemap, section, forum-board, forum-thread]",
        "source 'bad-kind' (source #4): key 'url': 'ftp://example.org/' must be an absolute http or https URL",
        "source #5: key 'id': required",
        "source 'tass-en' (source #6): key 'id': 'tass-en' is used by another source",
        "source 'tass-en' (source #6): key 'extraction.titel': unknown key (known: [author, body, date, remove, title])");
    assertThat(e.problems()).anySatisfy(p -> assertThat(p)
        .startsWith("source 'tass-en' (source #6): key 'extraction.body': 'div[[' is not a CSS selector"));
    assertThat(e).hasMessageStartingWith("test.yml is invalid:");
  }

  @Test
  void scheduleBoundsMustHoldTheInterval() {
    SourcesException e = problemsOf("""
        sources:
          - {id: a, kind: feed, url: 'https://a.example/feed', schedule: {interval: 1m, min: 5m, max: 1h}}
          - {id: b, kind: feed, url: 'https://b.example/feed', schedule: {interval: 2h, min: 5m, max: 1h}}
          - {id: c, kind: feed, url: 'https://c.example/feed', schedule: {interval: 1m, min: 100ms}}
        """);

    assertThat(e.problems()).containsExactly(
        "source 'a' (source #1): key 'schedule.min': 5m is longer than schedule.interval 1m",
        "source 'b' (source #2): key 'schedule.max': 1h is shorter than schedule.interval 2h",
        "source 'c' (source #3): key 'schedule.min': 100ms is below the floor of 1s");
  }

  @Test
  void aTypoInAKeyIsAnErrorNotASilentDefault() {
    SourcesException e = problemsOf("""
        sources:
          - {id: a, kind: feed, url: 'https://a.example/feed', allowPrivateAdresses: true}
        """);

    assertThat(e.problems()).singleElement().asString()
        .startsWith("source 'a' (source #1): key 'allowPrivateAdresses': unknown key");
  }

  @Test
  void defaultsApplyToEverySourceAndAPartialScheduleKeepsTheRest() {
    SourceList list = SourcesFile.parse("""
        defaults:
          schedule: {interval: 20m, min: 5m, max: 2h}
        sources:
          - {id: a, kind: rss, url: 'https://a.example/feed'}
          - {id: b, kind: sitemap, url: 'https://b.example/sitemap.xml', schedule: {interval: 4h}}
          - {id: c, kind: feed, url: 'https://c.example/feed', enabled: false}
        """, "t.yml", NO_VARS);

    assertThat(list.sources()).extracting(Source::id).containsExactly("a", "b");
    assertThat(list.sources().get(0).kind()).isEqualTo(SourceKind.FEED);
    assertThat(list.sources().get(0).schedule()).isEqualTo(
        new PollSchedule(Duration.ofMinutes(20), Duration.ofMinutes(5), Duration.ofHours(2)));
    assertThat(list.sources().get(1).schedule()).isEqualTo(
        new PollSchedule(Duration.ofHours(4), Duration.ofMinutes(5), Duration.ofHours(4)));
    assertThat(list.sources().get(0).allowPrivateAddresses()).isFalse();
  }

  @Test
  void notYamlIsReportedWithTheFileName() {
    assertThatThrownBy(() -> SourcesFile.parse("sources: [ {id: a", "broken.yml", NO_VARS))
        .isInstanceOf(SourcesException.class).hasMessageStartingWith("broken.yml is invalid: not valid YAML");
  }

  @Test
  void globsMatchWithinAndAcrossPathSegments() {
    LinkPattern oneSegment = LinkPattern.glob("https://x.org/news/*.html");
    LinkPattern anyDepth = LinkPattern.glob("https://x.org/story/**");

    assertThat(oneSegment.matches("https://x.org/news/sco-summit.html")).isTrue();
    assertThat(oneSegment.matches("https://x.org/news/2021/sco-summit.html")).isFalse();
    assertThat(oneSegment.matches("https://xxorg/news/a.html")).isFalse();
    assertThat(anyDepth.matches("https://x.org/story/world/2021/a-b")).isTrue();
  }
}
