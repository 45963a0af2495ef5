package io.scomon.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.scomon.schemas.Alert;
import io.scomon.schemas.Article;
import io.scomon.schemas.CrawlState;
import io.scomon.schemas.DeadLetter;
import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.FetchRequest;
import io.scomon.schemas.Subscription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SchemaHistoryCompatibilityTest {

  private static final SchemaHistory HISTORY = SchemaHistory.shipped();

  static Stream<Arguments> messages() {
    return Stream.of(Article.class, EnrichedArticle.class, FetchRequest.class, CrawlState.class,
        Subscription.class, Alert.class, DeadLetter.class)
        .map(type -> Arguments.of(type.getSimpleName(), schemaOf(type)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void everyVersionReadsThePreviousOneAndIsReadByIt(String name, Schema current) {
    List<Schema> versions = HISTORY.versions(name);
    for (int i = 1; i < versions.size(); i++) {
      Schema older = versions.get(i - 1);
      Schema newer = versions.get(i);
      assertThat(SchemaCompatibility.checkReaderWriterCompatibility(newer, older).getType())
          .as("%s v%d reads data written with v%d (backward)", name, i + 1, i)
          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
      assertThat(SchemaCompatibility.checkReaderWriterCompatibility(older, newer).getType())
          .as("%s v%d reads data written with v%d (forward)", name, i, i + 1)
          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void generatedSchemaIsTheNewestShippedVersion(String name, Schema current) {
    List<Schema> versions = HISTORY.versions(name);
    Schema newest = versions.get(versions.size() - 1);
    assertThat(SchemaNormalization.toParsingForm(current))
        .as("%s changed: add it as a new version under history/%s and to INDEX", name, name)
        .isEqualTo(SchemaNormalization.toParsingForm(newest));
  }

  @Test
  void indexListsEveryHistoryFileAndOnlyThose() throws IOException {
    Path root = Path.of("src/main/resources/io/scomon/schemas/history");
    List<String> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".avsc"))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted().toList();
    }
    assertThat(SchemaHistory.readIndex()).containsExactlyInAnyOrderElementsOf(files);
  }

  private static Schema schemaOf(Class<?> type) {
    return org.apache.avro.specific.SpecificData.get().getSchema(type);
  }
}
