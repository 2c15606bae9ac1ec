package io.jixiao.documents;

import io.jixiao.form.CostLine;
import io.jixiao.form.FundsLine;

/**
 * Where {@link PackageWorkbook} puts every table and number: sheet names, the label in column A
 * that starts each block, the columns of each block (0-based, A = 0) and the canonical row labels.
 * The one definition of the workbook's layout: the importer of issue 14 reads workbooks back with
 * it. The PDF prints the same labels.
 *
 * <p>Self-evaluation sheets (附件2, 附件4-n) are one grid of columns A–J: the funds block, the goals,
 * the indicator table, then the 总分 and 评价等级 rows; block labels (column A) and 一级/二级指标
 * cells are merged down their rows, as on the paper forms. Money is in 元, numeric cells with two
 * decimals; scores are numeric; the 执行率 is a numeric fraction (1 = 100%).
 */
public final class WorkbookLayout {

  private WorkbookLayout() {}

  /** 附件1 部门整体支出绩效评价基础数据表. */
  public static final String BASIC_SHEET = "附件1";
  /** 附件2 部门整体支出绩效自评表. */
  public static final String OVERALL_SHEET = "附件2";
  /** 附件5 部门整体支出绩效自评报告 (section title, text). */
  public static final String NARRATIVE_SHEET = "附件5";
  /** The publication record: unit, year, version, content hash, signatures. */
  public static final String PUBLICATION_SHEET = "公开信息";

  /** 附件4 of the n-th project (0-based): 附件4-1, 附件4-2, … */
  public static String projectSheet(int index) {
    return "附件4-" + (index + 1);
  }

  /** Rows above the first block of a self-evaluation sheet: 0 title, 1 unit or project (and 2 主管部门/实施单位 on 附件4). */
  public static final int TITLE_ROW = 0;

  // Block labels, in column A.
  public static final String OVERALL_FUNDS_BLOCK = "年度预算申请（元）";
  public static final String PROJECT_FUNDS_BLOCK = "项目资金（元）";
  public static final String GOALS_BLOCK = "年度总体目标";
  public static final String INDICATORS_BLOCK = "绩效指标";
  public static final String TOTAL_ROW = "总分";
  public static final String GRADE_ROW = "评价等级";
  public static final String BY_SOURCE = "按收入性质分";
  public static final String BY_NATURE = "按支出性质分";
  public static final String UNIT_NAME = "预算部门名称";
  public static final String PROJECT_NAME = "项目支出名称";
  public static final String PROJECT_CODE = "项目编码";
  public static final String SUPERVISOR = "主管部门";
  public static final String IMPLEMENTER = "实施单位";

  /** The funds block of a self-evaluation sheet; the label spans B–C. */
  public enum FundsColumn {
    LABEL(1, ""),
    INITIAL_BUDGET(3, "年初预算数"),
    ADJUSTED_BUDGET(4, "全年预算数"),
    EXECUTED(5, "全年执行数"),
    WEIGHT(6, "分值"),
    EXECUTION_RATE(7, "执行率"),
    SELF_SCORE(8, "得分"),
    REVIEW_SCORE(9, "复核得分");

    public final int column;
    public final String header;

    FundsColumn(int column, String header) {
      this.column = column;
      this.header = header;
    }
  }

  /** The goals block: 预期目标 spans B–E, 实际完成情况 F–J. */
  public enum GoalColumn {
    EXPECTED(1, 4, "预期目标"),
    ACHIEVED(5, 9, "实际完成情况");

    public final int column;
    public final int lastColumn;
    public final String header;

    GoalColumn(int column, int lastColumn, String header) {
      this.column = column;
      this.lastColumn = lastColumn;
      this.header = header;
    }
  }

  /** The indicator table. The 总分/评价等级 rows put their numbers in WEIGHT, SELF_SCORE and REVIEW_SCORE. */
  public enum IndicatorColumn {
    LEVEL1(1, "一级指标"),
    LEVEL2(2, "二级指标"),
    NAME(3, "三级指标"),
    TARGET(4, "年度指标值"),
    ACTUAL(5, "实际完成值"),
    WEIGHT(6, "分值"),
    SELF_SCORE(7, "得分"),
    REVIEW_SCORE(8, "复核得分"),
    DEVIATION_REASON(9, "偏差原因分析及改进措施");

