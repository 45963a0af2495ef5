package io.scomon.index.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;

/** Small helpers shared by the document mappers: ECS url fields, dates, arrays. */
final class JsonDocuments {

  private JsonDocuments() {}

  static byte[] bytes(ObjectMapper mapper, ObjectNode node) {
    try {
      return mapper.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a document tree: " + e.getMessage(), e);
    }
  }

  static void putDate(ObjectNode node, String field, Instant instant) {
    if (instant != null) {
      node.put(field, instant.toString());
    }
  }

  static void putIfNotNull(ObjectNode node, String field, String value) {
    if (value != null && !value.isBlank()) {
      node.put(field, value);
    }
  }

  static ArrayNode strings(ObjectNode node, String field, Collection<String> values) {
    ArrayNode array = node.putArray(field);
    values.forEach(array::add);
    return array;
  }

  /** ECS {@code url.*}: full URL, and its domain and path when it parses. */
  static ObjectNode url(ObjectNode root, String full) {
    ObjectNode url = root.putObject("url");
    url.put("full", full);
    try {
      URI uri = URI.create(full.strip());
      if (uri.getHost() != null) {
        url.put("domain", uri.getHost().toLowerCase(Locale.ROOT));
      }
      if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
        url.put("path", uri.getRawPath());
      }
    } catch (IllegalArgumentException e) {
      // not a parseable URI: keep url.full as given, without domain and path
    }
    return url;
  }
}
