package io.scomon.index.deliver;

import io.scomon.schemas.Alert;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Plain-text alert mails: one per instant alert (title, link, snippet with the matched terms as
 * {@code **term**}, matched terms, source, topics), or one digest listing several alerts of a subscription.
 */
final class EmailRenderer {

  static final String PREFIX = "[SCO Monitor] ";
  private static final int MAX_SUBJECT_TITLE = 140;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  MailContent instant(Alert alert) {
    String subject = PREFIX + alert.getSubscriptionName() + ": " + shorten(alert.getTitle());
    StringBuilder text = new StringBuilder();
    describe(text, alert, "");
    text.append('\n')
        .append("Subscription: ").append(alert.getSubscriptionName()).append(" (").append(alert.getSubscriptionId())
        .append(")\n")
        .append("Alert id: ").append(alert.getId()).append('\n');
    return new MailContent(subject, text.toString());
  }

  MailContent digest(String subscriptionName, String subscriptionId, List<Alert> alerts, Instant since) {
    String count = alerts.size() == 1 ? "1 new alert" : alerts.size() + " new alerts";
    String subject = PREFIX + subscriptionName + ": " + count;
    StringBuilder text = new StringBuilder()
        .append(count).append(" for ").append(subscriptionName).append(" since ").append(WHEN.format(since))
        .append(":\n\n");
    for (int i = 0; i < alerts.size(); i++) {
      String number = (i + 1) + ". ";
      text.append(number);
      describe(text, alerts.get(i), " ".repeat(number.length()));
      text.append('\n');
    }
    text.append("Subscription: ").append(subscriptionName).append(" (").append(subscriptionId).append(")\n");
    return new MailContent(subject, text.toString());
  }

  private static void describe(StringBuilder text, Alert alert, String indent) {
    text.append(alert.getTitle()).append('\n')
        .append(indent).append(alert.getUrl()).append('\n')
        .append(indent).append(alert.getSnippet()).append('\n');
    if (!alert.getMatchedTerms().isEmpty()) {
      text.append(indent).append("Matched: ").append(String.join(", ", alert.getMatchedTerms())).append('\n');
    }
    text.append(indent).append("Source: ").append(alert.getSourceId())
        .append(" | Language: ").append(alert.getLanguage());
    if (alert.getPublishedAt() != null) {
      text.append(" | Published: ").append(WHEN.format(alert.getPublishedAt()));
    }
    text.append('\n');
    if (!alert.getTopics().isEmpty()) {
      text.append(indent).append("Topics: ").append(String.join(", ", alert.getTopics())).append('\n');
    }
  }

  private static String shorten(String title) {
    String oneLine = title.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_SUBJECT_TITLE ? oneLine : oneLine.substring(0, MAX_SUBJECT_TITLE - 1) + "…";
  }
}
