package io.scomon.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * Every version of every message schema that was ever shipped, read from the jar
 * ({@code io/scomon/schemas/history/INDEX} lists {@code Name/vN.avsc} files, oldest first).
 *
 * <p>A reader decodes a message written with any version listed here: the fingerprint in the
 * message picks the writer schema, and Avro resolves it to the reader's schema.
 */
public final class SchemaHistory {

  private static final String ROOT = "/io/scomon/schemas/history/";

  private final Map<String, List<Schema>> versionsByName;
  private final SchemaStore.Cache store = new SchemaStore.Cache();

  private SchemaHistory(Map<String, List<Schema>> versionsByName) {
    this.versionsByName = versionsByName;
    versionsByName.values().forEach(versions -> versions.forEach(store::addSchema));
  }

  /** Loads the history shipped in this jar. */
  public static SchemaHistory shipped() {
    Map<String, List<Schema>> versions = new LinkedHashMap<>();
    for (String entry : readIndex()) {
      String name = entry.substring(0, entry.indexOf('/'));
      versions.computeIfAbsent(name, n -> new ArrayList<>()).add(parse(entry));
    }
    versions.replaceAll((name, list) -> Collections.unmodifiableList(list));
    return new SchemaHistory(Collections.unmodifiableMap(versions));
  }

  /** A history made of the given versions (tests, tools); {@link #shipped()} is what services use. */
  public static SchemaHistory of(Map<String, List<Schema>> versionsByName) {
    Map<String, List<Schema>> copy = new LinkedHashMap<>();
    versionsByName.forEach((name, versions) -> copy.put(name, List.copyOf(versions)));
    return new SchemaHistory(Collections.unmodifiableMap(copy));
  }

  /** The store the decoders consult to find a writer schema by its fingerprint. */
  public SchemaStore store() {
    return store;
  }

  /** Message names (simple record names) that have a history, e.g. {@code Article}. */
  public List<String> names() {
    return List.copyOf(versionsByName.keySet());
  }

  /** Every version of one message, oldest first. */
  public List<Schema> versions(String name) {
    List<Schema> versions = versionsByName.get(name);
    if (versions == null) {
      throw new IllegalArgumentException("no schema history for message " + name + "; known: " + names());
    }
    return versions;
  }

  /** The 64-bit CRC fingerprint that single-object encoding writes in every message. */
  public static long fingerprint(Schema schema) {
    return SchemaNormalization.parsingFingerprint64(schema);
  }

  static List<String> readIndex() {
    try (InputStream in = SchemaHistory.class.getResourceAsStream(ROOT + "INDEX")) {
      if (in == null) {
        throw new IllegalStateException("schema history index " + ROOT + "INDEX missing from the classpath");
      }
      List<String> entries = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String entry = line.strip();
        if (!entry.isEmpty() && !entry.startsWith("#")) {
          entries.add(entry);
        }
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the schema history index", e);
    }
  }

  private static Schema parse(String entry) {
    try (InputStream in = SchemaHistory.class.getResourceAsStream(ROOT + entry)) {
      if (in == null) {
        throw new IllegalStateException("schema history lists " + entry + " but the file is missing");
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + entry, e);
    }
  }
}
