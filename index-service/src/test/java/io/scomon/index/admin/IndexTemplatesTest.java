package io.scomon.index.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scomon.index.config.IndexConfig;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndexTemplatesTest {

  private static final IndexConfig.Layout ONE_SHARD = new IndexConfig.Layout(1, 0);
  private static final ClusterCapabilities FULL_DISTRIBUTION = new ClusterCapabilities(
      Set.of("analysis-common", "mapper-extras", "percolator", "lang-painless"), Set.of());
  private final IndexTemplates templates = new IndexTemplates(new ObjectMapper());

  @Test
  void onTheMinimalBuildTextFieldsUseTheStandardAnalyzerOnly() {
    ObjectNode articles = templates.articles(ClusterCapabilities.MINIMAL, ONE_SHARD);

    assertThat(articles.toString()).doesNotContain("\"analyzer\"");
    assertThat(IndexTemplates.fieldTypes(articles)).containsEntry("scomon.body", "text")
        .containsEntry("scomon.title", "text").containsEntry("scomon.title.keyword", "keyword")
        .doesNotContainKeys("scomon.body.english", "scomon.body.russian", "scomon.body.cjk");
  }

  @Test
  void withAnalysisCommonTitleAndBodyGetEnglishRussianAndCjkSubFields() {
    ObjectNode articles = templates.articles(FULL_DISTRIBUTION, ONE_SHARD);
    JsonNode body = articles.at("/template/mappings/properties/scomon/properties/body/fields");

    assertThat(body.at("/english/analyzer").asText()).isEqualTo("english");
    assertThat(body.at("/russian/analyzer").asText()).isEqualTo("russian");
    assertThat(body.at("/cjk/analyzer").asText()).isEqualTo("cjk");
    assertThat(IndexTemplates.fieldTypes(articles)).containsEntry("scomon.title.english", "text")
        .containsEntry("scomon.title.keyword", "keyword");
    assertThat(IndexTemplates.fieldTypes(templates.alerts(FULL_DISTRIBUTION, ONE_SHARD)))
        .containsKeys("scomon.alert.snippet.russian", "scomon.title.cjk");
  }

  @Test
  void withTheSmartcnPluginChineseIsSegmentedBySmartcn() {
    ClusterCapabilities withSmartcn = new ClusterCapabilities(Set.of("analysis-common"), Set.of("analysis-smartcn"));

    ObjectNode articles = templates.articles(withSmartcn, ONE_SHARD);

    assertThat(articles.at("/template/mappings/properties/scomon/properties/title/fields/cjk/analyzer").asText())
        .isEqualTo("smartcn");
  }

  @Test
  void articleIndicesJoinTheAliasAndTakeShardsAndReplicasFromConfiguration() {
    ObjectNode articles = templates.articles(ClusterCapabilities.MINIMAL, new IndexConfig.Layout(3, 1));

    assertThat(articles.at("/index_patterns/0").asText()).isEqualTo("scomon-articles-*");
    assertThat(articles.at("/template/aliases").has("scomon-articles")).isTrue();
    assertThat(articles.at("/template/settings/index/number_of_shards").asInt()).isEqualTo(3);
    assertThat(articles.at("/template/settings/index/number_of_replicas").asInt()).isEqualTo(1);
    assertThat(articles.at("/template/mappings/dynamic").asText()).isEqualTo("strict");
  }

  @Test
  void theLayoutHasAnArticleAndAnAlertTemplateWithDisjointPatterns() {
    Map<String, ObjectNode> all = templates.all(ClusterCapabilities.MINIMAL, ONE_SHARD);

    assertThat(all).containsOnlyKeys("scomon-articles", "scomon-alerts");
    assertThat(all.get("scomon-alerts").at("/index_patterns/0").asText()).isEqualTo("scomon-alerts");
    assertThat(all.get("scomon-alerts").at("/template/mappings/dynamic").asText()).isEqualTo("strict");
  }

  @Test
  void capabilitiesOfAClusterWithoutAnalysisModulesOfferNoLanguageAnalyzers() {
    ClusterCapabilities integTest = new ClusterCapabilities(Set.of("transport-netty4", "mapper-extras"), Set.of());

    assertThat(integTest.englishAnalyzer()).isEmpty();
    assertThat(integTest.cjkAnalyzer()).isEmpty();
    assertThat(FULL_DISTRIBUTION.russianAnalyzer()).contains("russian");
  }
}
