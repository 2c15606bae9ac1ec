package io.jixiao.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.documents.HandMadeWorkbooks.Formula;
import io.jixiao.documents.WorkbookImport.CellError;
import io.jixiao.documents.WorkbookImport.Failure;
import io.jixiao.documents.WorkbookImport.Result;
import io.jixiao.form.CostLine;
import io.jixiao.form.CostRow;
import io.jixiao.form.FundsLine;
import io.jixiao.form.FundsRow;
import io.jixiao.form.IndicatorRow;
import io.jixiao.form.Project;
import io.jixiao.form.ReportContent;
import io.jixiao.form.SelfEvaluationTable;
import io.jixiao.form.Template;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-made workbooks, shaped like the seeds' tables, read into content; broken ones refused cell by cell. */
class WorkbookImportTest {

  static final Template TEMPLATE = DocumentFixtures.template("NATIONAL_DEFAULT");

  static byte[] handMade() {
    return HandMadeWorkbooks.xlsx().basic("附件1").overall("附件2").project("附件4").bytes();
  }

  static Result read(byte[] file) {
    return WorkbookImport.read(file, ReportContent.empty(), TEMPLATE);
  }

  static BigDecimal yuan(String s) {
    return new BigDecimal(s);
  }

  static FundsRow funds(SelfEvaluationTable t, FundsLine line) {
    return t.funds().stream().filter(f -> f.line() == line).findFirst().orElseThrow();
  }

  @Test
  void aHandMadeOverallTableReadsByItsHeaders() {
    Result result = read(handMade());
    assertThat(result.errors()).isEmpty();
    SelfEvaluationTable t = result.content().overall();
    assertThat(t.title()).isEqualTo("新田县计划生育协会");
    // 万元 from the block label; a formula's cached value; full-width digits; a "元" suffix overrides the block's unit.
    FundsRow total = funds(t, FundsLine.TOTAL);
    assertThat(total.initialBudget()).isEqualTo(yuan("2923100.00"));
    assertThat(total.adjustedBudget()).isEqualTo(yuan("2923100.00"));
    assertThat(total.executed()).isEqualTo(yuan("2923100.00"));
    assertThat(total.weight()).isEqualByComparingTo("10");
    assertThat(total.selfScore()).isEqualByComparingTo("10");
    assertThat(funds(t, FundsLine.GENERAL_BUDGET).initialBudget()).isEqualTo(yuan("2923100.00"));
    assertThat(funds(t, FundsLine.GOVERNMENT_FUND).executed()).isEqualTo(yuan("0.00"));
    assertThat(funds(t, FundsLine.BASIC).initialBudget()).isEqualTo(yuan("2923100.00"));
    assertThat(t.funds()).extracting(FundsRow::line).containsExactly(FundsLine.TOTAL, FundsLine.GENERAL_BUDGET,
        FundsLine.GOVERNMENT_FUND, FundsLine.SPECIAL_ACCOUNT, FundsLine.BASIC);
    assertThat(t.goals()).hasSize(1);
    assertThat(t.goals().get(0).expected()).startsWith("1、提升计生协");
    assertThat(t.goals().get(0).achieved()).startsWith("1、坚持");
    // 一级/二级 merged down their rows; the "……" row and the blank row dropped; 不适用 kept as such.
    List<IndicatorRow> rows = t.indicators();
    assertThat(rows).extracting(IndicatorRow::level1).containsExactly("OUTPUT", "OUTPUT", "BENEFIT", "SATISFACTION");
    assertThat(rows.get(1).level2()).isEqualTo("重点工作  任务完成");
    assertThat(rows.get(1).weight()).isEqualByComparingTo("15");
    assertThat(rows.get(0).actual()).isEqualTo("100%");
    assertThat(rows.get(2).deviationReason()).isEqualTo("宣传覆盖仍有不足");
    assertThat(rows.get(3).counts()).isFalse();
    assertThat(rows.get(3).selfScore()).isNull();
    assertThat(t.statedTotal()).isEqualByComparingTo("68"); // =I6+SUM(H17:H21), its cached value
    assertThat(result.cells()).containsEntry("overall.indicators[2].weight", "附件2!G20");
    assertThat(result.sheets()).containsKeys("附件1", "附件2", "附件4");
  }

