package io.scomon.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagCliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String input, String... args) {
    return TagCli.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void tagsEachLineAndReportsBadLinesWithTheirNumbers() throws Exception {
    String input = String.join("\n",
        "{\"id\":\"a1\",\"title\":\"Heroin seized\",\"text\":\"Tajik border guards seized 200 kg of heroin smuggled from Afghanistan, the SCO said.\"}",
        "this is not json",
        "{\"id\":\"a2\"}",
        "",
        "{\"id\":\"a3\",\"lang\":\"ru\",\"text\":\"ШОС обсудила борьбу с терроризмом.\"}") + "\n";

    int status = run(input);

    assertThat(status).isEqualTo(1);
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(lines.get(0));
    assertThat(first.get("id").asText()).isEqualTo("a1");
    assertThat(first.get("lang").asText()).isEqualTo("en");
    assertThat(first.get("topics").get(0).get("name").asText()).isEqualTo("narcotics");
    assertThat(first.get("topics").get(0).get("score").asDouble()).isEqualTo(10.49); // heroin once in the title (x2) and once in the body: 5 * (1 + ln 3)
    JsonNode evidence = first.get("topics").get(0).get("evidence").get(0);
    assertThat(evidence.get("term").asText()).isEqualTo("heroin");
    assertThat(evidence.get("field").asText()).isEqualTo("title");
    assertThat(evidence.get("count").asInt()).isEqualTo(1);
    assertThat(evidence.get("weight").asDouble()).isEqualTo(5.0);
    assertThat(first.get("entities").findValuesAsText("id")).containsExactlyInAnyOrder("TJ", "AF", "sco"); // "Tajik" is Tajikistan
    assertThat(first.get("fingerprint").asText()).matches("[0-9a-f]{16}");

    JsonNode third = json.readTree(lines.get(1));
    assertThat(third.get("id").asText()).isEqualTo("a3");
    assertThat(third.get("lang").asText()).isEqualTo("ru");
    assertThat(third.get("topics").findValuesAsText("name")).containsExactly("terrorism");

    String errors = err.toString(StandardCharsets.UTF_8);
    assertThat(errors).contains("line 2: not JSON").contains("line 3: field 'text' must be a non-empty string");
  }

  @Test
  void unknownOptionPrintsUsage() {
    assertThat(run("", "--frobnicate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: TagCli");
  }
}
