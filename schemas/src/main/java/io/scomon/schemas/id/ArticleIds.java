package io.scomon.schemas.id;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Article ids: the first 128 bits of the SHA-256 of the canonical URL (forum posts: of the thread
 * URL, a space and the post id), as 32 lowercase hex digits. The same id is the Kafka key, the
 * Elasticsearch {@code _id} and part of every alert key, so a re-fetch of a story never makes a
 * second article.
 */
public final class ArticleIds {

  private ArticleIds() {}

  public static String ofUrl(String canonicalUrl) {
    return hash(canonicalUrl);
  }

  public static String ofForumPost(String threadUrl, String postId) {
    return hash(threadUrl + ' ' + postId);
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
