package io.jixiao.reminder;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails notifications once the transaction that wrote them has committed — a rolled-back reminder sends
 * nothing — through Spring Mail ({@code spring.mail.host} and the other {@code spring.mail.*} settings).
 * Without a mail server configured (the local run) each mail is written to the log instead. Whether a
 * mail went out is recorded on its notification ({@code mailed_at}, {@code mail_error}).
 */
@Component
class ReminderMail {

  private static final Logger log = LoggerFactory.getLogger(ReminderMail.class);

  record Outgoing(long id, String email, String subject, String body) {}

  private final JdbcClient jdbc;
  private final ObjectProvider<JavaMailSender> sender;
  private final TransactionTemplate separately;
  private final String from;

  ReminderMail(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender, PlatformTransactionManager transactions,
      @Value("${jixiao.reminders.mail-from:jixiao@jixiao.example.org}") String from) {
    this.jdbc = jdbc;
    this.sender = sender;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.from = from;
  }

  void sendAfterCommit(List<Long> notificationIds) {
    if (notificationIds.isEmpty()) {
      return;
    }
    List<Long> ids = List.copyOf(notificationIds);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          send(ids);
        }
      });
    } else {
      send(ids);
    }
  }

  /** Sends those of the notifications not mailed yet; each mail on its own, a failure spoils no other. */
  void send(List<Long> ids) {
    // After the commit the finished transaction's connection may still be bound: writes go in a new one.
    List<Outgoing> outgoing = separately.execute(status -> jdbc.sql("""
        select id, email, subject, body from jixiao.notification
         where id = any(:ids) and email is not null and mailed_at is null order by id
        """).param("ids", ids.toArray(Long[]::new)).query(Outgoing.class).list());
    JavaMailSender mailer = sender.getIfAvailable();
    for (Outgoing mail : outgoing) {
      String error = null;
      if (mailer == null) {
        log.info("Mail (no spring.mail.host set, logged instead) to {}: {}\n{}", mail.email(), mail.subject(), mail.body());
      } else {
        try {
          SimpleMailMessage message = new SimpleMailMessage();
          message.setFrom(from);
          message.setTo(mail.email());
          message.setSubject(mail.subject());
          message.setText(mail.body());
          mailer.send(message);
        } catch (MailException e) {
          log.warn("Mail of notification {} to {} failed: {}", mail.id(), mail.email(), e.getMessage());
          error = String.valueOf(e.getMessage());
        }
      }
      String failure = error;
      separately.executeWithoutResult(status -> jdbc.sql("""
          update jixiao.notification set mailed_at = case when cast(:error as text) is null then now() end,
                                         mail_error = :error
           where id = :id
          """).param("error", failure).param("id", mail.id()).update());
    }
  }
}
