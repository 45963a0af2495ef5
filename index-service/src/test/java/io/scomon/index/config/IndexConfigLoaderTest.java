package io.scomon.index.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexConfigLoaderTest {

  @Test
  void defaultsDescribeALocalSingleNodeSetup() {
    IndexConfig config = IndexConfigLoader.load(Map.of(), Map.of());

    assertThat(config.kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(config.elasticsearch().url()).isEqualTo(URI.create("http://127.0.0.1:9200"));
    assertThat(config.bulk().maxActions()).isEqualTo(1000);
    assertThat(config.bulk().maxBytes()).isEqualTo(5L * 1024 * 1024);
    assertThat(config.bulk().flushInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.bulk().maxConcurrentRequests()).isEqualTo(2);
    assertThat(config.http().port()).isEqualTo(9464);
  }

  @Test
  void environmentVariablesOverrideDefaultsByUpperCaseName() {
    IndexConfig config = IndexConfigLoader.load(Map.of(
        "INDEX_BULK_MAX_ACTIONS", "250",
        "INDEX_BULK_MAX_BYTES", "512kb",
        "INDEX_BULK_FLUSH_INTERVAL", "250ms",
        "INDEX_ELASTICSEARCH_URL", "http://es.internal:9200"), Map.of());

    assertThat(config.bulk().maxActions()).isEqualTo(250);
    assertThat(config.bulk().maxBytes()).isEqualTo(512 * 1024);
    assertThat(config.bulk().flushInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.elasticsearch().url().getHost()).isEqualTo("es.internal");
  }

  @Test
  void systemPropertiesWinOverTheEnvironment() {
    IndexConfig config = IndexConfigLoader.load(Map.of("INDEX_HTTP_PORT", "9000"), Map.of("index.http.port", "9001"));

    assertThat(config.http().port()).isEqualTo(9001);
  }

  @Test
  void aValueThatIsNotANumberFailsWithTheKeyAndTheVariableItCameFrom() {
    assertThatThrownBy(() -> IndexConfigLoader.load(Map.of("INDEX_BULK_MAX_ACTIONS", "lots"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("index.bulk.max-actions")
        .hasMessageContaining("'lots'")
        .hasMessageContaining("INDEX_BULK_MAX_ACTIONS")
        .extracting(e -> ((ConfigException) e).key()).isEqualTo("index.bulk.max-actions");
  }

  @Test
  void zeroConcurrentRequestsIsRefused() {
    assertThatThrownBy(() -> IndexConfigLoader.load(Map.of(), Map.of("index.bulk.max-concurrent-requests", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("index.bulk.max-concurrent-requests: must be at least 1");
  }

  @Test
  void aDurationWithoutUnitIsRefused() {
    assertThatThrownBy(() -> IndexConfigLoader.load(Map.of("INDEX_BULK_FLUSH_INTERVAL", "5"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("index.bulk.flush-interval: must be a duration such as 500ms");
  }

  @Test
  void anElasticsearchUrlWithoutSchemeIsRefused() {
    assertThatThrownBy(() -> IndexConfigLoader.load(Map.of("INDEX_ELASTICSEARCH_URL", "localhost:9200"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("index.elasticsearch.url: must be an http(s) URL");
  }

  @Test
  void aPortOutOfRangeIsRefused() {
    assertThatThrownBy(() -> IndexConfigLoader.load(Map.of("INDEX_HTTP_PORT", "70000"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("index.http.port: must be a TCP port");
  }

  @Test
  void aMisspelledKeyIsRefusedRatherThanIgnored() {
    assertThatThrownBy(() -> IndexConfigLoader.load(Map.of(), Map.of("index.bulk.max-action", "10")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("index.bulk.max-action: unknown key");
  }
}
