package io.scomon.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.scomon.ingest.extract.ExtractedArticle;
import io.scomon.ingest.extract.ExtractionHints;
import io.scomon.ingest.source.PollSchedule;
import io.scomon.ingest.source.Source;
import io.scomon.ingest.source.SourceKind;
import io.scomon.schemas.Article;
import io.scomon.schemas.SourceType;
import io.scomon.schemas.id.ArticleIds;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleMapperTest {

  private static final Instant NOW = Instant.parse("2021-07-14T12:00:00Z");
  private static final PollSchedule SCHEDULE = new PollSchedule(Duration.ofMinutes(10), Duration.ofMinutes(1),
      Duration.ofHours(1));
  private static final Source NEWS = new Source("tass-en", "TASS", SourceKind.FEED, URI.create("https://tass.com/rss/v2.xml"),
      "en", null, SCHEDULE, ExtractionHints.NONE, false, 0);
  private static final Source FORUM = new Source("cssforum", "CSS Forums", SourceKind.FORUM_BOARD,
      URI.create("https://www.cssforum.com.pk/forum/forumdisplay.php?f=12"), "en", null, SCHEDULE,
      ExtractionHints.NONE, false, 0);

  private static ExtractedArticle story(String canonical, OffsetDateTime published) {
    return new ExtractedArticle("SCO foreign ministers meet in Dushanbe", "Para one.\n\nPara two.", List.of("TASS"),
        published, canonical, "TASS", null, null, null, null, null, null, null);
  }

  @Test
  void aStoryIsKeyedByItsCanonicalUrl() {
    ArticleMapper.PageContext ctx = new ArticleMapper.PageContext("https://tass.com/politics/1315427?utm_source=rss",
        "https://tass.com/politics/1315427?utm_source=rss", NEWS, NOW, null, null, null);

    Article a = ArticleMapper.toArticle(story("https://tass.com/politics/1315427", null), ctx);

    assertThat(a.getId()).isEqualTo(ArticleIds.ofUrl("https://tass.com/politics/1315427"));
    assertThat(a.getCanonicalUrl()).isEqualTo("https://tass.com/politics/1315427");
    assertThat(a.getUrl()).isEqualTo("https://tass.com/politics/1315427?utm_source=rss");
    assertThat(a.getSourceType()).isEqualTo(SourceType.NEWS);
    assertThat(a.getLanguageHint()).isEqualTo("en");
    assertThat(a.getContentHash()).isEqualTo(ArticleMapper.contentHash(a.getTitle(), a.getBody())).hasSize(32);
    assertThat(a.getForum()).isNull();
  }

  @Test
  void aCanonicalUrlOnAnotherSiteIsNotBelieved() {
    ArticleMapper.PageContext ctx = new ArticleMapper.PageContext("https://copycat.example/sco.html",
        "https://copycat.example/sco.html", NEWS, NOW, null, null, null);

    Article a = ArticleMapper.toArticle(story("https://tass.com/politics/1315427", null), ctx);

    assertThat(a.getCanonicalUrl()).isEqualTo("https://copycat.example/sco.html");
    assertThat(a.getId()).isEqualTo(ArticleIds.ofUrl("https://copycat.example/sco.html"));
  }

  @Test
  void theFeedDateIsTheFallbackPublishDate() {
    Instant feedDate = Instant.parse("2021-07-14T10:20:00Z");
    ArticleMapper.PageContext ctx = new ArticleMapper.PageContext("https://tass.com/politics/1", "https://tass.com/politics/1",
        NEWS, NOW, null, null, feedDate);

    assertThat(ArticleMapper.toArticle(story(null, null), ctx).getPublishedAt()).isEqualTo(feedDate);
    assertThat(ArticleMapper.toArticle(story(null, OffsetDateTime.parse("2021-07-14T13:00:00+03:00")), ctx)
        .getPublishedAt()).isEqualTo(Instant.parse("2021-07-14T10:00:00Z"));
  }

  @Test
  void aForumPostIsKeyedByThreadAndPostIdAndTheThreadIsItsFirstPage() {
    String page2 = "https://www.cssforum.com.pk/forum/showthread.php?page=2&t=4711";
    String thread = "https://www.cssforum.com.pk/forum/showthread.php?t=4711";
    ExtractedArticle post = new ExtractedArticle("SCO and the Afghan drug trade", "Thanks both.", List.of("Zarina_K"),
        null, page2, "CSS Forums", "en", page2, "SCO and the Afghan drug trade", "48240", 4,
        "https://www.cssforum.com.pk/forum/showpost.php?p=48240&postcount=4", "Zarina_K");
    ArticleMapper.PageContext ctx = new ArticleMapper.PageContext(page2, page2, FORUM, NOW, thread, null, null);

    Article a = ArticleMapper.toArticle(post, ctx);

    assertThat(a.getId()).isEqualTo(ArticleIds.ofForumPost(thread, "48240"));
    assertThat(a.getSourceType()).isEqualTo(SourceType.FORUM);
    assertThat(a.getForum().getThreadUrl()).isEqualTo(thread);
    assertThat(a.getForum().getPostNumber()).isEqualTo(4);
    assertThat(a.getCanonicalUrl()).isEqualTo("https://www.cssforum.com.pk/forum/showpost.php?p=48240&postcount=4");
  }

  @Test
  void theContentHashChangesWithTheTextOnly() {
    assertThat(ArticleMapper.contentHash("t", "body")).isEqualTo(ArticleMapper.contentHash("t", "body"))
        .isNotEqualTo(ArticleMapper.contentHash("t", "body."))
        .isNotEqualTo(ArticleMapper.contentHash("t.", "body"));
  }
}
