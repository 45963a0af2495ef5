package io.scomon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final URI URL = URI.create("https://news.example/a.html");
  private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofMinutes(1));

  private static FetchException http(FailureReason reason, int status, Duration retryAfter) {
    return new FetchException(reason, URL, status, retryAfter, "HTTP " + status, null);
  }

  @Test
  void serverErrorsAreRetriedWithExponentialBackoff() {
    FetchException e = http(FailureReason.HTTP_SERVER_ERROR, 503, null);

    assertThat(policy.next(e, 1)).contains(Duration.ofSeconds(2));
    assertThat(policy.next(e, 2)).contains(Duration.ofSeconds(4));
    assertThat(policy.next(e, 3)).contains(Duration.ofSeconds(8));
    assertThat(policy.next(e, 4)).isEmpty();
  }

  @Test
  void retryAfterIsHonouredUpToTheCap() {
    assertThat(policy.next(http(FailureReason.HTTP_RATE_LIMITED, 429, Duration.ofSeconds(30)), 1))
        .contains(Duration.ofSeconds(30));
    assertThat(policy.next(http(FailureReason.HTTP_RATE_LIMITED, 429, Duration.ofHours(3)), 1))
        .contains(Duration.ofMinutes(1));
  }

  @Test
  void permanentFailuresAreNotRetried() {
    assertThat(policy.next(http(FailureReason.HTTP_CLIENT_ERROR, 404, null), 1)).isEmpty();
    assertThat(policy.next(new FetchException(FailureReason.BODY_TOO_LARGE, URL, "too big"), 1)).isEmpty();
    assertThat(policy.next(new FetchException(FailureReason.BLOCKED_ADDRESS, URL, "10.0.0.5"), 1)).isEmpty();
  }

  @Test
  void theMetricTagCarriesTheExactStatus() {
    assertThat(http(FailureReason.HTTP_CLIENT_ERROR, 410, null).tag()).isEqualTo("http-410");
    assertThat(new FetchException(FailureReason.REDIRECT_LOOP, URL, "loop").tag()).isEqualTo("redirect-loop");
  }
}
