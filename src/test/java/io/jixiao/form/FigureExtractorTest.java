package io.jixiao.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.form.FigureExtractor.Extracted;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.instancio.Instancio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FigureExtractorTest {

  private static String one(String text) {
    List<Extracted> figures = FigureExtractor.extract(text);
    assertThat(figures).as(text).hasSize(1);
    Extracted f = figures.get(0);
    return f.kind() + " " + f.value().toPlainString() + (f.approximate() ? " ~" : "") + " "
        + text.substring(f.offset(), f.end());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "基本支出全年292.31万元，|MONEY 2923100 292.31万元",
      "预算数为 1.81元，|MONEY 1.81 1.81元",
      "共发放慰问金126600元，|MONEY 126600 126600元",
      "合计1,234,567.89元|MONEY 1234567.89 1,234,567.89元",
      "合计１，２３４元|MONEY 1234 １，２３４元",
      "全年支出１２３．４５万元。|MONEY 1234500 １２３．４５万元",
      "生育关怀经费31万，项目|MONEY 310000 31万",
      "青春健康教育项目补助经费3万。|MONEY 30000 3万",
      "获得资金2.5亿元|MONEY 250000000 2.5亿元",
      "公务用车购置及运行费 0 万元（|MONEY 0 0 万元",
      "价值50万余元。|MONEY 500000 ~ 50万余元",
      "物资价值近4万元|MONEY 40000 ~ 近4万元",
      "拨款三点五万元|MONEY 35000 三点五万元",
      "拨款一百二十万元|MONEY 1200000 一百二十万元",
      "拨款十二万元|MONEY 120000 十二万元",
      "支出进度为100%。|PERCENT 100 100%",
      "减少5.23%。|PERCENT 5.23 5.23%",
      "及时率达到１００％|PERCENT 100 １００％",
      "自评分为96分。|SCORE 96 96分",
      "评价得到98分，|SCORE 98 98分",
      "截止2022年12月|YEAR 2022 2022年",
      "二〇二二年度|YEAR 2022 二〇二二年",
      "现有参照公务员编制6名，|COUNT 6 6名",
      "计生协230个|COUNT 230 230个",
      "参与会员1207人次，|COUNT 1207 1207人次",
      "服务群众3万余人次。|COUNT 30000 ~ 3万余人次",
      "走访慰问198户计生困难家庭|COUNT 198 198户",
      "完善内部管理制度4项）|COUNT 4 4项",
      "民营企业4家|COUNT 4 4家",
      "开展一次活动|COUNT 1 一次",
      "涉及二十四项问题|COUNT 24 二十四项",
  })
  void readsChineseNumberForms(String text, String expected) {
    assertThat(one(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "新财社[2022]0043号",
      "“5.29”活动期间",
      "为120万三年免息贷款",
      "给予140元/人的交通补贴",
      "购买健康保险（30元/户）",
      "下午4:30点开始",
      "十分重要",
      "分别为",
      "第23个会员活动日",
      "5分钟",
      "千万不要",
      "2022度支出",
      "V12",
      "1-2周",
  })
  void aNumberWithoutAUnitIsNoFigure(String text) {
    assertThat(FigureExtractor.extract(text)).as(text).isEmpty();
  }

  @Test
  void keepsTheSpanInTheOriginalText() {
    String text = "整体支出情况是：基本支出全年292.31万元，项目支出0万元。";
    List<Extracted> figures = FigureExtractor.extract(text);
    assertThat(figures).extracting(f -> text.substring(f.offset(), f.end())).containsExactly("292.31万元", "0万元");
    assertThat(figures).extracting(Extracted::value).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("2923100"), BigDecimal.ZERO);
  }

  @Test
  @Timeout(5)
  void boundsHostileNumbers() {
    String huge = "9".repeat(10_000);
    assertThat(FigureExtractor.extract("共计" + huge + "万元")).isEmpty();
    assertThat(FigureExtractor.extract("共计1." + "1".repeat(10_000) + "元")).isEmpty();
    assertThat(FigureExtractor.extract("1e999999999元，1E-99999%")).isEmpty();
    assertThat(FigureExtractor.extract("共计" + "九".repeat(10_000) + "万元")).isEmpty();
    assertThat(FigureExtractor.extract("共计" + "亿".repeat(30) + "元")).isEmpty();
    assertThat(FigureExtractor.extract("一" + "亿".repeat(19) + "元")).isEmpty();
    // the largest accepted: 15 integer digits
    assertThat(FigureExtractor.extract("999999999999999元")).hasSize(1);
    assertThat(FigureExtractor.extract("99999999999.9999万元")).singleElement()
        .satisfies(f -> assertThat(f.value()).isEqualByComparingTo("999999999999999"));
    assertThat(FigureExtractor.extract("9999999999999.9万元")).isEmpty();
    // many figures: capped
    assertThat(FigureExtractor.extract("1元，".repeat(FigureExtractor.MAX_FIGURES + 500)))
        .hasSize(FigureExtractor.MAX_FIGURES);
  }

  @Test
  @Timeout(10)
  void neverFailsOnGeneratedText() {
    long start = System.nanoTime();
    for (int i = 0; i < 300; i++) {
      String noise = Instancio.gen().string().mixedCase().allowEmpty().maxLength(400).get()
          + Instancio.gen().oneOf("万元", "元", "%", "分", "年", "１２３", "三点", "，", "亿", "九十九", "1,000").get()
          + Instancio.gen().string().digits().maxLength(30).get() + "万元";
      List<Extracted> figures = FigureExtractor.extract(noise);
      for (Extracted f : figures) {
        assertThat(f.offset()).isBetween(0, noise.length());
        assertThat(f.end()).isLessThanOrEqualTo(noise.length());
        assertThat(f.value().precision() - f.value().scale()).isLessThanOrEqualTo(15);
      }
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }
}
