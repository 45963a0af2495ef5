package io.scomon.index.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void signsTheBodyWithHmacSha256AsRfc4231TestCaseTwo() {
    byte[] body = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);

    assertThat(WebhookSignature.sign("Jefe", body))
        .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void matchesTheWellKnownGithubWebhookExample() {
    byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    assertThat(WebhookSignature.sign("It's a Secret to Everybody", body))
        .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
  }

  @Test
  void oneChangedByteOfTheBodyChangesTheSignature() {
    byte[] body = "{\"id\":\"sub-1:abc\"}".getBytes(StandardCharsets.UTF_8);
    byte[] tampered = "{\"id\":\"sub-1:abd\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(WebhookSignature.sign(Alerts.SECRET, body)).isNotEqualTo(WebhookSignature.sign(Alerts.SECRET, tampered))
        .matches("sha256=[0-9a-f]{64}");
  }
}
