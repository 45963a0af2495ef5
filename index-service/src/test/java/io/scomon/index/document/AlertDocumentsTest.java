package io.scomon.index.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scomon.index.TestArticles;
import io.scomon.index.admin.ClusterCapabilities;
import io.scomon.index.admin.IndexTemplates;
import io.scomon.index.config.IndexConfig;
import io.scomon.schemas.Alert;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertDocumentsTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private final AlertDocuments documents = new AlertDocuments(mapper);

  @Test
  void anAlertShowsWhoseSubscriptionMatchedWhatAndWhen() {
    Alert alert = TestArticles.alert(TestArticles.contactGroup(), "sub-42");

    JsonNode doc = documents.toJson(alert, Instant.parse("2025-06-04T09:05:05Z"));

    assertThat(doc.get("@timestamp").asText()).isEqualTo("2025-06-04T09:05:03Z");
    assertThat(doc.at("/event/kind").asText()).isEqualTo("alert");
    assertThat(doc.at("/scomon/subscription/name").asText()).isEqualTo("Narcotics in Central Asia");
    assertThat(doc.at("/scomon/subscription/owner").asText()).isEqualTo("analyst@example.org");
    assertThat(doc.at("/scomon/alert/matched_terms/0").asText()).isEqualTo("opium");
    assertThat(doc.at("/scomon/alert/snippet").asText()).contains("**opium**");
    assertThat(doc.at("/url/domain").asText()).isEqualTo("eng.sectsco.org");
  }

  @Test
  void anAlertGoesToTheAlertsIndexUnderItsIdVersionedByMatchTime() throws Exception {
    Alert alert = TestArticles.alert(TestArticles.contactGroup(), "sub-42");

    IndexDocument document = documents.document(alert, Instant.now());

    assertThat(document.index()).isEqualTo("scomon-alerts");
    assertThat(document.id()).isEqualTo("sub-42:" + alert.getArticleId());
    assertThat(document.version()).isEqualTo(Instant.parse("2025-06-04T09:05:03Z").toEpochMilli());
    var mapped = IndexTemplates.fieldTypes(new IndexTemplates(mapper).alerts(ClusterCapabilities.MINIMAL,
        new IndexConfig.Layout(1, 0)));
    assertThat(ArticleDocumentsTest.leafPaths(mapper.readTree(document.source())))
        .allSatisfy(path -> assertThat(mapped).containsKey(path));
  }
}
