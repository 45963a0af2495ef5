package io.scomon.index.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** What a webhook answer or an SMTP error leads to, and how long the next attempt waits. */
class RetryDecisionsTest {

  private static final Instant NOW = Instant.parse("2025-06-04T09:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private final RetryPolicy policy = new RetryPolicy(new DeliveryConfig.Retry(Duration.ofSeconds(1),
      Duration.ofSeconds(30), 5, Duration.ofMinutes(10)));

  @Test
  void twoHundredsAreDeliveredAndFiveHundredsRetried() {
    assertThat(WebhookSender.outcomeOf(204, Optional.empty(), CLOCK)).isInstanceOf(SendOutcome.Delivered.class);
    assertThat(WebhookSender.outcomeOf(500, Optional.empty(), CLOCK)).isEqualTo(new SendOutcome.Retryable("HTTP 500"));
    assertThat(WebhookSender.outcomeOf(502, Optional.empty(), CLOCK)).isEqualTo(new SendOutcome.Retryable("HTTP 502"));
    assertThat(WebhookSender.outcomeOf(408, Optional.empty(), CLOCK)).isEqualTo(new SendOutcome.Retryable("HTTP 408"));
  }

  @Test
  void aClientErrorOtherThan408Or429IsPermanentAndNotRetried() {
    SendOutcome notFound = WebhookSender.outcomeOf(404, Optional.empty(), CLOCK);
    SendOutcome gone = WebhookSender.outcomeOf(410, Optional.empty(), CLOCK);
    SendOutcome redirect = WebhookSender.outcomeOf(301, Optional.empty(), CLOCK);

    assertThat(notFound).isEqualTo(new SendOutcome.Permanent("HTTP 404"));
    assertThat(gone).isInstanceOf(SendOutcome.Permanent.class);
    assertThat(redirect).isInstanceOf(SendOutcome.Permanent.class);
    assertThat(policy.nextDelay(notFound, 1)).isEmpty();
  }

  @Test
  void tooManyRequestsWaitsAsLongAsRetryAfterSaysInSeconds() {
    SendOutcome outcome = WebhookSender.outcomeOf(429, Optional.of("7"), CLOCK);

    assertThat(outcome).isEqualTo(new SendOutcome.Retryable("HTTP 429", Optional.of(Duration.ofSeconds(7))));
    assertThat(policy.nextDelay(outcome, 1)).contains(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterAsAnHttpDateWaitsUntilThatDate() {
    SendOutcome outcome = WebhookSender.outcomeOf(503, Optional.of("Wed, 04 Jun 2025 09:02:00 GMT"), CLOCK);

    assertThat(policy.nextDelay(outcome, 3)).contains(Duration.ofMinutes(2));
  }

  @Test
  void aRetryAfterLongerThanTheMaximumIsCapped() {
    SendOutcome outcome = WebhookSender.outcomeOf(429, Optional.of("86400"), CLOCK);

    assertThat(policy.nextDelay(outcome, 1)).contains(Duration.ofMinutes(10));
  }

  @Test
  void anUnreadableOrPastRetryAfterFallsBackToBackoffOrNoWait() {
    assertThat(RetryPolicy.parseRetryAfter("soon", NOW)).isEmpty();
    assertThat(RetryPolicy.parseRetryAfter("Wed, 04 Jun 2025 08:00:00 GMT", NOW)).contains(Duration.ZERO);
    SendOutcome unreadable = WebhookSender.outcomeOf(429, Optional.of("soon"), CLOCK);
    assertThat(policy.nextDelay(unreadable, 1).orElseThrow()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void backoffDoublesWithJitterUpToTheMaximumThenGivesUpAfterMaxAttempts() {
    SendOutcome error = new SendOutcome.Retryable("HTTP 500");

    assertThat(policy.nextDelay(error, 1).orElseThrow()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(policy.nextDelay(error, 2).orElseThrow()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(policy.nextDelay(error, 4).orElseThrow()).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    assertThat(policy.nextDelay(error, 5)).isEmpty();
  }

  @Test
  void timeoutsAndConnectionErrorsAreRetried() {
    assertThat(WebhookSender.outcomeOf(new CompletionException(new HttpTimeoutException("request timed out"))))
        .isEqualTo(new SendOutcome.Retryable("timeout: no answer in time"));
    assertThat(WebhookSender.outcomeOf(new HttpConnectTimeoutException("connect timed out")))
        .isEqualTo(new SendOutcome.Retryable("connect timeout"));
    assertThat(WebhookSender.outcomeOf(new ConnectException("Connection refused")))
        .isInstanceOf(SendOutcome.Retryable.class);
  }

  @Test
  void smtpRefusalsAreSortedIntoPermanentAndRetryable() {
    MessagingException rejected = new SMTPSendFailedException("DATA", 550, "550 mailbox unavailable", null, null, null,
        null);
    MessagingException greylisted = new SMTPSendFailedException("DATA", 451, "451 try again later", null, null, null,
        null);
    MessagingException unreachable = new MessagingException("Couldn't connect to host",
        new ConnectException("Connection refused"));

    assertThat(EmailSender.outcomeOf(rejected)).isEqualTo(new SendOutcome.Permanent("SMTP 550: 550 mailbox unavailable"));
    assertThat(EmailSender.outcomeOf(greylisted)).isInstanceOf(SendOutcome.Retryable.class);
    assertThat(EmailSender.outcomeOf(unreachable)).isInstanceOf(SendOutcome.Retryable.class);
    assertThat(EmailSender.outcomeOf(unreachable).detail()).contains("Connection refused");
    assertThat(EmailSender.outcomeOf(new AddressException("Missing final '@domain'", "analyst")))
        .isInstanceOf(SendOutcome.Permanent.class);
  }

  @Test
  void anIoErrorWithoutAnSmtpCodeIsRetried() {
    assertThat(EmailSender.outcomeOf(new MessagingException("Exception reading response", new IOException("reset"))))
        .isInstanceOf(SendOutcome.Retryable.class);
  }
}
