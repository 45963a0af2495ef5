package io.scomon.enrich.tag;

import io.scomon.enrich.text.InvalidDataFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The topic rules the tagger applies, read from a versioned YAML file (see {@code taxonomy.yml}). */
public record Taxonomy(String version, List<Topic> topics) {

  /** The taxonomy shipped in the jar. */
  public static final String DEFAULT_RESOURCE = "/taxonomy.yml";

  public Taxonomy {
    topics = List.copyOf(topics);
  }

  /** Reads a taxonomy file; a bad file fails with an {@link InvalidDataFileException} naming the line. */
  public static Taxonomy load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read taxonomy " + file, e);
    }
  }

  /** Reads a taxonomy from a stream; {@code source} names it in error messages. */
  public static Taxonomy load(InputStream in, String source) {
    return TaxonomyReader.read(in, source);
  }

  /** The taxonomy shipped in the jar ({@value #DEFAULT_RESOURCE}). */
  public static Taxonomy loadDefault() {
    try (InputStream in = Taxonomy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing from the classpath");
      }
      return load(in, DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  public Optional<Topic> topic(String name) {
    return topics.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
