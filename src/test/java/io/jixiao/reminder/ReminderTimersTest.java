package io.jixiao.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.CREATED;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.OK;

import io.jixiao.security.Role;
import io.jixiao.security.UserDirectory;
import io.jixiao.support.Api;
import io.jixiao.support.ApiTest;
import io.jixiao.support.Packages;
import io.jixiao.support.TestMail;
import io.jixiao.support.TestTokens;
import io.jixiao.workflow.OpenTasks;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reminder and escalation timers on the real engine, database and an SMTP server (GreenMail), with
 * the engine's clock (which is the application's {@code Clock}) moved by the test and the due timer jobs
 * run through the ManagementService. The test's cycle is due a few days from now, so that moving the
 * clock there brings due no other test's timers (their cycles are years ahead).
 */
@ApiTest
class ReminderTimersTest {

  static final String UNIT = "xintian-jsx";

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired ProcessEngineConfiguration engine;
  @Autowired UserDirectory directory;
  @Autowired OpenTasks openTasks;
  @Autowired Reminders reminders;
  @Autowired PlatformTransactionManager transactions;

  Packages packages;
  Api preparer;
  Api admin;
  int year;
  long cycleId;
  LocalDate draftDue;

  @BeforeEach
  void setUp() {
    packages = Packages.withTestTokens(http, json);
    preparer = packages.preparer();
    admin = packages.actor(Role.ADMIN);
    year = Packages.freshYear(jdbc);
    draftDue = LocalDate.now(ReminderSchedule.ZONE).plusDays(10);
    cycleId = jdbc.sql("""
        update jixiao.cycle set draft_due = :d, sign_due = :d + 5, guidance_due = :d + 10, review_due = :d + 15,
                                publish_due = :d + 20
         where region_code = 'xintian' and year = :y returning id
        """).param("d", draftDue).param("y", year).query(Long.class).single();
  }

  @AfterEach
  void resetClock() {
    engine.getClock().reset();
  }

  @Test
  void remindsEveryCandidateOnceThenEscalatesToTheAssigneeAndTheAdministrators() throws Exception {
    String id = preparer.post(CREATED, Map.of("unitCode", UNIT, "year", year), "/api/reports").get("id").asString();
    String process = processOf(id);
    String task = packages.taskOf(id);
    Date remindAt = ReminderSchedule.remindAt(draftDue, 3);
    Date escalateAt = ReminderSchedule.escalateAt(draftDue);
    assertThat(timers(process)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "remind_DRAFT", remindAt, "escalate_DRAFT", escalateAt));

    // A minute early: nothing is due.
    at(remindAt.toInstant().minus(Duration.ofMinutes(1)));
    assertThat(management.createTimerJobQuery().processInstanceId(process).executable().count()).isZero();

    at(remindAt.toInstant().plus(Duration.ofMinutes(1)));
    runDueTimers(process);
    List<String> candidates = directory.eligible(Role.PREPARER, UNIT);
    assertThat(candidates).contains("xintian.preparer");
    Set<String> candidateMails = emails(candidates);
    List<MimeMessage> reminded = awaitMails(id, "催办提醒", candidateMails.size());
    assertThat(reminded).hasSize(candidateMails.size());
    assertThat(recipients(reminded)).containsExactlyInAnyOrderElementsOf(candidateMails);
    MimeMessage mail = reminded.get(0);
    assertThat(mail.getSubject()).isEqualTo("【绩效自评】催办提醒：新田县计划生育协会 " + year + " 年度绩效自评材料「填报」将于 "
        + draftDue + " 到期");
    String body = (String) mail.getContent();
    assertThat(body).contains("正处于「填报」环节", "截止日期为 " + draftDue, "还有 3 天", "待认领",
        "/reports/" + id);
    assertThat(records(task)).containsExactly("REMINDER");

