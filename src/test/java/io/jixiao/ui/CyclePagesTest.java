package io.jixiao.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.jixiao.security.Role;
import io.jixiao.security.RunAs;
import io.jixiao.support.ApiTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

/** /admin/cycles: administrators see the cycles and open one from the form; nobody else sees the page or its link. */
@ApiTest
class CyclePagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired EmbeddedPostgres postgres;

  String region;
  static final JwtAuthenticationToken ADMIN = RunAs.authentication("admin", Role.ADMIN, List.of());

  @BeforeEach
  void region() {
    region = "cycp" + ThreadLocalRandom.current().nextInt(1_000_000);
    JdbcClient owner = JdbcClient.create(postgres.getPostgresDatabase());
    owner.sql("insert into jixiao.region (code, name) values (:p, :p || '区')").param("p", region).update();
    owner.sql("insert into jixiao.bureau (code, name, region_code) values (:p || '-b', :p || '主管部门', :p)")
        .param("p", region).update();
    owner.sql("""
        insert into jixiao.unit (code, name, region_code, bureau_code)
        select :p || '-u' || i, :p || '单位' || i, :p, :p || '-b' from generate_series(1, 3) i
        """).param("p", region).update();
  }

  String page(JwtAuthenticationToken who, String uri, int expected) throws Exception {
    return mvc.perform(get(uri).with(authentication(who)))
        .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void anAdministratorOpensACycleFromThePageAndSeesItListed() throws Exception {
    String before = page(ADMIN, "/admin/cycles", 200);
    assertThat(before).contains("评价周期管理").contains("value=\"" + region + "-u1\"").contains("href=\"/admin/cycles\"");
    assertThat(before).doesNotContain("<script>").doesNotContain(" onclick=");
    assertThat(page(ADMIN, "/admin/cycles?lang=en", 200)).contains("Evaluation cycles").contains("Open a cycle")
        .doesNotContain("??");

    mvc.perform(post("/admin/cycles").with(csrf()).with(authentication(ADMIN))
            .param("regionCode", region).param("year", "2040").param("templateCode", "NATIONAL_DEFAULT")
            .param("unitCodes", region + "-u1", region + "-u3")
            .param("draft", "2041-03-31").param("sign", "2041-04-07").param("guidance", "2041-04-21")
            .param("review", "2041-05-05").param("publish", "2041-05-25").param("publicationDays", "15"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("notice", "cycleOpened"))
        .andExpect(flash().attribute("noticeArg", 2));

    Long id = jdbc.sql("select id from jixiao.cycle where region_code = :p and year = 2040").param("p", region)
        .query(Long.class).single();
    assertThat(jdbc.sql("select count(*) from jixiao.report where cycle_id = :id").param("id", id).query(Integer.class).single())
        .isEqualTo(2);
    assertThat(jdbc.sql("select publication_days from jixiao.cycle where id = :id").param("id", id).query(Integer.class).single())
        .isEqualTo(15);

    String after = page(ADMIN, "/admin/cycles", 200);
    int row = after.indexOf("id=\"cycle-" + id + "\"");
    assertThat(row).isPositive();
    String tr = after.substring(row, after.indexOf("</tr>", row));
    assertThat(tr).contains(region + "区").contains("2040").contains("2041-04-21").contains("15 天")
        .contains("<td class=\"unit-count\">2</td>").contains("/admin/cycles/" + id + "/close");

    mvc.perform(post("/admin/cycles/{id}/close", id).with(csrf()).with(authentication(ADMIN)))
        .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "cycleClosed"));
    assertThat(jdbc.sql("select closed_at is not null from jixiao.cycle where id = :id").param("id", id)
        .query(Boolean.class).single()).isTrue();
  }

  @Test
  void aRefusalFromTheFormIsShownAndWritesNothing() throws Exception {
    mvc.perform(post("/admin/cycles").with(csrf()).with(authentication(ADMIN))
            .param("regionCode", region).param("year", "2040").param("templateCode", "NATIONAL_DEFAULT")
            .param("unitCodes", region + "-u1")
            .param("draft", "2041-03-31").param("sign", "2041-03-01").param("guidance", "2041-04-21")
            .param("review", "2041-05-05").param("publish", "2041-05-25"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attributeExists("error"));
    assertThat(jdbc.sql("select count(*) from jixiao.cycle where region_code = :p").param("p", region)
        .query(Integer.class).single()).isZero();
  }

  @Test
  void othersGetForbiddenAndNoLink() throws Exception {
    JwtAuthenticationToken preparer = RunAs.authentication("cycp.preparer", Role.PREPARER, List.of(region + "-u1"));
    page(preparer, "/admin/cycles", 403);
    mvc.perform(post("/admin/cycles").with(csrf()).with(authentication(preparer))
            .param("regionCode", region).param("year", "2040").param("templateCode", "NATIONAL_DEFAULT")
            .param("unitCodes", region + "-u1"))
        .andExpect(status().isForbidden());
    assertThat(page(preparer, "/tasks", 200)).doesNotContain("/admin/cycles");
    assertThat(jdbc.sql("select count(*) from jixiao.cycle where region_code = :p").param("p", region)
        .query(Integer.class).single()).isZero();
  }
}
