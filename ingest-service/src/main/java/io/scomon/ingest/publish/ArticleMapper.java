package io.scomon.ingest.publish;

import io.scomon.ingest.extract.ExtractedArticle;
import io.scomon.ingest.fetch.Urls;
import io.scomon.ingest.source.Source;
import io.scomon.schemas.Article;
import io.scomon.schemas.ForumPost;
import io.scomon.schemas.SourceType;
import io.scomon.schemas.id.ArticleIds;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Turns one {@link ExtractedArticle} into the Avro {@link Article}: its id ({@link ArticleIds} of
 * the canonical URL, or of thread URL and post id for a forum post), the content hash over title
 * and body, the feed's date when the page gives none. A canonical URL pointing to another site is
 * not believed (a page cannot take over another site's article id); the fetched URL is used.
 */
public final class ArticleMapper {

  /**
   * What the fetcher knows about the page.
   *
   * @param url the URL fetched (the request)
   * @param finalUrl the URL after redirects
   * @param threadUrl first page of the thread when this page is one of its pages, else null
   * @param hintTitle title the feed or sitemap gave, or null
   * @param hintPublishedAt date the feed or sitemap gave, or null
   */
  public record PageContext(String url, String finalUrl, Source source, Instant fetchedAt, String threadUrl,
      String hintTitle, Instant hintPublishedAt) {}

  private ArticleMapper() {}

  public static Article toArticle(ExtractedArticle a, PageContext ctx) {
    URI page = URI.create(ctx.finalUrl());
    String title = firstNonBlank(a.title(), ctx.hintTitle(), "");
    String body = a.body() == null ? "" : a.body();
    boolean forum = a.isForumPost();
    Article.Builder b = Article.newBuilder()
        .setUrl(ctx.url())
        .setSourceId(ctx.source().id())
        .setSourceType(forum || ctx.source().kind().isForum() ? SourceType.FORUM : SourceType.NEWS)
        .setSiteName(a.siteName())
        .setTitle(title)
        .setBody(body)
        .setAuthors(a.authors())
        .setPublishedAt(a.publishedAt() != null ? a.publishedAt() : ctx.hintPublishedAt())
        .setFetchedAt(ctx.fetchedAt())
        .setLanguageHint(a.languageHint() != null ? a.languageHint() : ctx.source().language())
        .setContentHash(contentHash(title, body));
    if (forum) {
      String threadUrl = ctx.threadUrl() != null ? ctx.threadUrl()
          : sameSite(a.threadUrl(), page).orElse(Urls.normalize(ctx.finalUrl()).orElse(ctx.finalUrl()));
      String postId = a.postId() != null ? a.postId()
          : a.postNumber() != null ? "n" + a.postNumber()
          : "h" + contentHash("", body).substring(0, 12);
      String postUrl = sameSite(a.postUrl(), page).orElse(null);
      b.setId(ArticleIds.ofForumPost(threadUrl, postId))
          .setCanonicalUrl(postUrl != null ? postUrl : threadUrl + "#post" + postId)
          .setForum(ForumPost.newBuilder()
              .setThreadUrl(threadUrl)
              .setThreadTitle(firstNonBlank(a.threadTitle(), title, ""))
              .setPostId(postId)
              .setPostNumber(a.postNumber())
              .setPostUrl(postUrl)
              .build());
    } else {
      String canonical = sameSite(a.canonicalUrl(), page).orElse(Urls.normalize(ctx.finalUrl()).orElse(ctx.finalUrl()));
      b.setId(ArticleIds.ofUrl(canonical)).setCanonicalUrl(canonical);
    }
    return b.build();
  }

  /** First 128 bits of SHA-256 over title, a blank line and body, hex. */
  public static String contentHash(String title, String body) {
    return sha256(title + "\n\n" + body);
  }

  /** First 128 bits of SHA-256 of the text, hex. */
  public static String sha256(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static Optional<String> sameSite(String url, URI page) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    return Urls.normalize(url).filter(u -> Urls.sameSite(URI.create(u), page));
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return "";
  }
}
