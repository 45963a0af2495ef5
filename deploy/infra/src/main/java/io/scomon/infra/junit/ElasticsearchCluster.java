package io.scomon.infra.junit;

/** The Elasticsearch a test talks to. Injected as a test or lifecycle method parameter. */
public interface ElasticsearchCluster {

  /** Base URL of the HTTP API, e.g. {@code http://127.0.0.1:9200}. */
  String httpUrl();
}
