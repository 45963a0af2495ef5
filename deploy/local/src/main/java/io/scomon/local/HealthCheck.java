package io.scomon.local;

import io.scomon.infra.InfraException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Waits for a service's {@code /health/ready}, and explains a service that died on the way. */
final class HealthCheck {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private HealthCheck() {}

  static void awaitReady(ChildProcess process, int port, Duration timeout) {
    HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
        .timeout(Duration.ofSeconds(3)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new InfraException(process.name() + " stopped while starting. Last lines of " + process.log() + ":\n  "
            + process.tail(25));
      }
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InfraException("interrupted while waiting for " + process.name(), e);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InfraException("interrupted while waiting for " + process.name(), e);
      }
    }
    throw new InfraException(process.name() + " was not ready within " + timeout.toSeconds() + " s; see " + process.log()
        + ":\n  " + process.tail(25));
  }
}
