package io.scomon.index.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.scomon.schemas.Alert;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailRendererTest {

  private final EmailRenderer renderer = new EmailRenderer();

  @Test
  void anInstantMailNamesTheSubscriptionAndTitleAndCarriesLinkSnippetAndMatchedTerms() {
    Alert alert = Alerts.contactGroup("sub-42");

    MailContent mail = renderer.instant(alert);

    assertThat(mail.subject())
        .isEqualTo("[SCO Monitor] Narcotics in Central Asia: SCO-Afghanistan Contact Group discusses drug trafficking");
    assertThat(mail.text()).startsWith("SCO-Afghanistan Contact Group discusses drug trafficking\n"
        + "https://eng.sectsco.org/news/20250604/contact-group.html\n"
        + "stressed the threat of terrorism and **opium** **trafficking** from Afghanistan\n"
        + "Matched: opium, trafficking\n"
        + "Source: sco-secretariat | Language: en | Published: 2025-06-04 09:00 UTC\n"
        + "Topics: narcotics, afghanistan\n");
    assertThat(mail.text()).contains("Subscription: Narcotics in Central Asia (sub-42)")
        .contains("Alert id: " + alert.getId());
  }

  @Test
  void aLongTitleIsShortenedInTheSubjectOnlyAndLineBreaksDropped() {
    Alert alert = Alerts.alert("sub-1", "https://example.org/long", "Very long headline\n" + "x".repeat(300));

    MailContent mail = renderer.instant(alert);

    assertThat(mail.subject()).doesNotContain("\n").hasSizeLessThan(200).endsWith("…");
    assertThat(mail.text()).contains("x".repeat(300));
  }

  @Test
  void aDigestCountsAndListsEveryAlertWithItsLinkAndSnippet() {
    List<Alert> alerts = List.of(
        Alerts.alert("sub-7", "https://example.org/a", "First story"),
        Alerts.alert("sub-7", "https://example.org/b", "Second story"),
        Alerts.alert("sub-7", "https://example.org/c", "Third story"));

    MailContent mail = renderer.digest("Narcotics in Central Asia", "sub-7", alerts,
        Instant.parse("2025-06-04T08:00:00Z"));

    assertThat(mail.subject()).isEqualTo("[SCO Monitor] Narcotics in Central Asia: 3 new alerts");
    assertThat(mail.text())
        .startsWith("3 new alerts for Narcotics in Central Asia since 2025-06-04 08:00 UTC:\n\n1. First story\n"
            + "   https://example.org/a\n   stressed the threat")
        .contains("2. Second story\n   https://example.org/b\n")
        .contains("3. Third story\n   https://example.org/c\n")
        .endsWith("Subscription: Narcotics in Central Asia (sub-7)\n");
  }

  @Test
  void aDigestOfOneSaysOneAlert() {
    MailContent mail = renderer.digest("Trade", "sub-8", List.of(Alerts.alert("sub-8", "https://example.org/a", "A")),
        Instant.parse("2025-06-04T08:00:00Z"));

    assertThat(mail.subject()).isEqualTo("[SCO Monitor] Trade: 1 new alert");
  }
}