  @Test
  void aHandMadeBasicDataTableReadsItsFiguresExactly() {
    Result result = read(handMade());
    var b = result.content().basicData();
    assertThat(b.establishment()).isEqualTo(5);
    assertThat(b.staffInPost()).isEqualTo(5);
    List<CostRow> costs = b.costs();
    assertThat(costs).extracting(CostRow::line).containsExactly(CostLine.BASIC, CostLine.PUBLIC_FUNDS, CostLine.OFFICE,
        CostLine.THREE_PUBLIC, CostLine.OFFICIAL_VEHICLES, CostLine.OVERSEAS_TRAVEL, CostLine.OFFICIAL_RECEPTION,
        CostLine.PROJECT, CostLine.PROJECT_ITEM);
    assertThat(costs.get(0).priorYearFinal()).isEqualTo(yuan("1393800.00")); // "139.38万元"
    assertThat(costs.get(0).finalAccount()).isEqualTo(yuan("2923100.00"));
    assertThat(costs.get(3).finalAccount()).isEqualTo(yuan("18100.00")); // a formula
    assertThat(costs.get(8).label()).isEqualTo("新田县计划生育协会能力建设经费");
    assertThat(costs.get(8).priorYearFinal()).isEqualTo(yuan("12600000.00")); // "1,260.00" 万元
    assertThat(b.buildings()).hasSize(1);
    assertThat(b.buildings().get(0).approvedArea()).isEqualByComparingTo("120");
    assertThat(b.buildings().get(0).budgetInvestment()).isEqualTo(yuan("100000.00"));
    assertThat(b.frugality()).isEqualTo("严格执行公务接待标准");
    assertThat(result.content().filling().preparer()).isEqualTo("肖桂芳");
    assertThat(result.content().filling().phone()).isEqualTo("13874763461");
    assertThat(result.content().filling().date()).isEqualTo(LocalDate.of(2022, 6, 29));
  }

  @Test
  void aHandMadeProjectTableKeepsSixDecimalsOfWanYuan() {
    Result result = read(handMade());
    assertThat(result.content().projects()).hasSize(1);
    Project p = result.content().projects().get(0);
    assertThat(p.code()).isEqualTo("P1");
    assertThat(p.name()).isEqualTo("计生协能力建设");
    assertThat(p.table().supervisor()).isEqualTo("新田县卫生健康局");
    assertThat(p.table().implementer()).isEqualTo("新田县计划生育协会");
    assertThat(funds(p.table(), FundsLine.TOTAL).executed()).isEqualTo(yuan("521234.56"));
    assertThat(funds(p.table(), FundsLine.CARRIED_OVER).executed()).isEqualTo(yuan("0.00"));
    assertThat(p.table().indicators()).extracting(IndicatorRow::selfScore)
        .usingElementComparator(BigDecimal::compareTo).containsExactly(yuan("50"), yuan("38"));
    assertThat(p.table().statedTotal()).isEqualByComparingTo("97.5");
  }

  @Test
  void aLegacyXlsReadsTheSame() {
    Result xls = read(HandMadeWorkbooks.xls().basic("附件1").overall("附件2").project("附件4").bytes());
    assertThat(xls.errors()).isEmpty();
    assertThat(xls.content()).isEqualTo(read(handMade()).content());
  }

  @Test
  void sheetsAreRecognisedByTheirTitlesNotTheirNames() {
    Result result = read(HandMadeWorkbooks.xlsx().overall("Sheet1").project("项目表").bytes());
    assertThat(result.errors()).isEmpty();
    assertThat(result.content().overall().funds()).isNotEmpty();
    assertThat(result.content().projects()).hasSize(1);
  }

  /** What the draft has and the workbook does not show stays: here the narrative and the basic data. */
  @Test
  void theDraftKeepsWhatTheWorkbookDoesNotHold() {
    ReportContent draft = DocumentFixtures.byName("003").document().content();
    Result result = WorkbookImport.read(HandMadeWorkbooks.xlsx().overall("附件2").bytes(), draft, TEMPLATE);
    assertThat(result.errors()).isEmpty();
    assertThat(result.content().narrative()).isEqualTo(draft.narrative());
    assertThat(result.content().basicData()).isEqualTo(draft.basicData());
    assertThat(result.content().projects()).isEqualTo(draft.projects());
    assertThat(result.content().overall()).isNotEqualTo(draft.overall());
  }

