package io.scomon.index.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.scomon.index.TestArticles;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class IndexNamesTest {

  @Test
  void monthlyIndexIsNamedByYearAndMonthInUtc() {
    assertThat(IndexNames.monthlyArticles(Instant.parse("2025-06-04T09:00:00Z"))).isEqualTo("scomon-articles-2025.06");
    assertThat(IndexNames.monthlyArticles(Instant.parse("2025-12-31T23:59:59Z"))).isEqualTo("scomon-articles-2025.12");
    assertThat(IndexNames.monthlyArticles(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("scomon-articles-2026.01");
  }

  @Test
  void anEveningInNewYorkAtMonthEndIsAlreadyTheNextMonthInUtc() {
    Instant evening = OffsetDateTime.parse("2025-06-30T21:30:00-05:00").toInstant();

    assertThat(IndexNames.monthlyArticles(evening)).isEqualTo("scomon-articles-2025.07");
  }

  @Test
  void anArticleGoesToItsPublishMonthOrElseItsFetchMonth() {
    var published = TestArticles.article("https://a.example/1", Instant.parse("2024-11-30T10:00:00Z"),
        Instant.parse("2025-02-01T10:00:00Z"), Instant.parse("2025-02-01T10:00:01Z"), "a", "t").getArticle();
    var undated = TestArticles.article("https://a.example/2", null,
        Instant.parse("2025-02-01T10:00:00Z"), Instant.parse("2025-02-01T10:00:01Z"), "a", "t").getArticle();

    assertThat(IndexNames.monthlyArticles(published)).isEqualTo("scomon-articles-2024.11");
    assertThat(IndexNames.monthlyArticles(undated)).isEqualTo("scomon-articles-2025.02");
  }

  @Test
  void theAliasPatternCoversEveryMonthButNotTheAlertsIndex() {
    String regex = IndexNames.ARTICLES_PATTERN.replace("*", ".*");

    assertThat("scomon-articles-2025.06").matches(regex);
    assertThat(IndexNames.ALERTS).doesNotMatch(regex);
  }
}
