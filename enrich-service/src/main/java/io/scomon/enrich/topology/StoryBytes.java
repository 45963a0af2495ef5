package io.scomon.enrich.topology;

import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.Schema;

/**
 * An enriched article on its way from enrichment to story assignment (the one-partition "stories"
 * repartition topic): serialised once, as it will be published, with an empty story; in front of
 * it, what story assignment reads. Story assignment then writes the story into the bytes instead
 * of decoding and encoding the whole article a second time (two passes over its text, on the one
 * thread that assigns every article its story).
 *
 * <p>Layout: {@code 'S' 1}, the fingerprint (8 bytes), when the article was seen (epoch ms, 8),
 * where the story fields start in the article's bytes (4), then the {@link EnrichedArticle} in
 * Avro single-object encoding with {@code storyId} "" and {@code duplicateOf} null (one byte each,
 * 0). Avro writes fields in schema order, so the story fields are followed only by those after them
 * in the schema ({@link #STORY_AND_AFTER}, checked when this class loads). A value that is a plain
 * enriched article (written by an earlier version of the app) is read too.
 */
final class StoryBytes {

  private static final byte MAGIC = 'S';
  private static final byte VERSION = 1;
  private static final int STORY_AT = 2 + 8 + 8;
  private static final int PREAMBLE = STORY_AT + 4;
  /** The last fields of the schema: the story, and what Avro writes after it ({@link #tailSize}). */
  static final List<String> STORY_AND_AFTER = List.of("storyId", "duplicateOf", "taxonomyVersion", "enrichedAt");

  static {
    List<String> names = EnrichedArticle.getClassSchema().getFields().stream().map(Schema.Field::name).toList();
    if (names.size() < STORY_AND_AFTER.size()
        || !names.subList(names.size() - STORY_AND_AFTER.size(), names.size()).equals(STORY_AND_AFTER)) {
      throw new IllegalStateException("EnrichedArticle's last fields are not " + STORY_AND_AFTER
          + ": update StoryBytes to the schema " + names);
    }
  }

  /** An article waiting for its story. */
  record Pending(long fingerprint, long seenAt, byte[] value) {

    /** The article's bytes as published, with its story. */
    byte[] withStory(String storyId, String duplicateOf) {
      int storyAt = ByteBuffer.wrap(value, STORY_AT, 4).getInt();
      byte[] story = storyId.getBytes(StandardCharsets.UTF_8);
      byte[] duplicate = duplicateOf == null ? null : duplicateOf.getBytes(StandardCharsets.UTF_8);
      int articleLength = value.length - PREAMBLE;
      int storyBytes = varLongSize(story.length) + story.length
          + (duplicate == null ? 1 : 1 + varLongSize(duplicate.length) + duplicate.length);
      byte[] out = new byte[articleLength - 2 + storyBytes];
      System.arraycopy(value, PREAMBLE, out, 0, storyAt);
      int at = writeBytes(out, storyAt, story);
      if (duplicate == null) {
        out[at++] = 0; // union branch 0: null
      } else {
        out[at++] = 2; // union branch 1 (zig-zag): string
        at = writeBytes(out, at, duplicate);
      }
      System.arraycopy(value, PREAMBLE + storyAt + 2, out, at, articleLength - storyAt - 2);
      return out;
    }
  }

  private StoryBytes() {}

  /** The article serialised for story assignment; its own story fields are left as they are. */
  static byte[] of(EnrichedArticle article) {
    String storyId = article.getStoryId();
    String duplicateOf = article.getDuplicateOf();
    byte[] avro;
    try {
      article.setStoryId("");
      article.setDuplicateOf(null);
      avro = Topics.ARTICLES_ENRICHED.valueSerde().serializer().serialize(Topics.ARTICLES_ENRICHED.name(), article);
    } finally {
      article.setStoryId(storyId);
      article.setDuplicateOf(duplicateOf);
    }
    int storyAt = avro.length - 2 - tailSize(article);
    if (avro[storyAt] != 0 || avro[storyAt + 1] != 0) {
      throw new IllegalStateException("no empty story fields at byte " + storyAt + " of the serialised article");
    }
    return ByteBuffer.allocate(PREAMBLE + avro.length).put(MAGIC).put(VERSION)
        .putLong(article.getFingerprint()).putLong(article.getArticle().getFetchedAt().toEpochMilli())
        .putInt(storyAt).put(avro).array();
  }

  /** Reads a value of the stories topic: this layout, or a plain enriched article of an earlier version. */
  static Pending read(byte[] value) {
    if (value.length >= PREAMBLE && value[0] == MAGIC && value[1] == VERSION) {
      ByteBuffer in = ByteBuffer.wrap(value, 2, 16);
      return new Pending(in.getLong(), in.getLong(), value);
    }
    EnrichedArticle article = Topics.ARTICLES_ENRICHED.valueSerde().deserializer()
        .deserialize(Topics.ARTICLES_ENRICHED.name(), value);
    return read(of(article));
  }

  /** Bytes Avro writes after the story fields: {@code taxonomyVersion}, a string, and {@code enrichedAt}, a long. */
  private static int tailSize(EnrichedArticle article) {
    int version = article.getTaxonomyVersion().getBytes(StandardCharsets.UTF_8).length; // a short string
    return varLongSize(version) + version + varLongSize(article.getEnrichedAt().toEpochMilli());
  }

  /** Size of Avro's zig-zag variable-length encoding of {@code n}. */
  private static int varLongSize(long n) {
    long v = (n << 1) ^ (n >> 63);
    int size = 1;
    while ((v & ~0x7FL) != 0) {
      v >>>= 7;
      size++;
    }
    return size;
  }

  /** Writes Avro bytes/string: zig-zag varint length, then the bytes; returns the next position. */
  private static int writeBytes(byte[] out, int at, byte[] bytes) {
    long v = ((long) bytes.length << 1) ^ ((long) bytes.length >> 63);
    while ((v & ~0x7FL) != 0) {
      out[at++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[at++] = (byte) v;
    System.arraycopy(bytes, 0, out, at, bytes.length);
    return at + bytes.length;
  }
}
