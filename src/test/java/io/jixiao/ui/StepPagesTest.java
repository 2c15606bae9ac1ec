package io.jixiao.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.jixiao.report.Stage;
import io.jixiao.security.Role;
import io.jixiao.security.RunAs;
import io.jixiao.support.ApiTest;
import io.jixiao.support.Packages;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A step from the page is one transaction: claimed, checked and done whole, or refused with nothing left behind. */
@ApiTest
class StepPagesTest {

  @Autowired MockMvc mvc;
  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  Packages packages;

  @BeforeEach
  void setUp() {
    packages = Packages.withTestTokens(http, json);
  }

  @Test
  void aRefusedSubmitLeavesTheTaskUnclaimedAndNoTrace() throws Exception {
    String id = packages.createFilled(Packages.freshYear(jdbc));
    ObjectNode content = packages.contentOf(id);
    ((ObjectNode) content.get("overall").get("indicators").get(0)).put("weight", 60); // weights add to 110
    packages.save(id, content);
    long auditBefore = auditRows(id);

    mvc.perform(post("/reports/{id}/act", id).param("outcome", "APPROVE")
            .param("version", String.valueOf(packages.version(id)))
            .with(csrf()).with(authentication(RunAs.authentication("xintian.preparer", Role.PREPARER, List.of(Packages.UNIT)))))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attributeExists("error", "blocking"));

    assertThat(packages.stage(id)).isEqualTo(Stage.DRAFT);
    assertThat(jdbc.sql("select assignee from jixiao.open_task where report_id = cast(:id as uuid)").param("id", id)
        .query(String.class).optional()).isEmpty();
    assertThat(auditRows(id)).as("no CLAIMED entry for a refused step").isEqualTo(auditBefore);
  }

  @Test
  void aStepFromThePageClaimsAndCompletesInOneGo() throws Exception {
    String id = packages.createFilled(Packages.freshYear(jdbc));
    mvc.perform(post("/reports/{id}/act", id).param("outcome", "APPROVE")
            .param("version", String.valueOf(packages.version(id)))
            .with(csrf()).with(authentication(RunAs.authentication("xintian.preparer", Role.PREPARER, List.of(Packages.UNIT)))))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("noticeArg", "UNIT_SIGN"));
    assertThat(packages.stage(id)).isEqualTo(Stage.UNIT_SIGN);
    List<String> kinds = jdbc.sql("select kind from jixiao.audit_event where report_id = cast(:id as uuid) order by id")
        .param("id", id).query(String.class).list();
    assertThat(kinds.subList(kinds.size() - 2, kinds.size())).containsExactly("CLAIMED", "TRANSITION");

    // The head's page showed version N; a sign naming an older one is refused and nothing is claimed.
    mvc.perform(post("/reports/{id}/act", id).param("outcome", "APPROVE")
            .param("version", String.valueOf(packages.version(id) - 1))
            .with(csrf()).with(authentication(RunAs.authentication("xintian.head", Role.UNIT_HEAD, List.of(Packages.UNIT)))))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attributeExists("error"));
    assertThat(packages.stage(id)).isEqualTo(Stage.UNIT_SIGN);
    assertThat(jdbc.sql("select assignee from jixiao.open_task where report_id = cast(:id as uuid)").param("id", id)
        .query(String.class).optional()).isEmpty();
  }

  long auditRows(String id) {
    return jdbc.sql("select count(*) from jixiao.audit_event where report_id = cast(:id as uuid)").param("id", id)
        .query(Long.class).single();
  }
}
