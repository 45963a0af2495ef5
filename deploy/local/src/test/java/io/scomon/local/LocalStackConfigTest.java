package io.scomon.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackConfigTest {

  @Test
  void readsTheEnvironmentAndLetsOptionsWin() {
    LocalStackConfig config = LocalStackConfig.parse(new String[] {"--es-port", "19200", "--demo"},
        Map.of("SCOMON_DATA", "/var/tmp/x", "SCOMON_KAFKA_PORT", "19092", "SCOMON_ES_PORT", "9201"));

    assertThat(config.dataDir()).isEqualTo(Path.of("/var/tmp/x"));
    assertThat(config.kafkaPort()).isEqualTo(19092);
    assertThat(config.elasticsearchPort()).isEqualTo(19200);
    assertThat(config.apiPort()).isEqualTo(8080);
    assertThat(config.demo()).isTrue();
    assertThat(config.sourcesFile()).isNull();
    assertThat(config.health()).isEqualTo(LocalStackConfig.HealthPorts.DEFAULT);
  }

  @Test
  void freePortsAskForEveryPortToBePickedAtStart() {
    LocalStackConfig config = LocalStackConfig.parse(new String[] {"--free-ports"}, Map.of());

    assertThat(config.kafkaPort()).isZero();
    assertThat(config.elasticsearchPort()).isZero();
    assertThat(config.apiPort()).isZero();
    assertThat(config.health()).isEqualTo(new LocalStackConfig.HealthPorts(0, 0, 0));
  }

  @Test
  void refusesAPortThatIsNotANumberNamingTheSetting() {
    assertThatThrownBy(() -> LocalStackConfig.parse(new String[0], Map.of("SCOMON_KAFKA_PORT", "nine")))
        .hasMessage("SCOMON_KAFKA_PORT must be a port number, was 'nine'");
    assertThatThrownBy(() -> LocalStackConfig.parse(new String[] {"--api-port", "70000"}, Map.of()))
        .hasMessageContaining("--api-port must be a port between 1 and 65534");
  }

  @Test
  void refusesAnUnknownOptionListingTheKnownOnes() {
    assertThatThrownBy(() -> LocalStackConfig.parse(new String[] {"--verbose"}, Map.of()))
        .hasMessageContaining("unknown option --verbose").hasMessageContaining("--demo");
  }

  @Test
  void refusesASourcesFileThatCannotBeRead() {
    assertThatThrownBy(() -> LocalStackConfig.parse(new String[] {"--sources", "/nonexistent/sources.yml"}, Map.of()))
        .hasMessageContaining("/nonexistent/sources.yml cannot be read");
  }
}