    public final int column;
    public final String header;

    IndicatorColumn(int column, String header) {
      this.column = column;
      this.header = header;
    }
  }

  /** 附件1 staffing: 财政供养人员情况（人）. */
  public static final String STAFF_BLOCK = "财政供养人员情况（人）";
  /** 附件1 cost control block label; its columns follow {@link CostColumn}. */
  public static final String COST_BLOCK = "经费控制情况（元）";
  /** 附件1 building block label; its columns follow {@link BuildingColumn}. */
  public static final String BUILDING_BLOCK = "楼堂馆所控制情况";
  public static final String FRUGALITY = "厉行节约保障措施";

  public enum StaffColumn {
    ESTABLISHMENT(1, "编制数"),
    IN_POST(2, "实际在职人数"),
    CONTROL_RATE(3, "控制率");

    public final int column;
    public final String header;

    StaffColumn(int column, String header) {
      this.column = column;
      this.header = header;
    }
  }

  /** Header texts take the year: {@code String.format(header, year - 1)} or {@code year}. */
  public enum CostColumn {
    LABEL(0, "经费控制情况（元）"),
    PRIOR_YEAR_FINAL(1, "%d年决算数"),
    BUDGET(2, "%d年预算数"),
    FINAL_ACCOUNT(3, "%d年决算数");

    public final int column;
    public final String header;

    CostColumn(int column, String header) {
      this.column = column;
      this.header = header;
    }
  }

  public enum BuildingColumn {
    NAME(0, "项目名称"),
    APPROVED_AREA(1, "批复规模（㎡）"),
    ACTUAL_AREA(2, "实际规模（㎡）"),
    AREA_CONTROL_RATE(3, "规模控制率"),
    BUDGET_INVESTMENT(4, "预算投资（元）"),
    ACTUAL_INVESTMENT(5, "实际投资（元）"),
    INVESTMENT_CONTROL_RATE(6, "投资概算控制率");

    public final int column;
    public final String header;

    BuildingColumn(int column, String header) {
      this.column = column;
      this.header = header;
    }
  }

  /** The canonical label of a funds row, as printed and as an importer matches it. */
  public static String label(FundsLine line) {
    return switch (line) {
      case TOTAL -> "年度资金总额";
      case GENERAL_BUDGET -> "一般公共预算";
      case GOVERNMENT_FUND -> "政府性基金拨款";
      case SPECIAL_ACCOUNT -> "纳入专户管理的非税收入拨款";
      case CURRENT_YEAR -> "当年财政拨款";
      case CARRIED_OVER -> "上年结转资金";
      case OTHER_FUNDS -> "其他资金";
      case BASIC -> "基本支出";
      case PERSONNEL -> "人员类";
      case OPERATING -> "运转类公用经费";
      case OTHER_OPERATING -> "其他运转类";
      case PROJECT -> "项目支出";
    };
  }

  /** The canonical label of a cost row; a PROJECT_ITEM row prints the project's own label instead. */
  public static String label(CostLine line) {
    return switch (line) {
      case BASIC -> "一、部门基本支出";
      case PUBLIC_FUNDS -> "其中：公用经费";
      case OFFICE -> "其中：办公费";
      case UTILITIES_TRAVEL -> "水费、电费、差旅费";
      case MEETINGS_TRAINING -> "会议费、培训费";
      case THREE_PUBLIC -> "三公经费";
      case OFFICIAL_VEHICLES -> "1.公务用车购置和维护经费";
      case OVERSEAS_TRAVEL -> "2.出国经费";
      case OFFICIAL_RECEPTION -> "3.公务接待";
      case PROJECT -> "二、项目支出小计";
      case PROJECT_ITEM -> "项目";
      case PROCUREMENT -> "政府采购金额";
    };
  }
}
