package io.scomon.ingest.source;

import io.scomon.schemas.SourceType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a source URL is, and so how it is read. */
public enum SourceKind {
  /** An RSS or Atom feed; each entry links to a story. */
  FEED("feed", SourceType.NEWS, "rss", "atom"),
  /** A sitemap, a news sitemap (Google News extension) or a sitemap index. */
  SITEMAP("sitemap", SourceType.NEWS, "news-sitemap"),
  /** A section or index page whose links matching a pattern are stories. */
  SECTION("section", SourceType.NEWS),
  /** A forum board listing threads; every thread page is fetched and each post becomes an article. */
  FORUM_BOARD("forum-board", SourceType.FORUM),
  /** One forum thread (or a single-post page) watched for new posts. */
  FORUM_THREAD("forum-thread", SourceType.FORUM);

  private final String yamlName;
  private final SourceType articleType;
  private final String[] aliases;

  SourceKind(String yamlName, SourceType articleType, String... aliases) {
    this.yamlName = yamlName;
    this.articleType = articleType;
    this.aliases = aliases;
  }

  /** The name used in sources.yml. */
  public String yamlName() {
    return yamlName;
  }

  /** The sourceType of the articles this kind of source leads to. */
  public SourceType articleType() {
    return articleType;
  }

  public boolean isForum() {
    return articleType == SourceType.FORUM;
  }

  static Optional<SourceKind> fromYaml(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(k -> k.yamlName.equals(n) || Arrays.asList(k.aliases).contains(n))
        .findFirst();
  }

  static String names() {
    return Arrays.stream(values()).map(SourceKind::yamlName).toList().toString();
  }
}
