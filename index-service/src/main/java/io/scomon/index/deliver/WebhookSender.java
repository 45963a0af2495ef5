package io.scomon.index.deliver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * POSTs signed JSON to webhooks with {@link HttpClient#sendAsync}: no thread waits for a slow receiver,
 * so one webhook that hangs or fails never holds up another. Each attempt ends in a {@link SendOutcome}:
 * 2xx delivered; 408, 429 (with its Retry-After), 5xx (503 with its Retry-After), a timeout or a
 * connection error retryable; any other status permanent (redirects are not followed).
 */
final class WebhookSender {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String EVENT = "X-Scomon-Event";

  private final HttpClient client;
  private final Duration timeout;
  private final Clock clock;

  WebhookSender(HttpClient client, Duration timeout, Clock clock) {
    this.client = client;
    this.timeout = timeout;
    this.clock = clock;
  }

  static HttpClient client(Duration connectTimeout, Executor executor) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout)
        .executor(executor)
        .build();
  }

  /**
   * One attempt.
   *
   * @param event {@code alert} or {@code digest}, sent as {@code X-Scomon-Event}
   * @param idempotencyKey the alert id, or the digest id: the same on every attempt and after restarts
   */
  CompletableFuture<SendOutcome> post(String url, String secret, String idempotencyKey, String event, byte[] body) {
    if (secret == null || secret.isEmpty()) {
      return CompletableFuture.completedFuture(new SendOutcome.Permanent("the subscription has no webhookSecret"));
    }
    HttpRequest request;
    try {
      URI uri = URI.create(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        return CompletableFuture.completedFuture(new SendOutcome.Permanent("not an http(s) URL: " + url));
      }
      request = HttpRequest.newBuilder(uri)
          .timeout(timeout)
          .header("Content-Type", "application/json; charset=utf-8")
          .header("User-Agent", "scomon-index-deliver")
          .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, body))
          .header(IDEMPOTENCY_KEY, idempotencyKey)
          .header(EVENT, event)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(new SendOutcome.Permanent("invalid webhook URL " + url + ": "
          + e.getMessage()));
    }
    return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .handle((response, error) -> error == null
            ? outcomeOf(response.statusCode(), response.headers().firstValue("Retry-After"), clock)
            : outcomeOf(error));
  }

  /** The outcome of an answer. */
  static SendOutcome outcomeOf(int status, Optional<String> retryAfter, Clock clock) {
    if (status >= 200 && status < 300) {
      return new SendOutcome.Delivered("HTTP " + status);
    }
    if (status == 429 || status == 503) {
      return new SendOutcome.Retryable("HTTP " + status,
          retryAfter.flatMap(h -> RetryPolicy.parseRetryAfter(h, clock.instant())));
    }
    if (status == 408 || status >= 500) {
      return new SendOutcome.Retryable("HTTP " + status);
    }
    if (status >= 300 && status < 400) {
      return new SendOutcome.Permanent("HTTP " + status + " (redirects are not followed: register the final URL)");
    }
    return new SendOutcome.Permanent("HTTP " + status);
  }

  /** The outcome of a request that got no answer. */
  static SendOutcome outcomeOf(Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (e instanceof HttpConnectTimeoutException) {
      return new SendOutcome.Retryable("connect timeout");
    }
    if (e instanceof HttpTimeoutException) {
      return new SendOutcome.Retryable("timeout: no answer in time");
    }
    if (e instanceof IOException) {
      return new SendOutcome.Retryable("connection error: " + e);
    }
    return new SendOutcome.Permanent("cannot send: " + e);
  }
}
