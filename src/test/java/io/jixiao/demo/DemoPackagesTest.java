package io.jixiao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.form.Severity;
import io.jixiao.report.Report;
import io.jixiao.report.ReportService;
import io.jixiao.security.Grant;
import io.jixiao.security.Role;
import io.jixiao.security.RunAs;
import io.jixiao.support.DemoUser;
import io.jixiao.workflow.Guidance;

import io.jixiao.workflow.OpenTask;
import io.jixiao.workflow.OpenTasks;
import io.jixiao.report.Stage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** A fresh start with demo packages on: every demo user finds work, and every stage has a package. */
@SpringBootTest(properties = "jixiao.demo.packages=true")
@ActiveProfiles("test")
class DemoPackagesTest {

  private static final OpenTasks.Filter ALL = new OpenTasks.Filter(null, null, null, null);

  @Autowired DemoPackages demo;
  @Autowired OpenTasks tasks;
  @Autowired ReportService reports;
  
  @Autowired Guidance guidance;
  @Autowired JdbcClient jdbc;

  @Test
  void everyDemoUserHasATaskInTheirQueue() {
    for (DemoUser user : DemoUser.values()) {
      Set<Role> roles = Set.of(Role.ofRealmRole(user.role).orElseThrow());
      Set<Grant> grants = user.units.stream().map(u -> new Grant(roles.iterator().next(), u))
          .collect(java.util.stream.Collectors.toSet());
      OpenTasks.Page page = tasks.find(user.username, grants, roles.contains(Role.ADMIN), OpenTasks.Queue.BOTH, ALL, null, 50);
      assertThat(page.total()).as(user.username).isPositive();
      for (OpenTask task : page.items()) {
        assertThat(task.stage().actor()).as(user.username + " " + task).isEqualTo(roles.iterator().next());
      }
    }
    // The one left claimed shows under "my tasks"; everything else is there to be claimed.
    List<OpenTask> mine = tasks.find("xintian.finance", Set.of(new Grant(Role.FINANCE_REVIEWER, "xintian-jsx"),
        new Grant(Role.FINANCE_REVIEWER, "xintian-fyjk")), false, OpenTasks.Queue.MINE, ALL, null, 50).items();
    assertThat(mine).singleElement().satisfies(task -> {
      assertThat(task.stage()).isEqualTo(Stage.FINANCE_REVIEW);
      assertThat(task.assignee()).isEqualTo("xintian.finance");
    });
    assertThat(jdbc.sql("select count(*) from jixiao.open_task where assignee is not null").query(Long.class).single())
        .isEqualTo(1);
  }

  @Test
  void packagesStandAtEveryStage() {
    Map<Stage, Integer> byStage = new EnumMap<>(Stage.class);
    RunAs.run("admin", Role.ADMIN, List.of(), () -> {
      for (Report report : reports.list(null, null)) {
        byStage.merge(reports.stageOf(report), 1, Integer::sum);
      }
    });
    assertThat(byStage.keySet()).containsExactlyInAnyOrder(Stage.values());
    assertThat(byStage.get(Stage.PUBLISHED)).isGreaterThanOrEqualTo(1);
    // Five seed fixtures and one package returned by the bureau are drafts.
    assertThat(byStage.get(Stage.DRAFT)).isEqualTo(6);
  }

  @Test
  void thePublishedDemoPackageIsFrozenForThePublicAsItWasPublished() {
    var published = jdbc.sql("select report_id, version, content_hash from jixiao.publication")
        .query((rs, n) -> List.of(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
    assertThat(published).isNotEmpty();
    var frozen = jdbc.sql("select report_id, version, content_hash from jixiao.published_package")
        .query((rs, n) -> List.of(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
    assertThat(frozen).containsExactlyInAnyOrderElementsOf(published);
    var report = java.util.UUID.fromString((String) published.get(0).get(0));
    assertThat(publicReports.newest(report).contentHash()).isEqualTo(published.get(0).get(2));
  }

  @Autowired io.jixiao.disclosure.PublicReports publicReports;

  @Test
  void fixturesAreDraftsWithTheirFindingsAndTheReturnedPackageCarriesComments() {
    RunAs.run("xintian.preparer", Role.PREPARER, List.of("xintian-jsx"), () -> {
      Map<Integer, Report> byYear = reports.list(null, "xintian-jsx").stream()
          .collect(Collectors.toMap(Report::year, r -> r));
      assertThat(byYear).containsKeys(2021, 2022, 2023, 2024, 2025);

      Report seed = byYear.get(2022);
      assertThat(seed.templateCode()).isEqualTo("COST_SEPARATE_PROJECTS");
      assertThat(reports.stageOf(seed)).isEqualTo(Stage.DRAFT);
      var evaluation = reports.snapshot(seed.id()).evaluation();
      assertThat(evaluation.findings()).anyMatch(f -> f.severity() == Severity.ERROR);
      assertThat(evaluation.overall().totalScore()).isEqualByComparingTo("97.00");

      Report returned = byYear.get(2024);
      assertThat(reports.stageOf(returned)).isEqualTo(Stage.DRAFT);
      assertThat(guidance.list(returned.id())).hasSize(3)
          .allSatisfy(c -> {
            assertThat(c.author()).isEqualTo("xintian.bureau");
            assertThat(c.resolved()).isFalse();
          });
    });
  }

  @Test
  void runsOnlyOnAnEmptyDatabase() throws Exception {
    long before = jdbc.sql("select count(*) from jixiao.report").query(Long.class).single();
    demo.run(null);
    assertThat(jdbc.sql("select count(*) from jixiao.report").query(Long.class).single()).isEqualTo(before);
    assertThat(before).isEqualTo(DemoPlan.ALL.size() + demo.fixtures().size());
  }
}
