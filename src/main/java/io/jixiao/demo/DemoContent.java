package io.jixiao.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.jixiao.form.ReportContent;
import io.jixiao.unit.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/** What the demo packages contain: the seed fixtures as the units filed them, and a clean package per unit. */
final class DemoContent {

  static final String FIXTURES = "classpath*:demo/fixtures/*.json";

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Fixture(String unitCode, int year, String templateCode, ReportContent content) {}

  private DemoContent() {}

  /** The seed fixtures packaged from src/test/resources/fixtures (see pom.xml), in file order. */
  static List<Fixture> fixtures(JsonMapper json) {
    try {
      Resource[] files = new PathMatchingResourcePatternResolver(DemoContent.class.getClassLoader()).getResources(FIXTURES);
      List<Resource> sorted = new ArrayList<>(Arrays.asList(files));
      sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
      List<Fixture> fixtures = new ArrayList<>();
      for (Resource file : sorted) {
        try (InputStream in = file.getInputStream()) {
          fixtures.add(json.readValue(in, Fixture.class));
        }
      }
      return fixtures;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A package without errors for the unit and year (LifecycleTest's clean package, per unit):
   * weights add to 100, every figure consistent, filled in March of the following year.
   */
  static ReportContent clean(JsonMapper json, Unit unit, int year) {
    boolean maternal = unit.code().endsWith("-fyjk");
    String amount = maternal ? "2350000.00" : "1000000.00";
    String goals = maternal
        ? "{\"expected\":\"孕产妇系统管理率达到90%以上\",\"achieved\":\"孕产妇系统管理率93.5%\"}"
        : "{\"expected\":\"走访慰问240户\",\"achieved\":\"走访慰问240户\"}";
    String indicators = maternal
        ? """
          {"level1":"OUTPUT","level2":"数量指标","name":"孕产妇系统管理率","target":"≥90%","actual":"93.5%","weight":50,"selfScore":50},
          {"level1":"BENEFIT","level2":"社会效益指标","name":"儿童健康管理率","target":"≥90%","actual":"94%","weight":30,"selfScore":30},
          {"level1":"SATISFACTION","level2":"服务对象满意度指标","name":"服务对象满意度","target":"≥90%","actual":"95%","weight":10,"selfScore":10}
          """
        : """
          {"level1":"OUTPUT","level2":"数量指标","name":"走访慰问困难家庭","target":"≥240户","actual":"240户","weight":50,"selfScore":50},
          {"level1":"BENEFIT","level2":"社会效益指标","name":"困难家庭得到帮扶","target":"≥95%","actual":"98%","weight":30,"selfScore":30},
          {"level1":"SATISFACTION","level2":"服务对象满意度指标","name":"服务对象满意度","target":"≥90%","actual":"96%","weight":10,"selfScore":10}
          """;
    String text = """
        {"overall":{"title":%s,
          "funds":[{"line":"TOTAL","label":"年度资金总额","initialBudget":%s,"adjustedBudget":%s,"executed":%s,"weight":10,"selfScore":10},
                   {"line":"GENERAL_BUDGET","label":"一般公共预算","initialBudget":%s,"adjustedBudget":%s,"executed":%s}],
          "goals":[%s],
          "indicators":[%s]},
         "narrative":[
           {"key":"basic","title":"一、基本情况","text":"本单位为演示单位，年度预算执行完毕。"},
           {"key":"performance","title":"六、部门整体支出绩效情况","text":"各项绩效指标均已完成。"},
           {"key":"problems","title":"七、存在的问题及原因分析","text":"无重大问题。"},
           {"key":"improvements","title":"八、下一步改进措施","text":"继续加强预算绩效管理。"}],
         "filling":{"preparer":"演示填表人","phone":"0746-0000000","date":"%d-03-01"}}
        """.formatted(json.writeValueAsString(unit.name()), amount, amount, amount, amount, amount, amount, goals,
        indicators, year + 1);
    return json.readValue(text, ReportContent.class);
  }
}
