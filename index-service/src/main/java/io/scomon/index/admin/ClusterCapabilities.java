package io.scomon.index.admin;

import java.util.Optional;
import java.util.Set;

/**
 * What the Elasticsearch cluster can analyse, from the modules and plugins every node has
 * ({@code GET _nodes/plugins}). The integ-test build has neither {@code analysis-common} nor any
 * analysis plugin; the full distribution has {@code analysis-common}.
 *
 * @param modules modules installed on every node
 * @param plugins plugins installed on every node
 */
public record ClusterCapabilities(Set<String> modules, Set<String> plugins) {

  /** A cluster with the standard analyzer only (the minimal build the tests run). */
  public static final ClusterCapabilities MINIMAL = new ClusterCapabilities(Set.of(), Set.of());

  public ClusterCapabilities {
    modules = Set.copyOf(modules);
    plugins = Set.copyOf(plugins);
  }

  /** The analysis-common module: english, russian and cjk analyzers. */
  public boolean hasAnalysisCommon() {
    return modules.contains("analysis-common") || plugins.contains("analysis-common");
  }

  /** Analyzer of the {@code english} sub-fields, if the cluster has one. */
  public Optional<String> englishAnalyzer() {
    return hasAnalysisCommon() ? Optional.of("english") : Optional.empty();
  }

  /** Analyzer of the {@code russian} sub-fields, if the cluster has one. */
  public Optional<String> russianAnalyzer() {
    return hasAnalysisCommon() ? Optional.of("russian") : Optional.empty();
  }

  /** Analyzer of the {@code cjk} sub-fields: smartcn (word segmentation for Chinese) when installed, else bigram cjk. */
  public Optional<String> cjkAnalyzer() {
    if (plugins.contains("analysis-smartcn") || modules.contains("analysis-smartcn")) {
      return Optional.of("smartcn");
    }
    return hasAnalysisCommon() ? Optional.of("cjk") : Optional.empty();
  }
}
