package io.jixiao.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.form.Measure.Kind;
import io.jixiao.form.Measure.Op;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MeasureTest {

  /** Every target and actual shape of DOMAIN §2 and the seeds. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      =3次            | EQ | 3       | 次
      =20.57万元      | EQ | 20.57   | 万元
      ≥98%            | GE | 98      | %
      95%以上         | GE | 95      | %
      240户           | EQ | 240     | 户
      '　240'         | EQ | 240     | ''
      '　100%　　'    | EQ | 100     | %
      '　59人次'      | EQ | 59      | 人次
      =5场次          | EQ | 5       | 场次
      ' 6期　'        | EQ | 6       | 期
      =1个            | EQ | 1       | 个
      25. 56万元      | EQ | 25.56   | 万元
      132. 2万元      | EQ | 132.2   | 万元
      3,647,981.22    | EQ | 3647981.22 | ''
      3, 647, 981. 22 | EQ | 3647981.22 | ''
      ＝３次          | EQ | 3       | 次
      ≥９８％         | GE | 98      | %
      ＞90%           | GT | 90      | %
      ＜5%            | LT | 5       | %
      ≤5次            | LE | 5       | 次
      ≦5次            | LE | 5       | 次
      >=80%           | GE | 80      | %
      <=2天           | LE | 2       | 天
      不低于95%       | GE | 95      | %
      不少于240户     | GE | 240     | 户
      不超过20.57万元 | LE | 20.57   | 万元
      不高于3%        | LE | 3       | %
      2个工作日以内   | LE | 2       | 个工作日
      5%以下          | LE | 5       | %
      98%及以上       | GE | 98      | %
      92%以上         | GE | 92      | %
      2607多户        | EQ | 2607    | 多户
      """)
  void parsesNumbers(String written, Op op, BigDecimal number, String unit) {
    Measure m = Measure.parse(written);
    assertThat(m.kind()).isEqualTo(Kind.NUMBER);
    assertThat(m.op()).isEqualTo(op);
    assertThat(m.number()).isEqualByComparingTo(number);
    assertThat(m.unit()).isEqualTo(unit);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      2024年12月31日   | 2024-12-31
      '　2324年12月31日' | 2324-12-31
      2024-12-31       | 2024-12-31
      2024.12.31       | 2024-12-31
      2024/6/1         | 2024-06-01
      ２０２４年６月３０日 | 2024-06-30
      2024年12月31日前 | 2024-12-31
      2024年6月        | 2024-06-30
      2024年底前       | 2024-12-31
      2024年           | 2024-12-31
      ≤2024年11月30日  | 2024-11-30
      """)
  void parsesDates(String written, LocalDate date) {
    Measure m = Measure.parse(written);
    assertThat(m.kind()).isEqualTo(Kind.DATE);
    assertThat(m.date()).isEqualTo(date);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"按时保质完成", "有效提升", "长期", "达成预期指标", "优秀", "群众对项目实施的满意度",
      "开展优生优育、生殖健康宣传活动，提升群众知识知晓率。", "2024年2月30日", "3次以上活动"})
  void qualitativeIsText(String written) {
    assertThat(Measure.parse(written).kind()).isEqualTo(Kind.TEXT);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"　", "  \t ", "——", "-", "……", "/"})
  void blankAndPlaceholdersAreEmpty(String written) {
    assertThat(Measure.parse(written).kind()).isEqualTo(Kind.EMPTY);
  }

  @Test
  void unitsNormaliseToBaseValues() {
    Measure wan = Measure.parse("=20.57万元");
    assertThat(wan.value()).isEqualByComparingTo("205700");
    assertThat(wan.baseUnit()).isEqualTo("元");
    assertThat(wan.isMoney()).isTrue();
    assertThat(Measure.parse("2万余份").value()).isEqualByComparingTo("20000");
    assertThat(Measure.parse("2万余份").baseUnit()).isEqualTo("份");
    assertThat(Measure.parse("2607多户").baseUnit()).isEqualTo("户");
    assertThat(Measure.parse("98%").isPercent()).isTrue();
    assertThat(Measure.parse("3年").kind()).isEqualTo(Kind.NUMBER);
  }

  @Test
  void higherIsBetterOperators() {
    assertThat(Op.EQ.higherIsBetter()).isTrue();
    assertThat(Op.GE.higherIsBetter()).isTrue();
    assertThat(Op.GT.higherIsBetter()).isTrue();
    assertThat(Op.LE.higherIsBetter()).isFalse();
    assertThat(Op.LT.higherIsBetter()).isFalse();
  }
}
