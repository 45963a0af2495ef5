package io.scomon.enrich.tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scomon.enrich.dedup.SimHash;
import io.scomon.enrich.entity.EntityMatch;
import io.scomon.enrich.entity.EntityRecognizer;
import io.scomon.enrich.entity.Gazetteer;
import io.scomon.enrich.language.LanguageIdentifier;
import io.scomon.enrich.text.AnalyzedText;
import io.scomon.enrich.text.InvalidDataFileException;
import io.scomon.enrich.text.TextAnalyzer;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Tags articles from the command line with the same code and data files as the pipeline.
 *
 * <pre>
 *   java -cp enrich-service.jar:... io.scomon.enrich.tag.TagCli [--taxonomy FILE] [--gazetteer FILE] &lt; in.jsonl &gt; out.jsonl
 * </pre>
 *
 * <p>Reads JSON Lines {@code {"id", "lang"?, "title"?, "text"}} and writes one line per article:
 * {@code {"id", "lang", "topics": [{"name", "score", "evidence": [{"term", "count", "field",
 * "weight"}]}], "entities": [...], "fingerprint"}}. A line that is not such an object is reported
 * on standard error with its line number and skipped; the exit status is then 1.
 */
public final class TagCli {

  private final ObjectMapper json = new ObjectMapper();
  private final TextAnalyzer analyzer = new TextAnalyzer();
  private final TopicTagger tagger;
  private final EntityRecognizer entities;
  private final LanguageIdentifier languages;

  public TagCli(Taxonomy taxonomy, Gazetteer gazetteer, LanguageIdentifier languages) {
    this.tagger = new TopicTagger(taxonomy, analyzer);
    this.entities = new EntityRecognizer(gazetteer, analyzer);
    this.languages = languages;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs the tool; returns the exit status (0 all lines tagged, 1 some lines skipped, 2 bad usage or data file). */
  static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
    Path taxonomyFile = null;
    Path gazetteerFile = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--taxonomy" -> taxonomyFile = i + 1 < args.length ? Path.of(args[++i]) : null;
        case "--gazetteer" -> gazetteerFile = i + 1 < args.length ? Path.of(args[++i]) : null;
        default -> {
          err.println("usage: TagCli [--taxonomy FILE] [--gazetteer FILE] < articles.jsonl > tagged.jsonl");
          return 2;
        }
      }
    }
    TagCli cli;
    try {
      cli = new TagCli(
          taxonomyFile == null ? Taxonomy.loadDefault() : Taxonomy.load(taxonomyFile),
          gazetteerFile == null ? Gazetteer.loadDefault() : Gazetteer.load(gazetteerFile),
          LanguageIdentifier.fromClasspath());
    } catch (InvalidDataFileException | UncheckedIOException e) {
      err.println("cannot load data file: " + e.getMessage());
      return 2;
    }
    try {
      return cli.tagLines(in, out, err) == 0 ? 0 : 1;
    } catch (IOException e) {
      err.println("I/O error: " + e.getMessage());
      return 2;
    }
  }

  /** Tags every line of {@code in}; returns the number of lines skipped. */
  int tagLines(InputStream in, OutputStream out, PrintStream err) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    int skipped = 0;
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        writer.write(json.writeValueAsString(tag(json.readTree(line))));
        writer.write('\n');
      } catch (JsonProcessingException | BadLineException e) {
        skipped++;
        err.println("line " + lineNumber + ": " + (e instanceof JsonProcessingException j ? "not JSON: " + j.getOriginalMessage() : e.getMessage()));
      }
    }
    writer.flush();
    return skipped;
  }

  /** One article in, its enrichment out. */
  ObjectNode tag(JsonNode article) throws BadLineException {
    if (article == null || !article.isObject()) {
      throw new BadLineException("expected a JSON object");
    }
    String id = requiredText(article, "id");
    String text = requiredText(article, "text");
    String title = optionalText(article, "title");
    String lang = optionalText(article, "lang");
    if (lang.isEmpty()) {
      lang = languages.language(title.isEmpty() ? text : title + "\n" + text);
    }
    AnalyzedText titleTokens = analyzer.analyze(title);
    AnalyzedText bodyTokens = analyzer.analyze(text);

    ObjectNode out = json.createObjectNode();
    out.put("id", id);
    out.put("lang", lang);
    ArrayNode topics = out.putArray("topics");
    for (TopicMatch match : tagger.tag(titleTokens, bodyTokens)) {
      ObjectNode topic = topics.addObject();
      topic.put("name", match.name());
      topic.put("score", match.score());
      ArrayNode evidence = topic.putArray("evidence");
      for (Evidence e : match.evidence()) {
        evidence.addObject().put("term", e.term()).put("count", e.count()).put("field", e.field().jsonName()).put("weight", e.weight());
      }
    }
    ArrayNode found = out.putArray("entities");
    for (EntityMatch entity : entities.recognize(titleTokens, bodyTokens)) {
      ObjectNode node = found.addObject();
      node.put("type", entity.type().name());
      node.put("id", entity.id());
      node.put("name", entity.name());
      node.put("countryCode", entity.countryCode());
      node.put("lat", entity.lat());
      node.put("lon", entity.lon());
      node.put("mentions", entity.mentions());
    }
    out.put("fingerprint", SimHash.toHex(SimHash.of(text)));
    return out;
  }

  private static String requiredText(JsonNode article, String field) throws BadLineException {
    JsonNode value = article.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new BadLineException("field '" + field + "' must be a non-empty string");
    }
    return value.asText();
  }

  private static String optionalText(JsonNode article, String field) throws BadLineException {
    JsonNode value = article.get(field);
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isTextual()) {
      throw new BadLineException("field '" + field + "' must be a string");
    }
    return value.asText();
  }

  /** A line that parses as JSON but is not an article. */
  static final class BadLineException extends Exception {
    BadLineException(String message) {
      super(message);
    }
  }
}
