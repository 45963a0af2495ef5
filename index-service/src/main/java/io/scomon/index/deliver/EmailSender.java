package io.scomon.index.deliver;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sends alert mails over SMTP (Jakarta Mail) on a bounded pool of {@code index.deliver.email.threads}
 * threads, so an unreachable or slow mail server holds up mails only, never webhooks. A refused
 * recipient or message (SMTP 5xx) or an invalid address is permanent; a 4xx, a timeout or a connection
 * error is retryable. Each message carries a Message-ID derived from the alert or digest id, so mail
 * systems can recognise a repeat.
 */
final class EmailSender implements AutoCloseable {

  static final String ALERT_HEADER = "X-Scomon-Alert-Id";

  private final Session session;
  private final InternetAddress from;
  private final DeliveryConfig.Email config;
  private final ExecutorService pool;

  EmailSender(DeliveryConfig.Email config) {
    this.config = config;
    this.from = config.from();
    Properties props = new Properties();
    props.put("mail.transport.protocol", "smtp");
    props.put("mail.smtp.host", config.smtpHost());
    props.put("mail.smtp.port", String.valueOf(config.smtpPort()));
    props.put("mail.smtp.connectiontimeout", String.valueOf(config.connectTimeout().toMillis()));
    props.put("mail.smtp.timeout", String.valueOf(config.timeout().toMillis()));
    props.put("mail.smtp.writetimeout", String.valueOf(config.timeout().toMillis()));
    props.put("mail.smtp.from", from.getAddress());
    props.put("mail.smtp.auth", String.valueOf(config.username().isPresent()));
    if (config.startTls()) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    }
    this.session = Session.getInstance(props);
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(config.threads(), config.threads(), 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "deliver-smtp-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * One attempt to send a plain-text mail.
   *
   * @param key the alert or digest id: sets the Message-ID and the {@code X-Scomon-Alert-Id} header
   */
  CompletableFuture<SendOutcome> send(String to, MailContent content, String key) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        MimeMessage message = new StableIdMessage(session, key);
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(content.subject(), StandardCharsets.UTF_8.name());
        message.setText(content.text(), StandardCharsets.UTF_8.name());
        message.setHeader(ALERT_HEADER, key);
        if (config.username().isPresent()) {
          Transport.send(message, config.username().get(), config.password().orElse(""));
        } else {
          Transport.send(message);
        }
        return new SendOutcome.Delivered("SMTP accepted for " + to);
      } catch (MessagingException e) {
        return outcomeOf(e);
      }
    }, pool);
  }

  /** Permanent when the server refused for good (5xx) or the address is invalid; otherwise worth another try. */
  static SendOutcome outcomeOf(MessagingException error) {
    if (error instanceof AddressException) {
      return new SendOutcome.Permanent("invalid address: " + error.getMessage());
    }
    for (Exception e = error; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
      int code = returnCode(e);
      if (code >= 500) {
        return new SendOutcome.Permanent("SMTP " + code + ": " + oneLine(e.getMessage()));
      }
      if (code >= 400) {
        return new SendOutcome.Retryable("SMTP " + code + ": " + oneLine(e.getMessage()));
      }
    }
    if (error instanceof SendFailedException sendFailed && sendFailed.getValidSentAddresses() == null
        && sendFailed.getInvalidAddresses() != null && sendFailed.getInvalidAddresses().length > 0) {
      Address[] invalid = sendFailed.getInvalidAddresses();
      return new SendOutcome.Permanent("invalid recipient " + invalid[0]);
    }
    Throwable cause = error.getCause();
    String reason = cause instanceof IOException ? "SMTP connection error: " + cause : "SMTP error: " + error;
    return new SendOutcome.Retryable(oneLine(reason));
  }

  private static int returnCode(Exception e) {
    if (e instanceof SMTPSendFailedException s) {
      return s.getReturnCode();
    }
    if (e instanceof SMTPAddressFailedException s) {
      return s.getReturnCode();
    }
    if (e instanceof SMTPSenderFailedException s) {
      return s.getReturnCode();
    }
    return -1;
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").strip();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** A message whose Message-ID is derived from the alert or digest id instead of being random. */
  private static final class StableIdMessage extends MimeMessage {
    private final String key;

    StableIdMessage(Session session, String key) {
      super(session);
      this.key = key;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      try {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        setHeader("Message-ID", "<" + HexFormat.of().formatHex(hash, 0, 16) + "@scomon.deliver>");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is part of every JDK", e);
      }
    }
  }
}
