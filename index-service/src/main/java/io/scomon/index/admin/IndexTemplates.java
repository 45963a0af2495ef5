package io.scomon.index.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scomon.index.config.IndexConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The composable index templates of the layout, as request bodies. The mappings live in
 * {@code articles-template.json} and {@code alerts-template.json};
 * this class adds what depends on the cluster and the configuration: language sub-fields of the
 * text fields when the cluster has the analyzers, and shard and replica counts. Pure.
 */
public final class IndexTemplates {

  public static final String ARTICLES = "scomon-articles";
  public static final String ALERTS = "scomon-alerts";

  /** Text fields that get {@code english}, {@code russian} and {@code cjk} sub-fields when the cluster can analyse them. */
  static final Map<String, List<String>> MULTILINGUAL_FIELDS = Map.of(
      ARTICLES, List.of("scomon.title", "scomon.body"),
      ALERTS, List.of("scomon.title", "scomon.alert.snippet"));

  private final ObjectMapper mapper;

  public IndexTemplates(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Template of the monthly article indices, with the alias {@code scomon-articles}. */
  public ObjectNode articles(ClusterCapabilities cluster, IndexConfig.Layout layout) {
    return withLanguages(build("articles-template.json", layout), ARTICLES, cluster);
  }

  public ObjectNode alerts(ClusterCapabilities cluster, IndexConfig.Layout layout) {
    return withLanguages(build("alerts-template.json", layout), ALERTS, cluster);
  }

  /** Every template by name, in the order they are installed. */
  public Map<String, ObjectNode> all(ClusterCapabilities cluster, IndexConfig.Layout layout) {
    Map<String, ObjectNode> templates = new java.util.LinkedHashMap<>();
    templates.put(ARTICLES, articles(cluster, layout));
    templates.put(ALERTS, alerts(cluster, layout));
    return templates;
  }

  /**
   * Every field a template maps, by dotted path, with its type; multi-fields appear as
   * {@code path.subfield}. These are the fields Kibana lists for an index built from the template.
   */
  public static Map<String, String> fieldTypes(JsonNode template) {
    Map<String, String> fields = new TreeMap<>();
    collect(template.path("template").path("mappings").path("properties"), "", fields);
    return fields;
  }

  private static void collect(JsonNode properties, String prefix, Map<String, String> fields) {
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = prefix + e.getKey();
      JsonNode field = e.getValue();
      if (field.has("properties")) {
        if (field.has("type")) {
          fields.put(path, field.get("type").asText());
        }
        collect(field.get("properties"), path + ".", fields);
        continue;
      }
      fields.put(path, field.path("type").asText("object"));
      for (Iterator<Map.Entry<String, JsonNode>> sub = field.path("fields").fields(); sub.hasNext(); ) {
        Map.Entry<String, JsonNode> s = sub.next();
        fields.put(path + "." + s.getKey(), s.getValue().path("type").asText());
      }
    }
  }

  private ObjectNode build(String resource, IndexConfig.Layout layout) {
    ObjectNode template = read(resource);
    ObjectNode index = (ObjectNode) template.with("template").with("settings").with("index");
    index.put("number_of_shards", layout.shards());
    index.put("number_of_replicas", layout.replicas());
    return template;
  }

  private ObjectNode withLanguages(ObjectNode template, String name, ClusterCapabilities cluster) {
    for (String path : MULTILINGUAL_FIELDS.get(name)) {
      ObjectNode field = fieldAt(template, path);
      addSubField(field, "english", cluster.englishAnalyzer());
      addSubField(field, "russian", cluster.russianAnalyzer());
      addSubField(field, "cjk", cluster.cjkAnalyzer());
    }
    return template;
  }

  private static void addSubField(ObjectNode field, String name, Optional<String> analyzer) {
    analyzer.ifPresent(a -> {
      ObjectNode sub = field.with("fields").putObject(name);
      sub.put("type", "text");
      sub.put("analyzer", a);
    });
  }

  private static ObjectNode fieldAt(ObjectNode template, String path) {
    JsonNode node = template.path("template").path("mappings");
    for (String part : path.split("\\.")) {
      node = node.path("properties").path(part);
    }
    if (!(node instanceof ObjectNode field) || !"text".equals(field.path("type").asText())) {
      throw new IllegalStateException("template has no text field " + path);
    }
    return field;
  }

  private ObjectNode read(String resource) {
    try (InputStream in = IndexTemplates.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("template resource " + resource + " missing from the classpath");
      }
      return (ObjectNode) mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + resource, e);
    }
  }
}
