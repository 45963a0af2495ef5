package io.scomon.index.admin;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.PluginStats;
import co.elastic.clients.elasticsearch.nodes.NodesInfoResponse;
import co.elastic.clients.elasticsearch.nodes.info.NodeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scomon.index.config.IndexConfig;
import io.scomon.index.document.IndexNames;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the index layout, idempotently: the templates (the article template chosen by the
 * cluster's analysis modules), the current month's article index (which carries the alias) and the
 * alerts index. Also recreates an index that was deleted while the service runs.
 */
public final class IndexLayout {

  private static final Logger LOG = LoggerFactory.getLogger(IndexLayout.class);

  private final ElasticsearchClient client;
  private final IndexTemplates templates;
  private final IndexConfig.Layout layout;
  private final Clock clock;

  public IndexLayout(ElasticsearchClient client, IndexTemplates templates, IndexConfig.Layout layout, Clock clock) {
    this.client = client;
    this.templates = templates;
    this.layout = layout;
    this.clock = clock;
  }

  /** Installs the layout, retrying while Elasticsearch does not answer, for at most {@code timeout}. */
  public ClusterCapabilities install(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long wait = 250;
    while (true) {
      try {
        return install();
      } catch (LayoutException e) {
        if (System.nanoTime() + wait * 1_000_000 > deadline) {
          throw e;
        }
        LOG.warn("cannot install the index layout yet, retrying in {} ms: {}", wait, e.getMessage());
        sleep(wait);
        wait = Math.min(wait * 2, 5_000);
      }
    }
  }

  /** Installs the layout once. */
  public ClusterCapabilities install() {
    ClusterCapabilities cluster = capabilities();
    for (Map.Entry<String, ObjectNode> template : templates.all(cluster, layout).entrySet()) {
      putTemplate(template.getKey(), template.getValue());
    }
    ensureIndex(IndexNames.monthlyArticles(clock.instant()));
    ensureIndex(IndexNames.ALERTS);
    LOG.info("index layout installed (analysis-common: {}, cjk analyzer: {})", cluster.hasAnalysisCommon(),
        cluster.cjkAnalyzer().orElse("none"));
    return cluster;
  }

  /** Modules and plugins that every node of the cluster has. */
  public ClusterCapabilities capabilities() {
    try {
      NodesInfoResponse info = client.nodes().info(n -> n.metric("plugins"));
      Set<String> modules = null;
      Set<String> plugins = null;
      for (NodeInfo node : info.nodes().values()) {
        Set<String> nodeModules = names(node.modules());
        Set<String> nodePlugins = names(node.plugins());
        if (modules == null) {
          modules = new HashSet<>(nodeModules);
          plugins = new HashSet<>(nodePlugins);
        } else {
          modules.retainAll(nodeModules);
          plugins.retainAll(nodePlugins);
        }
      }
      return modules == null ? ClusterCapabilities.MINIMAL : new ClusterCapabilities(modules, plugins);
    } catch (IOException | ElasticsearchException e) {
      throw new LayoutException("_nodes/plugins", "cannot read the cluster's modules: " + e.getMessage(), e);
    }
  }

  /** Creates the index if it does not exist; its template gives it mappings, settings and aliases. */
  public void ensureIndex(String index) {
    try {
      if (client.indices().exists(e -> e.index(index)).value()) {
        return;
      }
      client.indices().create(c -> c.index(index));
      LOG.info("created index {}", index);
    } catch (ElasticsearchException e) {
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw new LayoutException(index, "cannot create index: " + e.getMessage(), e);
      }
    } catch (IOException e) {
      throw new LayoutException(index, "cannot create index: " + e.getMessage(), e);
    }
  }

  private void putTemplate(String name, ObjectNode body) {
    try {
      client.indices().putIndexTemplate(t -> t.name(name).withJson(new StringReader(body.toString())));
    } catch (IOException | ElasticsearchException e) {
      throw new LayoutException(name, "cannot install index template: " + e.getMessage(), e);
    }
  }

  private static Set<String> names(java.util.List<PluginStats> plugins) {
    return plugins == null ? Set.of() : plugins.stream().map(PluginStats::name).collect(Collectors.toSet());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LayoutException("layout", "interrupted while installing the index layout", e);
    }
  }
}
