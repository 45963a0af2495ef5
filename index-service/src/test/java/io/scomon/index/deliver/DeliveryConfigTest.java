package io.scomon.index.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scomon.index.config.ConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryConfigTest {

  @Test
  void theDefaultsFileDeclaresEveryDeliveryKey() {
    DeliveryConfig config = DeliveryConfig.load(Map.of(), Map.of());

    assertThat(config.groupId()).isEqualTo("scomon-deliver");
    assertThat(config.ledgerIndex()).isEqualTo("scomon-deliveries");
    assertThat(config.retry().maxAttempts()).isEqualTo(8);
    assertThat(config.email().username()).isEmpty();
    assertThat(config.email().from().getAddress()).isEqualTo("alerts@scomon.invalid");
    assertThat(config.digest().minute()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void theEnvironmentAndSystemPropertiesOverrideTheDefaultsInThatOrder() {
    DeliveryConfig config = DeliveryConfig.load(
        Map.of("INDEX_DELIVER_EMAIL_SMTP_PORT", "2525", "INDEX_DELIVER_DIGEST_MINUTE", "2s"),
        Map.of("index.deliver.digest.minute", "1s", "index.deliver.email.username", "mailer"));

    assertThat(config.email().smtpPort()).isEqualTo(2525);
    assertThat(config.digest().minute()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.email().username()).contains("mailer");
  }

  @Test
  void aBadValueFailsWithTheKeyAndWhereItCameFrom() {
    assertThatThrownBy(() -> DeliveryConfig.load(Map.of("INDEX_DELIVER_RETRY_MAX_BACKOFF", "forever"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("index.deliver.retry.max-backoff")
        .hasMessageContaining("INDEX_DELIVER_RETRY_MAX_BACKOFF");
    assertThatThrownBy(() -> DeliveryConfig.load(Map.of(), Map.of("index.deliver.email.from", "not an address@")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("index.deliver.email.from");
    assertThatThrownBy(() -> DeliveryConfig.load(Map.of(), Map.of("index.deliver.ledger.index", "Deliveries")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("index.deliver.ledger.index");
  }
}
