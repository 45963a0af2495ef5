package io.scomon.ingest.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The validated sources, in file order, looked up by id. */
public record SourceList(List<Source> sources) {

  public SourceList {
    sources = List.copyOf(sources);
  }

  public Optional<Source> byId(String id) {
    return sources.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Map<String, Source> asMap() {
    Map<String, Source> m = new LinkedHashMap<>();
    sources.forEach(s -> m.put(s.id(), s));
    return m;
  }

  public int size() {
    return sources.size();
  }
}