    // The same reminder again (its job run a second time, or on another node): nothing more.
    assertThat(reminders.fire(openTasks.forReport(UUID.fromString(id)).orElseThrow(), ReminderKind.REMINDER)).isFalse();
    assertThat(mailsAbout(id, "催办提醒")).hasSize(candidateMails.size());
    assertThat(records(task)).containsExactly("REMINDER");

    // Claimed, then overdue: the assignee and every administrator hear of it, the other candidates do not.
    packages.claim(preparer, id);
    at(escalateAt.toInstant().minus(Duration.ofMinutes(1)));
    assertThat(management.createTimerJobQuery().processInstanceId(process).executable().count()).isZero();
    at(escalateAt.toInstant().plus(Duration.ofMinutes(1)));
    runDueTimers(process);
    Set<String> escalationMails = new LinkedHashSet<>(emails(List.of("xintian.preparer")));
    escalationMails.addAll(emails(directory.eligible(Role.ADMIN, null)));
    List<MimeMessage> escalated = awaitMails(id, "逾期提醒", escalationMails.size());
    assertThat(recipients(escalated)).containsExactlyInAnyOrderElementsOf(escalationMails);
    assertThat(escalated.get(0).getSubject()).isEqualTo("【绩效自评】逾期提醒：新田县计划生育协会 " + year
        + " 年度绩效自评材料「填报」已超过截止日期 " + draftDue);
    assertThat((String) escalated.get(0).getContent()).contains("已逾期 1 天", "经办人：xintian.preparer", "管理员",
        "/reports/" + id);
    assertThat(records(task)).containsExactlyInAnyOrder("REMINDER", "ESCALATION");
    assertThat(timers(process)).isEmpty();
    assertThat(management.createDeadLetterJobQuery().processInstanceId(process).count()).isZero();

    // The task is still there: the timers do not interrupt it.
    assertThat(packages.taskOf(id)).isEqualTo(task);

