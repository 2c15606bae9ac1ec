package io.jixiao.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** 万元 on the page, exact 元 in storage. */
class MoneyUnitTest {

  final JsonMapper json = JsonMapper.builder().build();

  @Test
  void storedYuanShowsInWanWithoutTrailingZeros() {
    assertThat(MoneyUnit.WAN.show(new BigDecimal("212030.00"))).isEqualTo("21.203");
    assertThat(MoneyUnit.WAN.show(new BigDecimal("18100.00"))).isEqualTo("1.81");
    assertThat(MoneyUnit.WAN.show(new BigDecimal("1.00"))).isEqualTo("0.0001");
    assertThat(MoneyUnit.WAN.show(new BigDecimal("5000000"))).isEqualTo("500");
    assertThat(MoneyUnit.WAN.show(null)).isEmpty();
    assertThat(MoneyUnit.YUAN.show(new BigDecimal("10.50"))).isEqualTo("10.50");
  }

  @Test
  void wanTypedInMoneyFieldsBecomesYuanKeepingSixDecimals() {
    ObjectNode tree = (ObjectNode) json.readTree("""
        {"overall":{"funds":[{"line":"TOTAL","adjustedBudget":"21.203456","executed":" 52.5 ","weight":"10","selfScore":"9.5"}]},
         "basicData":{"costs":[{"line":"THREE_PUBLIC","budget":"1.81","finalAccount":""}],"establishment":"5"},
         "projects":[{"code":"P1","report":{"budgetAmount":"18"}}]}""");
    MoneyUnit.WAN.toYuan(tree);
    assertThat(tree.at("/overall/funds/0/adjustedBudget").asString()).isEqualTo("212034.56");
    assertThat(tree.at("/overall/funds/0/executed").asString()).isEqualTo("525000");
    assertThat(tree.at("/overall/funds/0/weight").asString()).as("scores are no money").isEqualTo("10");
    assertThat(tree.at("/overall/funds/0/selfScore").asString()).isEqualTo("9.5");
    assertThat(tree.at("/basicData/costs/0/budget").asString()).isEqualTo("18100");
    assertThat(tree.at("/basicData/costs/0/finalAccount").asString()).as("blank stays blank").isEmpty();
    assertThat(tree.at("/basicData/establishment").asString()).isEqualTo("5");
    assertThat(tree.at("/projects/0/report/budgetAmount").asString()).isEqualTo("180000");
  }

  @Test
  void whatIsNoPlainDecimalIsLeftForTheReaderToRefuse() {
    ObjectNode tree = (ObjectNode) json.readTree("{\"overall\":{\"funds\":[{\"line\":\"TOTAL\",\"initialBudget\":\"1e-99999999\","
        + "\"adjustedBudget\":\"九十\",\"executed\":\"" + "1".repeat(41) + "\"}]}}");
    MoneyUnit.WAN.toYuan(tree);
    assertThat(tree.at("/overall/funds/0/initialBudget").asString()).isEqualTo("1e-99999999");
    assertThat(tree.at("/overall/funds/0/adjustedBudget").asString()).isEqualTo("九十");
    assertThat(tree.at("/overall/funds/0/executed").asString()).hasSize(41);
    ObjectNode yuan = (ObjectNode) json.readTree("{\"overall\":{\"funds\":[{\"executed\":\"1.5\"}]}}");
    MoneyUnit.YUAN.toYuan(yuan);
    assertThat(yuan.at("/overall/funds/0/executed").asString()).isEqualTo("1.5");
  }
}
