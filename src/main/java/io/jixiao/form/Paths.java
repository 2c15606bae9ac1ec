package io.jixiao.form;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finding paths, a contract shared with the UI: {@code overall.funds[TOTAL].executed},
 * {@code projects[P1].table.indicators[2].selfScore}, {@code basicData.costs[PROJECT_ITEM#1].budget},
 * {@code narrative[basic].figures[0].amount}. A row of a funds or cost block is named by its line; a
 * repeated line by its occurrence ({@code BASIC#1} is the second BASIC row, {@code BASIC} = {@code
 * BASIC#0}); PROJECT_ITEM rows always carry the occurrence. {@link StatedFigure#refersTo()} uses the
 * same syntax, which {@link #resolve} reads back.
 */
final class Paths {

  static final String OVERALL = "overall";
  static final String BASIC_DATA = "basicData";

  private Paths() {}

  static String project(Project project, int index) {
    return "projects[" + projectKey(project, index) + "]";
  }

  /** The project's code, or "#index" when a draft has none yet. */
  static String projectKey(Project project, int index) {
    return project.code() == null || project.code().isBlank() ? "#" + index : project.code().strip();
  }

  static String fundsRow(String table, List<FundsRow> funds, int index) {
    return table + ".funds[" + key(funds, index, FundsRow::line, false) + "]";
  }

  static String costRow(List<CostRow> costs, int index) {
    CostLine line = costs.get(index).line();
    return BASIC_DATA + ".costs[" + key(costs, index, CostRow::line, line == CostLine.PROJECT_ITEM) + "]";
  }

  static String indicator(String table, int index) {
    return table + ".indicators[" + index + "]";
  }

  static String narrative(NarrativeSection section, int index) {
    String key = section.key() == null || section.key().isBlank() ? "#" + index : section.key().strip();
    return "narrative[" + key + "]";
  }

  private static <R, L extends Enum<L>> String key(List<R> rows, int index, Function<R, L> line, boolean alwaysNumber) {
    L own = line.apply(rows.get(index));
    int occurrence = 0;
    for (int i = 0; i < index; i++) {
      if (line.apply(rows.get(i)) == own) {
        occurrence++;
      }
    }
    String name = own == null ? "?" : own.name();
    return alwaysNumber || occurrence > 0 ? name + "#" + occurrence : name;
  }

  // ---- resolving a refersTo path to the value it names ----

  private static final String KEY = "\\[([^\\]]+)\\]";
  private static final Pattern COST = Pattern.compile("^basicData\\.costs" + KEY + "\\.(\\w+)$");
  private static final Pattern BASIC_FIELD = Pattern.compile("^basicData\\.(establishment|staffInPost)$");
  private static final Pattern BUILDING = Pattern.compile("^basicData\\.buildings\\[(\\d{1,6})\\]\\.(\\w+)$");
  private static final Pattern TABLE = Pattern.compile("^(?:overall|projects" + KEY + "\\.table)\\.(.+)$");
  private static final Pattern PROJECT_REPORT = Pattern.compile("^projects" + KEY + "\\.report\\.budgetAmount$");
  private static final Pattern FUNDS = Pattern.compile("^funds" + KEY + "\\.(\\w+)$");
  private static final Pattern INDICATOR = Pattern.compile("^indicators\\[(\\d{1,6})\\]\\.(\\w+)$");
  private static final Pattern LINE_KEY = Pattern.compile("^([A-Z_]+)(?:#(\\d{1,6}))?$");

  /** The number a path names, or null when it names nothing (or nothing filled in yet). */
  static BigDecimal resolve(ReportContent content, String path) {
    if (content == null || path == null) {
      return null;
    }
    String p = path.strip();
    Matcher m;
    BasicDataTable basic = content.basicData();
    if ((m = COST.matcher(p)).matches()) {
      CostRow row = basic == null ? null : nth(basic.costs(), m.group(1), CostRow::line, CostLine.class);
      return row == null ? null : costField(row, m.group(2));
    }
    if ((m = BASIC_FIELD.matcher(p)).matches()) {
      Integer v = basic == null ? null
          : m.group(1).equals("establishment") ? basic.establishment() : basic.staffInPost();
      return v == null ? null : BigDecimal.valueOf(v);
    }
    if ((m = BUILDING.matcher(p)).matches()) {
      int i = Integer.parseInt(m.group(1));
      if (basic == null || i >= basic.buildings().size()) {
        return null;
      }
      BuildingRow b = basic.buildings().get(i);
      return switch (m.group(2)) {
        case "approvedArea" -> b.approvedArea();
        case "actualArea" -> b.actualArea();
        case "budgetInvestment" -> b.budgetInvestment();
        case "actualInvestment" -> b.actualInvestment();
        default -> null;
      };
    }
    if ((m = PROJECT_REPORT.matcher(p)).matches()) {
      Project project = project(content, m.group(1));
      return project == null || project.report() == null ? null : project.report().budgetAmount();
    }
    if ((m = TABLE.matcher(p)).matches()) {
      SelfEvaluationTable table;
      if (m.group(1) == null) {
        table = content.overall();
      } else {
        Project project = project(content, m.group(1));
        table = project == null ? null : project.table();
      }
      return table == null ? null : tableField(table, m.group(2));
    }
    return null;
  }

  private static BigDecimal tableField(SelfEvaluationTable table, String rest) {
    if (rest.equals("statedTotal")) {
      return table.statedTotal();
    }
    Matcher m;
    if ((m = FUNDS.matcher(rest)).matches()) {
      FundsRow row = nth(table.funds(), m.group(1), FundsRow::line, FundsLine.class);
      if (row == null) {
        return null;
      }
      return switch (m.group(2)) {
        case "initialBudget" -> row.initialBudget();
        case "adjustedBudget" -> row.adjustedBudget();
        case "executed" -> row.executed();
        case "weight" -> row.weight();
        case "selfScore" -> row.selfScore();
        case "reviewScore" -> row.reviewScore();
        default -> null;
      };
    }
    if ((m = INDICATOR.matcher(rest)).matches()) {
      int i = Integer.parseInt(m.group(1));
      if (i >= table.indicators().size()) {
        return null;
      }
      IndicatorRow row = table.indicators().get(i);
      return switch (m.group(2)) {
        case "weight" -> row.weight();
        case "selfScore" -> row.selfScore();
        case "reviewScore" -> row.reviewScore();
        default -> null;
      };
    }
    return null;
  }

  static BigDecimal costField(CostRow row, String field) {
    return switch (field) {
      case "priorYearFinal" -> row.priorYearFinal();
      case "budget" -> row.budget();
      case "finalAccount" -> row.finalAccount();
      default -> null;
    };
  }

  private static Project project(ReportContent content, String key) {
    List<Project> projects = content.projects();
    for (int i = 0; i < projects.size(); i++) {
      if (projectKey(projects.get(i), i).equals(key.strip())) {
        return projects.get(i);
      }
    }
    return null;
  }

  private static <R, L extends Enum<L>> R nth(List<R> rows, String key, Function<R, L> line, Class<L> type) {
    Matcher m = LINE_KEY.matcher(key.strip());
    if (!m.matches()) {
      return null;
    }
    L wanted;
    try {
      wanted = Enum.valueOf(type, m.group(1));
    } catch (IllegalArgumentException e) {
      return null;
    }
    int n = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    for (R row : rows) {
      if (line.apply(row) == wanted && n-- == 0) {
        return row;
      }
    }
    return null;
  }
}