    // In the app: the preparer's two, unread; nobody else sees them.
    JsonNode mine = preparer.get("/api/notifications");
    List<JsonNode> about = items(mine, id);
    assertThat(about).extracting(n -> n.get("kind").asString()).containsExactly("ESCALATION", "REMINDER");
    assertThat(about.get(1).get("subject").asString()).isEqualTo(mail.getSubject());
    assertThat(about.get(1).get("link").asString()).isEqualTo("/reports/" + id);
    int unread = mine.get("unread").asInt();
    assertThat(unread).isGreaterThanOrEqualTo(2);
    long notification = about.get(1).get("id").asLong();
    Api head = Api.as(http, json, TestTokens.of("xintian.head"));
    assertThat(items(head.get("/api/notifications"), id)).isEmpty();
    head.post(NOT_FOUND, null, "/api/notifications/{n}/read", notification);
    JsonNode read = preparer.post(OK, null, "/api/notifications/{n}/read", notification);
    assertThat(read.get("readAt").isNull()).isFalse();
    assertThat(preparer.get("/api/notifications").get("unread").asInt()).isEqualTo(unread - 1);
    // Reading twice changes nothing.
    assertThat(preparer.post(OK, null, "/api/notifications/{n}/read", notification).get("readAt").asString())
        .isEqualTo(read.get("readAt").asString());
    // An administrator was told too.
    assertThat(items(admin.get("/api/notifications"), id)).extracting(n -> n.get("kind").asString())
        .containsExactly("ESCALATION");
  }

  @Test
  void nothingFiresForACompletedTask() {
    String id = packages.createFilled(year);
    String process = processOf(id);
    String draftTask = packages.taskOf(id);
    List<String> draftTimers = management.createTimerJobQuery().processInstanceId(process).list().stream()
        .map(Job::getId).toList();
    assertThat(draftTimers).hasSize(2);

    packages.approve(id); // DRAFT → UNIT_SIGN
    for (String timer : draftTimers) {
      assertThat(management.createTimerJobQuery().jobId(timer).count()).isZero();
      assertThat(management.createJobQuery().jobId(timer).count()).isZero();
      assertThat(management.createDeadLetterJobQuery().jobId(timer).count()).isZero();
    }
    assertThat(timers(process)).containsOnlyKeys("remind_UNIT_SIGN", "escalate_UNIT_SIGN");

    // Past the draft's reminder and escalation (the sign-off's come later): nothing is due, nothing fires.
    at(ReminderSchedule.escalateAt(draftDue).toInstant().plus(Duration.ofHours(1)));
    assertThat(management.createTimerJobQuery().processInstanceId(process).executable().count()).isZero();
    runDueTimers(process);
    assertThat(records(draftTask)).isEmpty();
    // The engine never ran the step a timer leads to.
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(process)
        .activityId(ReminderTimers.SEND_REMINDER).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(process)
        .activityId(ReminderTimers.SEND_ESCALATION).count()).isZero();
    assertThat(mailsAbout(id, "")).isEmpty();
  }

  @Test
  void changingTheDueDatesOrTheReminderDaysMovesTheWaitingTimers() {
    String id = preparer.post(CREATED, Map.of("unitCode", UNIT, "year", year), "/api/reports").get("id").asString();
    String process = processOf(id);
    LocalDate later = draftDue.plusDays(7);
    Map<String, Object> due = new HashMap<>();
    due.put("draft", later);
    due.put("sign", later.plusDays(5));
    due.put("guidance", later.plusDays(10));
    due.put("review", later.plusDays(15));
    due.put("publish", later.plusDays(20));
    admin.put(OK, due, h -> {}, "/api/cycles/{id}/due-dates", cycleId);
    assertThat(timers(process)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "remind_DRAFT", ReminderSchedule.remindAt(later, 3), "escalate_DRAFT", ReminderSchedule.escalateAt(later)));

    // The cycle's reminders five days ahead instead of three: the reminder moves, the escalation stays.
    JsonNode setting = admin.get("/api/cycles/{id}/reminders", cycleId);
    assertThat(setting.get("daysBefore").asInt()).isEqualTo(3);
    admin.put(org.springframework.http.HttpStatus.PRECONDITION_REQUIRED, Map.of("daysBefore", 5), h -> {},
        "/api/cycles/{id}/reminders", cycleId);
    admin.put(OK, Map.of("daysBefore", 5), h -> h.setIfMatch("\"0\""), "/api/cycles/{id}/reminders", cycleId);
    admin.put(org.springframework.http.HttpStatus.CONFLICT, Map.of("daysBefore", 4), h -> h.setIfMatch("\"0\""),
        "/api/cycles/{id}/reminders", cycleId);
    admin.put(org.springframework.http.HttpStatus.BAD_REQUEST, Map.of("daysBefore", 0), h -> h.setIfMatch("\"1\""),
        "/api/cycles/{id}/reminders", cycleId);
    preparer.put(org.springframework.http.HttpStatus.FORBIDDEN, Map.of("daysBefore", 4), h -> h.setIfMatch("\"1\""),
        "/api/cycles/{id}/reminders", cycleId);
    assertThat(timers(process)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "remind_DRAFT", ReminderSchedule.remindAt(later, 5), "escalate_DRAFT", ReminderSchedule.escalateAt(later)));

    // The old reminder time passes without a reminder; the new one brings it.
    at(ReminderSchedule.remindAt(draftDue, 3).toInstant().plus(Duration.ofMinutes(1)));
    assertThat(management.createTimerJobQuery().processInstanceId(process).executable().count()).isZero();
    at(ReminderSchedule.remindAt(later, 5).toInstant().plus(Duration.ofMinutes(1)));
    runDueTimers(process);
    assertThat(records(packages.taskOf(id))).containsExactly("REMINDER");
  }

  @Test
  void twoRunsAtOnceRecordAndMailOnceAndARolledBackRunSendsNothing() throws Exception {
    String id = preparer.post(CREATED, Map.of("unitCode", UNIT, "year", year), "/api/reports").get("id").asString();
    var task = openTasks.forReport(UUID.fromString(id)).orElseThrow();

    // Rolled back after the reminder was recorded: no record, no mail.
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    transaction.executeWithoutResult(status -> {
      assertThat(reminders.fire(task, ReminderKind.REMINDER)).isTrue();
      status.setRollbackOnly();
    });
    assertThat(records(task.id())).isEmpty();
    sleep(500);
    assertThat(mailsAbout(id, "")).isEmpty();

    // The same timer on two nodes at once: one of them records and mails it.
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(pool.submit(() -> {
          start.await();
          return reminders.fire(task, ReminderKind.REMINDER);
        }));
      }
      start.countDown();
      List<Boolean> fired = new ArrayList<>();
      for (Future<Boolean> run : runs) {
        fired.add(run.get(30, TimeUnit.SECONDS));
      }
      assertThat(fired).containsExactlyInAnyOrder(true, false);
    } finally {
      pool.shutdownNow();
    }
    assertThat(records(task.id())).containsExactly("REMINDER");
    int candidates = emails(directory.eligible(Role.PREPARER, UNIT)).size();
    assertThat(awaitMails(id, "催办提醒", candidates)).hasSize(candidates);
    sleep(500);
    assertThat(mailsAbout(id, "")).hasSize(candidates);
  }

  // --- helpers

  void at(Instant instant) {
    engine.getClock().setCurrentTime(Date.from(instant));
  }

  String processOf(String reportId) {
    return jdbc.sql("select process_instance_id from jixiao.lifecycle_process where report_id = :r")
        .param("r", UUID.fromString(reportId)).query(String.class).single();
  }

  Map<String, Date> timers(String process) {
    Map<String, Date> timers = new HashMap<>();
    management.createTimerJobQuery().processInstanceId(process).list()
        .forEach(job -> timers.put(job.getElementId(), job.getDuedate()));
    return timers;
  }

  /** Runs the process's due timer jobs now (the async executor may take one first), and waits until they are done. */
  void runDueTimers(String process) {
    for (Job timer : management.createTimerJobQuery().processInstanceId(process).executable().list()) {
      try {
        Job job = management.moveTimerToExecutableJob(timer.getId());
        management.executeJob(job.getId());
      } catch (FlowableException e) {
        // the async executor moved or ran it first
      }
    }
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (management.createTimerJobQuery().processInstanceId(process).executable().count() > 0
        || management.createJobQuery().processInstanceId(process).count() > 0) {
      assertThat(System.nanoTime()).as("timer jobs of %s still running", process).isLessThan(until);
      sleep(100);
    }
  }

  List<String> records(String taskId) {
    return jdbc.sql("select kind from jixiao.reminder where task_id = :t order by id").param("t", taskId)
        .query(String.class).list();
  }

  Set<String> emails(List<String> usernames) {
    return usernames.stream().map(u -> directory.email(u).orElseThrow()).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  static List<JsonNode> items(JsonNode list, String reportId) {
    List<JsonNode> items = new ArrayList<>();
    list.get("items").forEach(n -> {
      if (n.get("reportId").asString().equals(reportId)) {
        items.add(n);
      }
    });
    return items;
  }

  static List<MimeMessage> mailsAbout(String reportId, String subjectPart) {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage message : TestMail.received()) {
      try {
        if (((String) message.getContent()).contains("/reports/" + reportId) && message.getSubject().contains(subjectPart)) {
          found.add(message);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return found;
  }

  static List<MimeMessage> awaitMails(String reportId, String subjectPart, int count) {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<MimeMessage> found = mailsAbout(reportId, subjectPart);
    while (found.size() < count && System.nanoTime() < until) {
      sleep(100);
      found = mailsAbout(reportId, subjectPart);
    }
    return found;
  }

  static List<String> recipients(List<MimeMessage> messages) throws Exception {
    List<String> to = new ArrayList<>();
    for (MimeMessage message : messages) {
      for (Address address : message.getAllRecipients()) {
        to.add(address.toString());
      }
    }
    return to;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
