package io.scomon.index.document;

import io.scomon.schemas.Article;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The names of the indices and aliases index-service writes, and the month an article belongs to. */
public final class IndexNames {

  /** Alias over every monthly article index; what Kibana and searches use. */
  public static final String ARTICLES_ALIAS = "scomon-articles";
  /** Prefix of the monthly article indices, {@code scomon-articles-YYYY.MM}. */
  public static final String ARTICLES_PREFIX = "scomon-articles-";
  public static final String ARTICLES_PATTERN = ARTICLES_PREFIX + "*";
  /** Alerts, one document per alert id. */
  public static final String ALERTS = "scomon-alerts";

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

  private IndexNames() {}

  /** The monthly article index of an instant, in UTC: {@code scomon-articles-2025.06}. */
  public static String monthlyArticles(Instant instant) {
    return ARTICLES_PREFIX + MONTH.format(instant);
  }

  /** The month an article is filed under: its publish date, or when it was fetched if it has none. */
  public static Instant filingTime(Article article) {
    return article.getPublishedAt() != null ? article.getPublishedAt() : article.getFetchedAt();
  }

  /** The monthly index an article is written to. */
  public static String monthlyArticles(Article article) {
    return monthlyArticles(filingTime(article));
  }
}
