package io.scomon.local;

import io.scomon.infra.InfraException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The demo's sample subscription, created through the API as a user would (kept when it exists). */
final class DemoSubscription {

  static final String ID = "demo-afghanistan";

  private DemoSubscription() {}

  static void ensure(String apiUrl, String token, String webhookUrl, String secret) {
    HttpClient http = HttpClient.newHttpClient();
    String body = """
        {"id": "%s", "owner": "demo@scomon.local", "name": "Afghanistan in SCO coverage",
         "query": "Afghanistan OR Афганистан OR 阿富汗",
         "delivery": {"webhookUrl": "%s", "webhookSecret": "%s"}, "maxAlertsPerHour": 100}"""
        .formatted(ID, webhookUrl, secret);
    try {
      HttpResponse<String> existing = http.send(HttpRequest.newBuilder(URI.create(apiUrl + "/subscriptions/" + ID))
          .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
      HttpRequest.Builder request = existing.statusCode() == 200
          ? HttpRequest.newBuilder(URI.create(apiUrl + "/subscriptions/" + ID)).PUT(HttpRequest.BodyPublishers.ofString(body))
          : HttpRequest.newBuilder(URI.create(apiUrl + "/subscriptions")).POST(HttpRequest.BodyPublishers.ofString(body));
      HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new InfraException("the API refused the demo subscription: " + response.statusCode() + " " + response.body());
      }
    } catch (IOException e) {
      throw new InfraException("cannot reach the subscriptions API at " + apiUrl + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfraException("interrupted", e);
    }
  }
}
