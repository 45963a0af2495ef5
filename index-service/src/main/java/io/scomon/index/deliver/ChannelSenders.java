package io.scomon.index.deliver;

import io.scomon.schemas.Alert;
import io.scomon.schemas.Delivery;
import io.scomon.schemas.Subscription;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends an alert or a digest on one channel to the address its subscription has now (an address
 * changed between two attempts is honoured), and says when a send is no longer wanted.
 */
final class ChannelSenders {

  private final SubscriptionDirectory directory;
  private final WebhookSender webhooks;
  private final EmailSender email;
  private final WebhookPayloads payloads;
  private final EmailRenderer renderer;

  ChannelSenders(SubscriptionDirectory directory, WebhookSender webhooks, EmailSender email, WebhookPayloads payloads,
      EmailRenderer renderer) {
    this.directory = directory;
    this.webhooks = webhooks;
    this.email = email;
    this.payloads = payloads;
    this.renderer = renderer;
  }

  /** The channels a subscription has an address for. */
  static List<Channel> channels(Subscription s) {
    Delivery d = s.getDelivery();
    if (d.getWebhookUrl() != null && d.getEmail() != null) {
      return List.of(Channel.WEBHOOK, Channel.EMAIL);
    }
    return d.getWebhookUrl() != null ? List.of(Channel.WEBHOOK)
        : d.getEmail() != null ? List.of(Channel.EMAIL) : List.of();
  }

  /** Why nothing should be sent to this subscription on this channel any more; empty while it should. */
  Optional<String> skipReason(String subscriptionId, Channel channel) {
    SubscriptionDirectory.Lookup lookup = directory.lookup(subscriptionId);
    if (lookup instanceof SubscriptionDirectory.Lookup.Deleted) {
      return Optional.of("subscription deleted");
    }
    if (!(lookup instanceof SubscriptionDirectory.Lookup.Found found)) {
      return Optional.of("unknown subscription");
    }
    if (!found.subscription().getActive()) {
      return Optional.of("subscription inactive");
    }
    return channels(found.subscription()).contains(channel) ? Optional.empty()
        : Optional.of("subscription has no " + channel.id() + " address any more");
  }

  CompletableFuture<SendOutcome> alert(Channel channel, Alert alert) {
    Optional<Delivery> delivery = directory.current(alert.getSubscriptionId()).map(Subscription::getDelivery);
    if (delivery.isEmpty()) {
      return CompletableFuture.completedFuture(new SendOutcome.Permanent("subscription gone"));
    }
    return switch (channel) {
      case WEBHOOK -> webhooks.post(delivery.get().getWebhookUrl(), delivery.get().getWebhookSecret(), alert.getId(),
          "alert", payloads.alert(alert));
      case EMAIL -> email.send(delivery.get().getEmail(), renderer.instant(alert), alert.getId());
      case ALL -> throw new IllegalArgumentException("nothing is sent on " + channel);
    };
  }

  CompletableFuture<SendOutcome> digest(DigestPlanner.Batch batch) {
    Optional<Subscription> s = directory.current(batch.subscriptionId());
    if (s.isEmpty()) {
      return CompletableFuture.completedFuture(new SendOutcome.Permanent("subscription gone"));
    }
    Delivery delivery = s.get().getDelivery();
    List<Alert> alerts = batch.entries().stream().map(LedgerEntry::alert).toList();
    return switch (batch.channel()) {
      case WEBHOOK -> webhooks.post(delivery.getWebhookUrl(), delivery.getWebhookSecret(), batch.digestId(), "digest",
          payloads.digest(batch.digestId(), batch.subscriptionId(), s.get().getName(), alerts));
      case EMAIL -> email.send(delivery.getEmail(),
          renderer.digest(s.get().getName(), batch.subscriptionId(), alerts, batch.since()), batch.digestId());
      case ALL -> throw new IllegalArgumentException("nothing is sent on " + batch.channel());
    };
  }

  /** Where a channel sends to, for logs and dead letters (a webhook URL without its query, which may hold tokens). */
  String target(String subscriptionId, Channel channel) {
    Optional<Delivery> d = directory.current(subscriptionId).map(Subscription::getDelivery);
    if (d.isEmpty()) {
      return "";
    }
    if (channel == Channel.WEBHOOK && d.get().getWebhookUrl() != null) {
      String url = d.get().getWebhookUrl();
      int query = url.indexOf('?');
      return query < 0 ? url : url.substring(0, query);
    }
    return channel == Channel.EMAIL && d.get().getEmail() != null ? d.get().getEmail() : "";
  }
}
