package io.scomon.enrich.text;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A value of a YAML data file (taxonomy, gazetteer) that remembers where it was written, so that
 * every semantic error can name the file, line, key path and reason in an {@link
 * InvalidDataFileException}. Reads the file as a node tree (no Java objects are built by YAML).
 */
public final class DataNode {

  private final Node node;
  private final String source;
  private final String path;

  private DataNode(Node node, String source, String path) {
    this.node = node;
    this.source = source;
    this.path = path;
  }

  /** Parses a YAML document; a syntax error is reported with its line and column. */
  public static DataNode read(InputStream in, String source) {
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      Node root = new Yaml(options).compose(reader);
      if (root == null) {
        throw new InvalidDataFileException(source, 0, 0, "the file is empty", null);
      }
      return new DataNode(root, source, "");
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 0 : mark.getLine() + 1;
      int column = mark == null ? 0 : mark.getColumn() + 1;
      String reason = "YAML syntax: " + (e.getContext() == null ? "" : e.getContext() + ", ") + e.getProblem();
      throw new InvalidDataFileException(source, line, column, reason, e);
    } catch (YAMLException e) {
      throw new InvalidDataFileException(source, 0, 0, "YAML: " + e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new InvalidDataFileException(source, 0, 0, "cannot read: " + e.getMessage(), e);
    }
  }

  /** The dotted key path of this value from the document root, e.g. {@code topics.narcotics.terms.en}. */
  public String path() {
    return path;
  }

  public int line() {
    return node.getStartMark().getLine() + 1;
  }

  /** An exception pointing at this value. */
  public InvalidDataFileException error(String reason) {
    String where = path.isEmpty() ? "" : path + ": ";
    return new InvalidDataFileException(source, line(), node.getStartMark().getColumn() + 1, where + reason, null);
  }

  /** The entries of a mapping in file order; keys must be scalars. */
  public Map<String, DataNode> entries() {
    if (!(node instanceof MappingNode)) {
      throw error("expected a mapping of keys to values");
    }
    Map<String, DataNode> out = new LinkedHashMap<>();
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode)) {
        throw new DataNode(tuple.getKeyNode(), source, path).error("keys must be plain text");
      }
      String key = ((ScalarNode) tuple.getKeyNode()).getValue();
      DataNode value = new DataNode(tuple.getValueNode(), source, path.isEmpty() ? key : path + "." + key);
      if (out.put(key, value) != null) {
        throw value.error("duplicate key '" + key + "'");
      }
    }
    return out;
  }

  /** The entries of a mapping, refusing any key not in {@code allowed} (catches typos such as "treshold"). */
  public Map<String, DataNode> entries(List<String> allowed) {
    Map<String, DataNode> entries = entries();
    entries.forEach(
        (key, value) -> {
          if (!allowed.contains(key)) {
            throw new DataNode(keyNode(key), source, value.path).error("unknown key '" + key + "', expected one of " + allowed);
          }
        });
    return entries;
  }

  private Node keyNode(String key) {
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode && ((ScalarNode) tuple.getKeyNode()).getValue().equals(key)) {
        return tuple.getKeyNode();
      }
    }
    return node;
  }

  /** The value under {@code key}, which must be present. */
  public DataNode required(String key) {
    return optional(key).orElseThrow(() -> error("missing required key '" + key + "'"));
  }

  public Optional<DataNode> optional(String key) {
    DataNode value = entries().get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    return Optional.of(value);
  }

  public boolean isNull() {
    return node instanceof ScalarNode && "tag:yaml.org,2002:null".equals(node.getTag().getValue());
  }

  /** The items of a sequence; a single scalar reads as a one-item list. */
  public List<DataNode> items() {
    List<DataNode> out = new ArrayList<>();
    if (node instanceof ScalarNode) {
      out.add(this);
      return out;
    }
    if (!(node instanceof SequenceNode)) {
      throw error("expected a list");
    }
    List<Node> values = ((SequenceNode) node).getValue();
    for (int i = 0; i < values.size(); i++) {
      out.add(new DataNode(values.get(i), source, path + "[" + i + "]"));
    }
    return out;
  }

  public String text() {
    if (!(node instanceof ScalarNode) || isNull()) {
      throw error("expected a text value");
    }
    String value = ((ScalarNode) node).getValue().strip();
    if (value.isEmpty()) {
      throw error("must not be empty");
    }
    return value;
  }

  public double number() {
    String text = text();
    try {
      double value = Double.parseDouble(text);
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw error("expected a finite number, was '" + text + "'");
      }
      return value;
    } catch (NumberFormatException e) {
      throw error("expected a number, was '" + text + "'");
    }
  }

  public int wholeNumber() {
    double value = number();
    if (value != Math.rint(value)) {
      throw error("expected a whole number, was " + text());
    }
    return (int) value;
  }
}
