package io.jixiao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.dashboard.Dashboard;
import io.jixiao.dashboard.DashboardRow;
import io.jixiao.report.Stage;
import io.jixiao.security.Role;
import io.jixiao.security.RunAs;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A fresh demo has due dates relative to today (DemoData): tasks due within days, exactly one overdue
 * (xintian-jsx 2023's signature), and one package published late (xintian-jsx 2025, approved 25 days
 * before it was published) — as the administrators' dashboard shows them. Same context as DemoPackagesTest.
 */
@SpringBootTest(properties = "jixiao.demo.packages=true")
@ActiveProfiles("test")
class DemoDueDatesTest {

  @Autowired JdbcClient jdbc;
  @Autowired Dashboard dashboard;

  @Test
  void someTasksAreDueSoonOneIsOverdueAndOnePackageWasPublishedLate() {
    assertThat(jdbc.sql("select unit_code || ' ' || year || ' ' || stage from jixiao.open_task where due_date < now()")
        .query(String.class).list()).containsExactly("xintian-jsx 2023 UNIT_SIGN");
    assertThat(jdbc.sql("select count(*) from jixiao.open_task where due_date between now() and now() + interval '7 days'")
        .query(Long.class).single()).isGreaterThanOrEqualTo(3);
    assertThat(jdbc.sql("select count(*) from jixiao.open_task where due_date is null").query(Long.class).single()).isZero();

    RunAs.run("admin", Role.ADMIN, List.of(), () -> {
      var cycles = dashboard.cycles();
      long xintian2025 = cycles.stream().filter(c -> c.regionCode().equals("xintian") && c.year() == 2025)
          .findFirst().orElseThrow().id();
      List<DashboardRow> rows = dashboard.page(xintian2025, Dashboard.Filter.NONE, Dashboard.Sort.UNIT, false, 1, 50).rows();
      DashboardRow published = rows.stream().filter(r -> r.stage() == Stage.PUBLISHED).findFirst().orElseThrow();
      assertThat(published.unitCode()).isEqualTo("xintian-jsx");
      assertThat(published.late()).isTrue();
      assertThat(published.publicationDeadline()).isEqualTo(LocalDate.now(Dashboard.ZONE).minusDays(5));
      // Awaiting publication, approved today: 20 days to go.
      DashboardRow awaiting = rows.stream().filter(r -> r.stage() == Stage.DISCLOSURE).findFirst().orElseThrow();
      assertThat(awaiting.daysToDeadline()).isEqualTo(20);
      assertThat(awaiting.late()).isFalse();
      long xintian2023 = cycles.stream().filter(c -> c.regionCode().equals("xintian") && c.year() == 2023)
          .findFirst().orElseThrow().id();
      assertThat(dashboard.counts(xintian2023).late()).isEqualTo(1);
    });
  }
}
