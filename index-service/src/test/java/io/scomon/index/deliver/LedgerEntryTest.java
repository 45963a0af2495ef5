package io.scomon.index.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scomon.index.sink.SourceRecord;
import io.scomon.schemas.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerEntryTest {

  private static final Instant T0 = Instant.parse("2025-06-04T09:05:04Z");

  @Test
  void aDeliveredEntryKeepsStatusAttemptsTimesAndTheAlertSummary() throws Exception {
    Alert alert = Alerts.contactGroup("sub-1");
    LedgerEntry entry = LedgerEntry.pending(alert, Channel.WEBHOOK, false,
            new SourceRecord("scomon.alerts", 2, 41, alert.getId().getBytes(StandardCharsets.UTF_8), new byte[] {0, 1, 2}),
            T0)
        .attempted(2, "HTTP 500", T0.plusSeconds(1))
        .delivered(3, T0.plusSeconds(5));

    Map<String, Object> doc = entry.toDocument();

    assertThat(entry.id()).isEqualTo(alert.getId() + ":webhook");
    assertThat(doc).containsEntry("status", "delivered").containsEntry("attempts", 3)
        .containsEntry("subscriptionId", "sub-1").containsEntry("channel", "webhook").containsEntry("mode", "instant")
        .containsEntry("lastError", "HTTP 500").containsEntry("deliveredAt", "2025-06-04T09:05:09Z")
        .containsEntry("recordedAt", "2025-06-04T09:05:04Z");
    // through JSON, as Elasticsearch returns it
    ObjectMapper mapper = new ObjectMapper();
    Map<String, Object> back = mapper.readValue(mapper.writeValueAsBytes(doc), new TypeReference<>() {});
    LedgerEntry read = LedgerEntry.fromDocument(back);
    assertThat(read.alert()).isEqualTo(alert);
    assertThat(read.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(read.attempts()).isEqualTo(3);
    assertThat(read.source().offset()).isEqualTo(41);
    assertThat(read.source().value()).containsExactly(0, 1, 2);
    assertThat(new String(read.source().key(), StandardCharsets.UTF_8)).isEqualTo(alert.getId());
  }

  @Test
  void aSkippedEntrySaysWhy() {
    LedgerEntry skipped = LedgerEntry.pending(Alerts.contactGroup("sub-9"), Channel.ALL, false, null, T0)
        .skipped("subscription deleted", T0);

    assertThat(skipped.toDocument()).containsEntry("status", "skipped")
        .containsEntry("lastError", "skipped: subscription deleted").containsEntry("channel", "all");
    assertThat(skipped.status().settled()).isTrue();
  }
}