  record Broken(String name, Supplier<byte[]> file, Failure failure, String ref, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        new Broken("missing header", () -> HandMadeWorkbooks.xlsx().overall("附件2")
            .with("附件2", s -> HandMadeWorkbooks.set(s, "F5", "执行")).bytes(), Failure.NONE, "附件2!", "缺少表头「全年执行数」"),
        new Broken("text in a number cell", () -> HandMadeWorkbooks.xlsx().overall("附件2")
            .with("附件2", s -> HandMadeWorkbooks.set(s, "E8", "约三百万")).bytes(), Failure.NONE, "附件2!E8", "应为金额"),
        new Broken("negative money", () -> HandMadeWorkbooks.xlsx().basic("附件1")
            .with("附件1", s -> HandMadeWorkbooks.set(s, "C7", "-60.31")).bytes(), Failure.NONE, "附件1!C7", "不能为负数"),
        new Broken("two TOTAL rows", () -> HandMadeWorkbooks.xlsx().overall("附件2")
            .with("附件2", s -> HandMadeWorkbooks.set(s, "B9", "年度资金总额")).bytes(), Failure.NONE, "附件2!B9", "出现两次"),
        new Broken("unknown sheet", () -> HandMadeWorkbooks.xlsx().overall("附件2").unknown("签到").bytes(),
            Failure.NONE, "签到!A1", "无法识别的工作表"),
        new Broken("score over 100", () -> HandMadeWorkbooks.xlsx().overall("附件2")
            .with("附件2", s -> HandMadeWorkbooks.set(s, "G20", 130)).bytes(), Failure.NONE, "附件2!G20", "0 至 100"),
        new Broken("万元 beyond 分", () -> HandMadeWorkbooks.xlsx().project("附件4")
            .with("附件4", s -> HandMadeWorkbooks.set(s, "F8", "52.1234567")).bytes(), Failure.NONE, "附件4!F8", "六位小数"),
        new Broken("formula error", () -> HandMadeWorkbooks.xlsx().overall("附件2")
            .with("附件2", s -> HandMadeWorkbooks.set(s, "F9", new Formula("1/0"))).bytes(), Failure.NONE, "附件2!F9", "公式错误"),
        new Broken("missing level one", () -> HandMadeWorkbooks.xlsx().project("附件4")
            .with("附件4", s -> HandMadeWorkbooks.set(s, "B14", null)).bytes(), Failure.NONE, "附件4!B14", "缺少一级指标"),
        new Broken("corrupt zip", () -> Arrays.copyOf(handMade(), 3000), Failure.FILE, "", "已损坏"),
        new Broken("not a workbook", () -> "名称,金额\n总额,100\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            Failure.FILE, "", "已损坏"),
        new Broken("password-protected", () -> HandMadeWorkbooks.encrypted(handMade(), "secret"), Failure.FILE, "", "密码"),
        new Broken("zip bomb", HandMadeWorkbooks::zipBomb, Failure.FILE, "", "压缩炸弹"),
        new Broken("too large", () -> new byte[WorkbookImport.MAX_BYTES + 1], Failure.TOO_LARGE, "", "超过上限"),
        new Broken("too many rows", () -> HandMadeWorkbooks.xlsx().overall("附件2")
            .with("附件2", s -> HandMadeWorkbooks.set(s, "A2500", "x")).bytes(), Failure.FILE, "附件2!A2500", "行数过多"))
        .map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("broken")
  void aBrokenWorkbookGetsItsCellAddressedErrorAndNoContent(Broken broken) {
    Result result = read(broken.file().get());
    assertThat(result.ok()).isFalse();
    assertThat(result.content()).isNull();
    assertThat(result.failure()).isEqualTo(broken.failure());
    assertThat(result.errors()).anySatisfy(e -> {
      assertThat(e.ref()).startsWith(broken.ref());
      assertThat(e.message()).contains(broken.message());
    });
    if (!broken.ref().isEmpty()) {
      assertThat(result.errors()).allSatisfy(e -> assertThat(e.cell()).matches("[A-Z]+[0-9]+"));
    }
  }

  @Test
  void textNumbersAreReadExactly() {
    assertThat(WorkbookImport.Grid.parse("1,234,567.89").value()).isEqualTo(yuan("1234567.89"));
    assertThat(WorkbookImport.Grid.parse("１２３．４５").value()).isEqualTo(yuan("123.45"));
    assertThat(WorkbookImport.Grid.parse(" 292.31万元 ").unit()).isEqualTo(WorkbookImport.Unit.WAN);
    assertThat(WorkbookImport.Grid.parse("1,23.4").problem()).isNotNull();
    assertThat(WorkbookImport.Grid.parse("1e400").problem()).isNotNull();
    assertThat(WorkbookImport.Grid.parse("9".repeat(50)).problem()).isNotNull();
    assertThat(WorkbookImport.Grid.exact(0.1 + 0.2)).isEqualTo(yuan("0.3"));
  }

  @Test
  void anErrorNamesSheetCellAndWhatWasExpected() {
    CellError e = new CellError("附件2", "E7", "应为金额");
    assertThat(e.ref()).isEqualTo("附件2!E7");
    assertThat(e.toString()).isEqualTo("附件2!E7: 应为金额");
  }
}
