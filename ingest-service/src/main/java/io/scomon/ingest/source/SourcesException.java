package io.scomon.ingest.source;

import java.util.List;

/** sources.yml is unreadable or invalid; {@link #problems()} names the source and key of each problem. */
public final class SourcesException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public SourcesException(String origin, List<String> problems) {
    super(origin + " is invalid:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public SourcesException(String origin, String problem, Throwable cause) {
    super(origin + " is invalid: " + problem, cause);
    this.problems = List.of(problem);
  }

  public List<String> problems() {
    return problems;
  }
}
