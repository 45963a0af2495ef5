package io.scomon.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scomon.schemas.Article;
import io.scomon.schemas.ForumPost;
import io.scomon.schemas.SourceType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  private final AvroSerde<Article> serde = AvroSerde.of(Article.class);

  static Article article() {
    return Article.newBuilder()
        .setId("5f0c1d2e3a4b5c6d7e8f901234567890")
        .setCanonicalUrl("https://eng.sectsco.org/news/20240312/1.html")
        .setUrl("https://eng.sectsco.org/news/20240312/1.html?utm_source=rss")
        .setSourceId("sco-secretariat")
        .setSourceType(SourceType.NEWS)
        .setSiteName("SCO Secretariat")
        .setTitle("SCO-Afghanistan Contact Group meets in Beijing")
        .setBody("The meeting discussed terrorism and drug trafficking.\n\nDelegations agreed on next steps.")
        .setAuthors(List.of("Press Service"))
        .setPublishedAt(Instant.parse("2024-03-12T08:00:00Z"))
        .setFetchedAt(Instant.parse("2024-03-12T08:05:00.123Z"))
        .setLanguageHint("en")
        .setContentHash("abc123")
        .setForum(null)
        .build();
  }

  @Test
  void roundTripsAnArticleWithEveryField() {
    Article original = article();
    original.setForum(ForumPost.newBuilder().setThreadUrl("https://forum.example/t/1").setThreadTitle("SCO")
        .setPostId("p7").setPostNumber(7).setPostUrl("https://forum.example/p/7").build());

    Article decoded = serde.deserialize("scomon.articles", serde.serialize("scomon.articles", original));

    assertThat(decoded).isEqualTo(original);
    assertThat(decoded.getPublishedAt()).isEqualTo(Instant.parse("2024-03-12T08:00:00Z"));
    assertThat(decoded.getForum().getPostNumber()).isEqualTo(7);
  }

  @Test
  void writesSingleObjectEncodingWithTheSchemaFingerprint() {
    byte[] bytes = serde.serialize(article());

    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(fingerprint).isEqualTo(SchemaHistory.fingerprint(Article.getClassSchema()));
  }

  @Test
  void keepsTombstonesNull() {
    assertThat(serde.serialize("scomon.subscriptions", null)).isNull();
    assertThat(serde.deserialize("scomon.subscriptions", null)).isNull();
  }

  @Test
  void reportsAnUnknownSchemaFingerprintAsAClearError() {
    Schema stranger = SchemaBuilder.record("Article").namespace("io.scomon.schemas").fields()
        .requiredString("id").requiredString("somethingNew").endRecord();
    GenericRecord record = new GenericData.Record(stranger);
    record.put("id", "x");
    record.put("somethingNew", "y");
    byte[] bytes = encode(stranger, record);

    assertThatThrownBy(() -> serde.deserialize("scomon.articles", bytes))
        .isInstanceOf(UnknownSchemaException.class)
        .hasMessageContaining(String.format("%016x", SchemaHistory.fingerprint(stranger)))
        .hasMessageContaining("Article")
        .hasMessageContaining("topic scomon.articles")
        .satisfies(e -> assertThat(((UnknownSchemaException) e).fingerprint())
            .isEqualTo(SchemaHistory.fingerprint(stranger)));
  }

  @Test
  void reportsBytesThatAreNotAvroAsADecodingError() {
    byte[] html = "<html><body>not avro</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThatThrownBy(() -> serde.deserialize("scomon.articles", html))
        .isInstanceOf(AvroDecodingException.class)
        .isNotInstanceOf(UnknownSchemaException.class)
        .hasMessageContaining("not an Avro single-object message")
        .hasMessageContaining("scomon.articles");
  }

  @Test
  void reportsATruncatedMessageAsCorrupt() {
    byte[] bytes = serde.serialize(article());
    byte[] truncated = java.util.Arrays.copyOf(bytes, 30);

    assertThatThrownBy(() -> serde.deserialize("scomon.articles", truncated))
        .isInstanceOf(AvroDecodingException.class)
        .hasMessageContaining("corrupt Article message");
  }

  @Test
  void readsAMessageWrittenWithAnOlderVersionFromTheHistory() {
    // an older Article that had no languageHint and no forum field
    Schema current = Article.getClassSchema();
    Schema older = Schema.createRecord("Article", null, "io.scomon.schemas", false,
        current.getFields().stream().filter(f -> !f.name().equals("languageHint"))
            .map(f -> new Schema.Field(f, f.schema())).toList());
    assertThat(older.getField("languageHint")).as("test setup removed the field").isNull();
    SchemaHistory history = SchemaHistory.of(Map.of("Article", List.of(older, current)));
    AvroSerde<Article> reader = AvroSerde.of(Article.class, history);

    GenericRecord old = new GenericData.Record(older);
    Article sample = article();
    for (Schema.Field field : older.getFields()) {
      Object value = sample.get(field.name());
      if (value instanceof Instant instant) {
        value = instant.toEpochMilli();
      } else if (value instanceof Enum<?> symbol) {
        value = new GenericData.EnumSymbol(field.schema(), symbol.name());
      }
      old.put(field.name(), value);
    }

    Article decoded = reader.deserialize("scomon.articles", encode(older, old));

    assertThat(decoded.getTitle()).isEqualTo(sample.getTitle());
    assertThat(decoded.getLanguageHint()).isNull();
    assertThat(decoded.getPublishedAt()).isEqualTo(sample.getPublishedAt());
  }

  private static byte[] encode(Schema schema, GenericRecord record) {
    try {
      ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
