package io.scomon.enrich.tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The labelled dev set under {@code src/test/resources/devset/} (see its README). */
public record DevSet(List<DevSet.Item> items) {

  static final List<String> FILES = List.of(
      "samples.jsonl", "extraction-dev.jsonl", "wcxb-dev.jsonl", "written-en.jsonl", "written-ru.jsonl", "written-zh.jsonl",
      "written-fresh.jsonl");

  /**
   * One labelled text: {@code topics} a careful reader expects, {@code optional} topics that are
   * neither required nor wrong (counted neither way).
   */
  public record Item(String id, String lang, String title, String text, Set<String> topics, Set<String> optional, String file) {}

  public static DevSet load() {
    ObjectMapper json = new ObjectMapper();
    List<Item> items = new ArrayList<>();
    for (String file : FILES) {
      try (InputStream in = DevSet.class.getResourceAsStream("/devset/" + file)) {
        if (in == null) {
          throw new IllegalStateException("dev set file /devset/" + file + " is missing");
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lineNumber++;
          if (line.isBlank()) {
            continue;
          }
          JsonNode node = json.readTree(line);
          items.add(new Item(
              node.path("id").asText(),
              node.path("lang").asText(),
              node.path("title").asText(""),
              node.path("text").asText(),
              strings(node.path("topics")),
              strings(node.path("optional")),
              file + ":" + lineNumber));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read dev set file " + file, e);
      }
    }
    return new DevSet(items);
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
