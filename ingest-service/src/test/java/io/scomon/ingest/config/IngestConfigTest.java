package io.scomon.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

  @Test
  void defaultsFileGivesEveryValue() {
    IngestConfig c = ConfigLoader.load(Map.of(), Map.of());

    assertThat(c.kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(c.sources().file()).isEqualTo("classpath:sources/sources.yml");
    assertThat(c.fetch().timeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(c.fetch().maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
    assertThat(c.fetch().maxRedirects()).isEqualTo(5);
    assertThat(c.fetch().userAgent()).startsWith("SCOMonitor/0.1 (+https://github.com/scomon)");
    assertThat(c.fetch().robotsAgent()).isEqualTo("scomonitor");
    assertThat(c.politeness().minDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.http().host()).isEqualTo("127.0.0.1");
    assertThat(c.http().port()).isEqualTo(8081);
  }

  @Test
  void environmentVariablesOverrideTheDefaults() {
    IngestConfig c = ConfigLoader.load(Map.of(), Map.of(
        "INGEST_FETCH_TIMEOUT", "45s", "INGEST_FETCH_MAX_BODY_BYTES", "2048", "INGEST_POLITENESS_MIN_DELAY", "0"));

    assertThat(c.fetch().timeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(c.fetch().maxBodyBytes()).isEqualTo(2048);
    assertThat(c.politeness().minDelay()).isZero();
  }

  @Test
  void explicitOverridesWinOverTheEnvironment() {
    IngestConfig c = ConfigLoader.load(Map.of("ingest.fetch.timeout", "3s"), Map.of("INGEST_FETCH_TIMEOUT", "45s"));

    assertThat(c.fetch().timeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aBadDurationFailsWithTheKeyName() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("INGEST_FETCH_TIMEOUT", "soon")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("ingest.fetch.timeout: 'soon' is not a duration")
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("ingest.fetch.timeout"));
  }

  @Test
  void aNumberOutOfRangeFailsWithTheKeyName() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("ingest.fetch.max-redirects", "99"), Map.of()))
        .hasMessageStartingWith("ingest.fetch.max-redirects: 99 is outside 0..20");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("ingest.http.port", "eighty"), Map.of()))
        .hasMessageStartingWith("ingest.http.port: 'eighty' is not a whole number");
  }

  @Test
  void aDeadlineShorterThanTheReadTimeoutIsRefused() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("ingest.fetch.deadline", "5s"), Map.of()))
        .hasMessageStartingWith("ingest.fetch.deadline: must be at least 20s");
  }

  @Test
  void anUnknownKeyIsRefusedRatherThanIgnored() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("ingest.fetch.timout", "3s"), Map.of()))
        .hasMessageStartingWith("ingest.fetch.timout: unknown override key");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("INGEST_FETCH_TIMOUT", "3s")))
        .hasMessageStartingWith("INGEST_FETCH_TIMOUT: unknown environment variable");
  }

  @Test
  void durationsReadTheUsualShortForms() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(Durations.parse("PT10S")).isEqualTo(Duration.ofSeconds(10));
  }
}
