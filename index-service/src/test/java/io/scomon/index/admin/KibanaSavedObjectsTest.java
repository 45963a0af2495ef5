package io.scomon.index.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scomon.index.config.IndexConfig;
import io.scomon.index.document.IndexNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kibana objects checked offline (Kibana cannot run here): the NDJSON parses, every reference
 * resolves inside the file, and every field a visualisation, map or saved search uses exists in the
 * mapping the index templates give (on the minimal build, so the dashboards work everywhere).
 */
class KibanaSavedObjectsTest {

  private static final Path NDJSON = Path.of("kibana/scomon-dashboards.ndjson");
  private static final Set<String> AGGREGATABLE = Set.of("keyword", "date", "long", "integer", "short", "byte",
      "float", "double", "scaled_float", "boolean", "geo_point", "ip");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> objects;
  private static Map<String, JsonNode> byTypeAndId;
  private static Map<String, Map<String, String>> mappingByDataView;

  @BeforeAll
  static void read() throws IOException {
    objects = new ArrayList<>();
    for (String line : Files.readAllLines(NDJSON, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        objects.add(JSON.readTree(line));
      }
    }
    byTypeAndId = new HashMap<>();
    objects.forEach(o -> byTypeAndId.put(o.path("type").asText() + ":" + o.path("id").asText(), o));
    IndexTemplates templates = new IndexTemplates(JSON);
    IndexConfig.Layout layout = new IndexConfig.Layout(1, 0);
    Map<String, Map<String, String>> mappingByIndex = Map.of(
        IndexNames.ARTICLES_ALIAS, IndexTemplates.fieldTypes(templates.articles(ClusterCapabilities.MINIMAL, layout)),
        IndexNames.ALERTS, IndexTemplates.fieldTypes(templates.alerts(ClusterCapabilities.MINIMAL, layout)));
    mappingByDataView = new HashMap<>();
    for (JsonNode view : ofType("index-pattern")) {
      String title = view.at("/attributes/title").asText();
      assertThat(mappingByIndex).as("data view %s must name an index or alias the service writes", title)
          .containsKey(title);
      mappingByDataView.put(view.get("id").asText(), mappingByIndex.get(title));
    }
  }

  @Test
  void everyLineIsASavedObjectWithTypeIdTitleAndUniqueId() {
    assertThat(objects).hasSize(byTypeAndId.size()).allSatisfy(o -> {
      assertThat(o.path("type").asText()).isNotEmpty();
      assertThat(o.path("id").asText()).startsWith("scomon-");
      assertThat(o.at("/attributes/title").asText()).isNotEmpty();
      assertThat(o.path("references").isArray()).isTrue();
    });
  }

  @Test
  void everyReferenceResolvesToAnObjectOfThatTypeInTheFile() {
    for (JsonNode o : objects) {
      for (JsonNode ref : o.get("references")) {
        assertThat(byTypeAndId).as("%s %s references %s", o.get("type"), o.get("id"), ref)
            .containsKey(ref.get("type").asText() + ":" + ref.get("id").asText());
      }
    }
  }

