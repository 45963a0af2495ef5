package io.scomon.index.deliver;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Scomon-Signature} header: {@code sha256=} and the lower-case hex HMAC-SHA256 of the exact
 * body bytes, keyed with the subscription's {@code webhookSecret} (UTF-8). A receiver recomputes it over
 * the raw body it received and compares in constant time.
 */
final class WebhookSignature {

  static final String HEADER = "X-Scomon-Signature";
  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSignature() {}

  static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
