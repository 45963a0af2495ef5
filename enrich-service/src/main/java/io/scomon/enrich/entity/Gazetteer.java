package io.scomon.enrich.entity;

import io.scomon.enrich.text.DataNode;
import io.scomon.enrich.text.InvalidDataFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entities to look for, read from a versioned YAML file ({@code gazetteer.yml}) with four
 * sections, {@code countries} (keyed by ISO code), {@code places}, {@code organizations} and
 * {@code people} (keyed by slug). A bad file fails with an {@link InvalidDataFileException} naming
 * the line.
 */
public record Gazetteer(String version, List<GazetteerEntry> entries) {

  public static final String DEFAULT_RESOURCE = "/gazetteer.yml";

  private static final Set<String> ISO_COUNTRIES = Set.of(java.util.Locale.getISOCountries());
  private static final List<String> ROOT_KEYS = List.of("version", "countries", "places", "organizations", "people");
  private static final List<String> ENTRY_KEYS = List.of("name", "country", "lat", "lon", "aliases");
  private static final Set<String> LANGUAGES = Set.of("en", "ru", "zh");

  public Gazetteer {
    entries = List.copyOf(entries);
  }

  public static Gazetteer load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gazetteer " + file, e);
    }
  }

  public static Gazetteer load(InputStream in, String source) {
    DataNode root = DataNode.read(in, source);
    root.entries(ROOT_KEYS);
    String version = root.required("version").text();
    List<GazetteerEntry> entries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    section(root, "countries", EntityType.COUNTRY, entries, ids);
    section(root, "places", EntityType.PLACE, entries, ids);
    section(root, "organizations", EntityType.ORGANIZATION, entries, ids);
    section(root, "people", EntityType.PERSON, entries, ids);
    return new Gazetteer(version, entries);
  }

  /** The gazetteer shipped in the jar ({@value #DEFAULT_RESOURCE}). */
  public static Gazetteer loadDefault() {
    try (InputStream in = Gazetteer.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing from the classpath");
      }
      return load(in, DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  private static void section(DataNode root, String key, EntityType type, List<GazetteerEntry> out, Set<String> ids) {
    if (root.optional(key).isEmpty()) {
      return;
    }
    for (Map.Entry<String, DataNode> item : root.required(key).entries().entrySet()) {
      String id = item.getKey();
      DataNode spec = item.getValue();
      spec.entries(ENTRY_KEYS);
      if (!ids.add(id)) {
        throw spec.error("id '" + id + "' is used twice");
      }
      String country = type == EntityType.COUNTRY ? id : spec.optional("country").map(DataNode::text).orElse(null);
      if (country != null && !ISO_COUNTRIES.contains(country)) {
        throw spec.error("'" + country + "' is not an ISO 3166 alpha-2 country code");
      }
      Double lat = spec.optional("lat").map(n -> coordinate(n, 90)).orElse(null);
      Double lon = spec.optional("lon").map(n -> coordinate(n, 180)).orElse(null);
      if ((lat == null) != (lon == null)) {
        throw spec.error("give both 'lat' and 'lon' or neither");
      }
      if (type == EntityType.PLACE && lat == null) {
        throw spec.error("a place needs 'lat' and 'lon'");
      }
      String name = spec.required("name").text();
      List<String> aliases = new ArrayList<>();
      aliases.add(name);
      spec.optional("aliases").ifPresent(byLang -> byLang.entries().forEach((lang, list) -> {
        if (!LANGUAGES.contains(lang)) {
          throw list.error("unknown language '" + lang + "', expected one of " + LANGUAGES.stream().sorted().toList());
        }
        list.items().forEach(alias -> aliases.add(alias.text()));
      }));
      out.add(new GazetteerEntry(type, id, name, country, lat, lon, aliases));
    }
  }

  private static double coordinate(DataNode node, double bound) {
    double value = node.number();
    if (value < -bound || value > bound) {
      throw node.error("must be between " + -bound + " and " + bound + ", was " + value);
    }
    return value;
  }
}