  @Test
  void everyReferenceNameAnObjectUsesIsDeclared() throws IOException {
    for (JsonNode lens : ofType("lens")) {
      lens.at("/attributes/state/datasourceStates/formBased/layers").fieldNames().forEachRemaining(layer ->
          assertThat(referenceNames(lens)).contains("indexpattern-datasource-layer-" + layer));
    }
    for (JsonNode search : ofType("search")) {
      JsonNode source = parse(search.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON"));
      assertThat(referenceNames(search)).contains(source.get("indexRefName").asText());
    }
    for (JsonNode map : ofType("map")) {
      List<String> refNames = new ArrayList<>();
      collectValues(parse(map.at("/attributes/layerListJSON")), "indexPatternRefName", refNames);
      assertThat(refNames).isNotEmpty();
      assertThat(referenceNames(map)).containsAll(refNames);
    }
    for (JsonNode dashboard : ofType("dashboard")) {
      for (JsonNode panel : parse(dashboard.at("/attributes/panelsJSON"))) {
        assertThat(referenceNames(dashboard))
            .contains(panel.get("panelIndex").asText() + ":" + panel.get("panelRefName").asText());
      }
    }
  }

  @Test
  void dataViewsCoverTheArticleAliasAndTheAlertsIndexByTheirDateField() {
    assertThat(ofType("index-pattern")).extracting(v -> v.at("/attributes/title").asText())
        .containsExactlyInAnyOrder(IndexNames.ARTICLES_ALIAS, IndexNames.ALERTS);
    for (JsonNode view : ofType("index-pattern")) {
      String timeField = view.at("/attributes/timeFieldName").asText();
      assertThat(mappingByDataView.get(view.get("id").asText())).containsEntry(timeField, "date");
    }
  }

  @Test
  void everyFieldALensVisualisationUsesIsMappedAndAggregatable() {
    for (JsonNode lens : ofType("lens")) {
      JsonNode layers = lens.at("/attributes/state/datasourceStates/formBased/layers");
      layers.fields().forEachRemaining(layer -> {
        Map<String, String> mapping = dataViewOf(lens, "indexpattern-datasource-layer-" + layer.getKey());
        layer.getValue().get("columns").forEach(column -> {
          List<String> fields = new ArrayList<>();
          if (column.has("sourceField") && !"___records___".equals(column.get("sourceField").asText())) {
            fields.add(column.get("sourceField").asText());
          }
          if (column.at("/params/sortField").isTextual()) {
            fields.add(column.at("/params/sortField").asText());
          }
          for (String field : fields) {
            assertThat(mapping).as("%s uses %s", lens.get("id"), field).containsKey(field);
            assertThat(AGGREGATABLE).as("%s aggregates %s of type %s", lens.get("id"), field, mapping.get(field))
                .contains(mapping.get(field));
            assertThat(insideNested(mapping, field)).as("%s: Lens cannot use nested field %s", lens.get("id"), field)
                .isFalse();
          }
        });
      });
    }
  }

  @Test
  void theMapJoinsCountryCodesAndPlotsPlacePoints() throws IOException {
    JsonNode map = byTypeAndId.get("map:scomon-countries-places-map");
    Map<String, String> mapping = dataViewOf(map, "layer_2_source_index_pattern");
    List<String> geoFields = new ArrayList<>();
    List<String> terms = new ArrayList<>();
    JsonNode layers = parse(map.at("/attributes/layerListJSON"));
    collectValues(layers, "geoField", geoFields);
    collectValues(layers, "term", terms);

    assertThat(geoFields).containsExactly("scomon.entities.place_locations");
    geoFields.forEach(f -> assertThat(mapping).containsEntry(f, "geo_point"));
    assertThat(terms).containsExactly("scomon.entities.countries");
    terms.forEach(f -> assertThat(mapping).containsEntry(f, "keyword"));
  }

  @Test
  void everyColumnAndSortFieldOfASavedSearchIsMapped() {
    for (JsonNode search : ofType("search")) {
      Map<String, String> mapping = dataViewOf(search, "kibanaSavedObjectMeta.searchSourceJSON.index");
      search.at("/attributes/columns").forEach(c ->
          assertThat(mapping).as("%s column", search.get("id")).containsKey(c.asText()));
      search.at("/attributes/sort").forEach(s ->
          assertThat(mapping).as("%s sort", search.get("id")).containsKey(s.get(0).asText()));
    }
  }

  @Test
  void theDashboardShowsTopicsSourcesMapLanguagesEntitiesStoriesAndAlerts() throws IOException {
    JsonNode dashboard = byTypeAndId.get("dashboard:scomon-overview");
    Set<String> panels = new HashSet<>();
    dashboard.get("references").forEach(r -> panels.add(r.get("id").asText()));

    assertThat(panels).contains("scomon-articles-over-time-by-topic", "scomon-topic-share", "scomon-top-sources",
        "scomon-countries-places-map", "scomon-languages", "scomon-top-entities", "scomon-near-duplicate-stories",
        "scomon-latest-alerts");
    for (JsonNode panel : parse(dashboard.at("/attributes/panelsJSON"))) {
      JsonNode grid = panel.get("gridData");
      assertThat(grid.get("x").asInt() + grid.get("w").asInt()).as("panel %s fits the 48-column grid",
          panel.get("panelIndex")).isLessThanOrEqualTo(48);
    }
  }

  @Test
  void theImportScriptPostsTheFileToTheImportApiWithOverwrite() throws IOException {
    Path script = Path.of("kibana/import.sh");
    String text = Files.readString(script);

    assertThat(Files.isExecutable(script)).isTrue();
    assertThat(text).startsWith("#!/usr/bin/env bash").contains("/api/saved_objects/_import?overwrite=true")
        .contains("kbn-xsrf: true").contains("scomon-dashboards.ndjson");
  }

  private static List<JsonNode> ofType(String type) {
    return objects.stream().filter(o -> type.equals(o.get("type").asText())).toList();
  }

  private static Set<String> referenceNames(JsonNode object) {
    Set<String> names = new HashSet<>();
    object.get("references").forEach(r -> names.add(r.get("name").asText()));
    return names;
  }

  private static Map<String, String> dataViewOf(JsonNode object, String referenceName) {
    for (JsonNode ref : object.get("references")) {
      if (ref.get("name").asText().equals(referenceName)) {
        Map<String, String> mapping = mappingByDataView.get(ref.get("id").asText());
        assertThat(mapping).as("data view %s", ref.get("id")).isNotNull();
        return mapping;
      }
    }
    throw new AssertionError(object.get("id") + " has no reference named " + referenceName);
  }

  private static boolean insideNested(Map<String, String> mapping, String field) {
    for (Map.Entry<String, String> e : mapping.entrySet()) {
      if ("nested".equals(e.getValue()) && field.startsWith(e.getKey() + ".")) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode parse(JsonNode embeddedJson) throws IOException {
    return JSON.readTree(embeddedJson.asText());
  }

  private static void collectValues(JsonNode node, String key, List<String> into) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getKey().equals(key) && e.getValue().isTextual()) {
          into.add(e.getValue().asText());
        } else {
          collectValues(e.getValue(), key, into);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> collectValues(n, key, into));
    }
  }
}
