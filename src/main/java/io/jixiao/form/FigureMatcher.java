package io.jixiao.form;

import io.jixiao.form.FigureExtractor.Extracted;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links the figures {@link FigureExtractor} finds in a narrative section to the table cells they most
 * likely describe, and groups listed parts under their total. Rules, in order:
 *
 * <ol>
 *   <li><b>Parts.</b> A list introducer (其中, 具体情况如下, 包括, 分别为) after an amount opens its parts: the
 *       amounts that follow up to the sentence's end (or, when the introducer ends its line, the first
 *       amount of each numbered line that follows: （1）…（2）…). Amounts in brackets belong to a nested
 *       list; an amount naming another column (项目执行数 after a 预算 total), a second total (合计) or an
 *       approximate one ends or voids the list; a list ending in 等 ("…9万元等专项资金") is not all of it,
 *       so it gets no parts; nor does a single "part". An introducer that opens a sentence ("…32.77万元，
 *       是指…。其中：") lists the parts of the previous sentence's first amount.
 *   <li><b>Row</b> by the label words of the figure's clause (the text since the previous figure or
 *       comma): 基本支出, 工资福利, 商品和服务 / 公用经费, 项目支出 / 项目资金 / 专项, 三公, 公务接待, 公务用车,
 *       出国, 各级财政划拨 / 部门预算 (the total); else the sentence before it; else a heading line just above
 *       ("1、区级项目资金支出情况"). A part takes its row from its own clause only, and never its total's
 *       row. A special project's name (its 项目名称) anywhere in the sentence names that project's table.
 *   <li><b>Column</b> by the clause: 执行 / 决算 → executed; 年初预算 → initial; 调整后预算 → adjusted; 预算 /
 *       拨付 / 下达 → budget; else 支出 / 划拨 → executed. A part without a column word of its own takes its
 *       total's; a project's figure must name its column itself.
 *   <li><b>Cell.</b> The basic-data table's cost line when the package has it (附件1), else the overall
 *       table's funds line. A score (98分) beside 自评 / 得分 is the table's stated total; a count beside
 *       编制 / 在职 the basic data's staffing.
 *   <li><b>Not linked</b>: a change or another year (增加, 减少, 结余, 比上年, 收入, "2020年…"), an
 *       approximate figure, and a figure qualified by a level (省级, 区级, …) that is less than its cell
 *       (it describes a part of the row); a qualified figure that agrees with or exceeds the cell is.
 * </ol>
 *
 * <p>Confidence: 95 when the value equals the cell, 90 within rounding ({@link Rounding}), 75 for a
 * 万元/元 slip ({@link Magnitude}), 65 when it differs, 50 when the cell is empty. Unlinked figures stay
 * unlinked: they are shown, never a finding.
 */
public final class FigureMatcher {

  private FigureMatcher() {}

  /** A cell a figure may be linked to, for the re-link choice. */
  public record Candidate(String path, String label) {}

  private enum Row {
    TOTAL("各级财政|财政划拨|资金总额|部门(?=预算|决算|整体|支出|收支)", null, FundsLine.TOTAL),
    BASIC("基本支出", CostLine.BASIC, FundsLine.BASIC),
    PERSONNEL("工资福利|人员经费|人员类", null, FundsLine.PERSONNEL),
    OPERATING("商品和服务|公用经费|运转类", CostLine.PUBLIC_FUNDS, FundsLine.OPERATING),
    PROJECT("项目(?=支出|资金|执行|预算)|专项|特定目标类", CostLine.PROJECT, FundsLine.PROJECT),
    THREE_PUBLIC("三公(?!结合)", CostLine.THREE_PUBLIC, null),
    OFFICIAL_RECEPTION("公务接待", CostLine.OFFICIAL_RECEPTION, null),
    OFFICIAL_VEHICLES("公务用车|公车", CostLine.OFFICIAL_VEHICLES, null),
    OVERSEAS_TRAVEL("出国", CostLine.OVERSEAS_TRAVEL, null);

    final Pattern words;
    final CostLine cost;
    final FundsLine funds;

    Row(String words, CostLine cost, FundsLine funds) {
      this.words = Pattern.compile(words);
      this.cost = cost;
      this.funds = funds;
    }
  }

  private enum Column { EXECUTED, INITIAL, ADJUSTED, BUDGET }

  private static final Pattern EXECUTED_STRONG = Pattern.compile("执行|决算|实际支出|实际使用");
  private static final Pattern INITIAL = Pattern.compile("年初预算");
  private static final Pattern ADJUSTED = Pattern.compile("调整后预算|调整预算|全年预算");
  private static final Pattern BUDGET = Pattern.compile("预算|拨付|下达|批复");
  private static final Pattern EXECUTED_WEAK = Pattern.compile("支出|划拨|开支|支付");
  private static final Pattern NOT_THE_CELL =
      Pattern.compile("收入|增加|减少|增长|下降|结余|节约|节支|结转|上年|去年|同期|同比|比|较|差额|超支|缺口");
  private static final Pattern LEVEL = Pattern.compile("省级|市级|区级|县级|州级|中央|乡镇级|乡级");
  private static final Pattern INTRODUCER = Pattern.compile("其中|具体情况如下|具体如下|包括|分别为|分别是");
  private static final Pattern ANOTHER_TOTAL = Pattern.compile("合计|共计|总计|共为|小计");
  private static final Pattern SCORE_WORDS = Pattern.compile("自评|评价|得分|评分|总分|得到");
  private static final Pattern ENUMERATED = Pattern.compile("^\\s*(?:[（(]\\s*\\d{1,2}\\s*[）)]|\\d{1,2}\\s*[、.．]|[①②③④⑤⑥⑦⑧⑨⑩])");
  private static final Pattern ESTABLISHMENT = Pattern.compile("编制");
  private static final Pattern IN_POST = Pattern.compile("在职|实有");
  private static final String CLAUSE_END = "，,；;。！？!?\n";
  private static final String SENTENCE_END = "。！？!?\n";

  /** What the matcher works out for one extracted figure. */
  private static final class Work {
    final Extracted figure;
    int labelStart;
    int parent = -1;
    final List<BigDecimal> parts = new ArrayList<>();
    boolean hasParts;
    Column column;
    String path;
    int confidence;

    Work(Extracted figure) {
      this.figure = figure;
    }
  }

  /**
   * The figures of one section's text, extracted and linked against {@code content}'s tables, as
   * {@link FigureSource#EXTRACTED} figures: money, percentages and scores always; counts when linked;
   * years never (the year check reads the text itself). At most {@link Limits#FIGURES}, linked ones first.
   */
  public static List<StatedFigure> match(ReportContent content, String text, int year) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    ReportContent c = content == null ? ReportContent.empty() : content;
    List<Extracted> extracted = FigureExtractor.extract(text);
    List<Work> works = new ArrayList<>();
    for (Extracted e : extracted) {
      works.add(new Work(e));
    }
    String s = FigureExtractor.normalize(text);
    labels(s, works);
    parts(s, works);
    for (int i = 0; i < works.size(); i++) {
      link(c, s, works, i, year);
    }
    List<StatedFigure> out = new ArrayList<>();
    for (Work w : works) {
      Extracted e = w.figure;
      if (e.kind() == FigureKind.YEAR || (e.kind() == FigureKind.COUNT && w.path == null)) {
        continue;
      }
      BigDecimal amount = e.value();
      if (amount.scale() > 2) {
        continue; // not a whole number of 分 (a percent with three decimals): nothing to hold it
      }
      amount = amount.setScale(2, RoundingMode.UNNECESSARY);
      List<BigDecimal> parts = new ArrayList<>();
      for (BigDecimal p : w.parts) {
        if (p.scale() > 2) {
          parts = List.of();
          break;
        }
        parts.add(p.setScale(2, RoundingMode.UNNECESSARY));
      }
      if (parts.size() > Limits.PARTS) {
        parts = List.of();
      }
      out.add(new StatedFigure(label(s, w), amount, parts, w.path, e.kind(), FigureSource.EXTRACTED, e.offset(),
          Math.min(e.length(), 100), w.path == null ? 0 : w.confidence));
    }
    if (out.size() > Limits.FIGURES) {
      List<StatedFigure> kept = new ArrayList<>(out.stream().filter(f -> f.refersTo() != null || !f.parts().isEmpty())
          .limit(Limits.FIGURES).toList());
      for (StatedFigure f : out) {
        if (kept.size() >= Limits.FIGURES) {
          break;
        }
        if (f.refersTo() == null && f.parts().isEmpty()) {
          kept.add(f);
        }
      }
      kept.sort(java.util.Comparator.comparingInt(StatedFigure::offset));
      out = kept;
    }
    return out;
  }

  /** The cells a figure of this kind may describe, for the preparer to choose from. */
  public static List<Candidate> candidates(ReportContent content, FigureKind kind) {
    ReportContent c = content == null ? ReportContent.empty() : content;
    Map<String, String> out = new LinkedHashMap<>();
    FigureKind k = kind == null ? FigureKind.MONEY : kind;
    if (k == FigureKind.MONEY) {
      BasicDataTable basic = c.basicData();
      if (basic != null) {
        for (int i = 0; i < basic.costs().size(); i++) {
          CostRow row = basic.costs().get(i);
          String name = row.label() == null || row.label().isBlank() ? String.valueOf(row.line()) : row.label().strip();
          out.put(Paths.costRow(basic.costs(), i) + ".budget", "基础数据表 " + name + " 预算数");
          out.put(Paths.costRow(basic.costs(), i) + ".finalAccount", "基础数据表 " + name + " 决算数");
        }
      }
      funds(out, c.overall(), Paths.OVERALL, "整体自评表 ");
      for (int i = 0; i < c.projects().size(); i++) {
        Project p = c.projects().get(i);
        funds(out, p.table(), Paths.project(p, i) + ".table", (p.name() == null ? Paths.projectKey(p, i) : p.name()) + " ");
      }
    } else if (k == FigureKind.SCORE) {
      out.put(Paths.OVERALL + ".statedTotal", "整体自评表 总分");
      for (int i = 0; i < c.projects().size(); i++) {
        Project p = c.projects().get(i);
        out.put(Paths.project(p, i) + ".table.statedTotal", (p.name() == null ? Paths.projectKey(p, i) : p.name()) + " 总分");
      }
    } else if (k == FigureKind.COUNT) {
      out.put(Paths.BASIC_DATA + ".establishment", "基础数据表 编制数");
      out.put(Paths.BASIC_DATA + ".staffInPost", "基础数据表 在职人数");
    }
    List<Candidate> list = new ArrayList<>();
    out.forEach((path, label) -> list.add(new Candidate(path, label)));
    return list;
  }

  private static void funds(Map<String, String> out, SelfEvaluationTable table, String prefix, String what) {
    if (table == null) {
      return;
    }
    for (int i = 0; i < table.funds().size(); i++) {
      FundsRow row = table.funds().get(i);
      String name = row.label() == null || row.label().isBlank() ? String.valueOf(row.line()) : row.label().strip();
      String path = Paths.fundsRow(prefix, table.funds(), i);
      out.put(path + ".initialBudget", what + name + " 年初预算数");
      out.put(path + ".adjustedBudget", what + name + " 全年预算数");
      out.put(path + ".executed", what + name + " 全年执行数");
    }
  }

  // ---- labels and parts ----

  /** The clause of each figure: back to the previous figure (years aside) or clause mark. */
  private static void labels(String s, List<Work> works) {
    int previousEnd = 0;
    for (Work w : works) {
      int start = w.figure.offset();
      int i = start - 1;
      while (i >= previousEnd && CLAUSE_END.indexOf(s.charAt(i)) < 0) {
        i--;
      }
      w.labelStart = Math.max(i + 1, previousEnd);
      if (w.figure.kind() != FigureKind.YEAR) {
        previousEnd = w.figure.end();
      }
    }
  }

  private static String clause(String s, Work w) {
    return s.substring(w.labelStart, w.figure.offset());
  }

  private static String label(String s, Work w) {
    String label = clause(s, w).replaceAll("^[\\s：:、（()）]+|[\\s：:、（(]+$", "");
    if (label.length() > 60) {
      label = label.substring(label.length() - 60);
    }
    return label.isEmpty() ? s.substring(w.figure.offset(), w.figure.end()) : label;
  }

  private static int sentenceStart(String s, int at) {
    int i = at - 1;
    while (i >= 0 && SENTENCE_END.indexOf(s.charAt(i)) < 0) {
      i--;
    }
    return i + 1;
  }

  private static int sentenceEnd(String s, int at) {
    int i = at;
    while (i < s.length() && SENTENCE_END.indexOf(s.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  private static int lineStart(String s, int at) {
    int i = s.lastIndexOf('\n', Math.max(0, at - 1));
    return i < 0 ? 0 : i + 1;
  }

  private static int lineEnd(String s, int at) {
    int i = s.indexOf('\n', at);
    return i < 0 ? s.length() : i;
  }

  private static void parts(String s, List<Work> works) {
    Matcher m = INTRODUCER.matcher(s);
    int lastEnd = -10;
    while (m.find()) {
      int p = m.start();
      boolean adjacent = p - lastEnd <= 3;
      lastEnd = m.end();
      if (adjacent) {
        continue; // 其中包括
      }
      int total = totalBefore(s, works, p);
      if (total < 0 || works.get(total).hasParts || works.get(total).figure.approximate()) {
        continue;
      }
      Work t = works.get(total);
      Column totalColumn = strongColumn(clause(s, t));
      List<Integer> parts = new ArrayList<>();
      boolean valid = true;
      String rest = s.substring(m.end(), lineEnd(s, m.end()));
      boolean byLines = rest.replaceAll("[\\s：:，,]", "").isEmpty();
      if (byLines) {
        int line = lineEnd(s, m.end()) + 1;
        while (line < s.length()) {
          int end = lineEnd(s, line);
          if (!ENUMERATED.matcher(s.substring(line, end)).find()) {
            break;
          }
          int first = firstMoney(works, line, end);
          if (first < 0) {
            break;
          }
          parts.add(first);
          line = end + 1;
        }
      } else {
        int end = sentenceEnd(s, m.end());
        int depth = 0;
        int scanned = m.end();
        for (int k = 0; k < works.size() && valid; k++) {
          Work w = works.get(k);
          if (w.figure.offset() < m.end() || w.figure.kind() != FigureKind.MONEY) {
            continue;
          }
          if (w.figure.offset() >= end) {
            break;
          }
          depth += depth(s, scanned, w.figure.offset());
          scanned = w.figure.end();
          if (depth < 0) {
            break; // the bracket this list stood in closed
          }
          if (depth > 0) {
            continue; // a nested list
          }
          String c = clause(s, w);
          Column own = strongColumn(c);
          if ((own != null && own != totalColumn) || ANOTHER_TOTAL.matcher(c).find()) {
            break;
          }
          if (w.figure.approximate()) {
            valid = false;
          }
          parts.add(k);
        }
        if (!parts.isEmpty()) {
          int after = works.get(parts.get(parts.size() - 1)).figure.end();
          if (s.startsWith("等", after)) {
            valid = false; // not all of it
          }
        }
      }
      if (!valid || parts.size() < 2) {
        continue;
      }
      t.hasParts = true;
      for (int k : parts) {
        t.parts.add(works.get(k).figure.value());
        works.get(k).parent = total;
      }
    }
  }

  private static int depth(String s, int from, int to) {
    int d = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '（' || c == '(') {
        d++;
      } else if (c == '）' || c == ')') {
        d--;
      }
    }
    return d;
  }

  /** The amount a list introducer at {@code p} lists the parts of, or -1. */
  private static int totalBefore(String s, List<Work> works, int p) {
    int start = sentenceStart(s, p);
    int best = -1;
    for (int k = 0; k < works.size(); k++) {
      Work w = works.get(k);
      if (w.figure.offset() >= start && w.figure.end() <= p && w.figure.kind() == FigureKind.MONEY) {
        best = k;
      }
    }
    if (best >= 0) {
      return best;
    }
    if (!s.substring(start, p).replaceAll("[\\s：:，,]", "").isEmpty() || start == 0) {
      return -1;
    }
    int previous = sentenceStart(s, start - 1);
    return firstMoney(works, previous, start - 1);
  }

  private static int firstMoney(List<Work> works, int from, int to) {
    for (int k = 0; k < works.size(); k++) {
      Extracted f = works.get(k).figure;
      if (f.offset() >= from && f.end() <= to && f.kind() == FigureKind.MONEY) {
        return k;
      }
    }
    return -1;
  }

  // ---- linking ----

  private static Column strongColumn(String clause) {
    if (EXECUTED_STRONG.matcher(clause).find()) {
      return Column.EXECUTED;
    }
    if (INITIAL.matcher(clause).find()) {
      return Column.INITIAL;
    }
    if (ADJUSTED.matcher(clause).find()) {
      return Column.ADJUSTED;
    }
    if (BUDGET.matcher(clause).find()) {
      return Column.BUDGET;
    }
    return null;
  }

  private static Column column(String clause) {
    Column strong = strongColumn(clause);
    return strong != null ? strong : EXECUTED_WEAK.matcher(clause).find() ? Column.EXECUTED : null;
  }

  /** The row whose words stand nearest the end of {@code text}, or null. */
  private static Row row(String text) {
    Row best = null;
    int bestEnd = -1;
    for (Row r : Row.values()) {
      Matcher m = r.words.matcher(text);
      while (m.find()) {
        if (m.end() > bestEnd) {
          bestEnd = m.end();
          best = r;
        }
      }
    }
    return best;
  }

  /** A heading line right above the figure's line ("1、区级项目资金支出情况"), or "". */
  private static String heading(String s, List<Work> works, int at) {
    int line = lineStart(s, at);
    if (line == 0) {
      return "";
    }
    int previous = lineStart(s, line - 1);
    String text = s.substring(previous, line - 1);
    if (text.length() > 30 || text.contains("。") || firstMoney(works, previous, line - 1) >= 0) {
      return "";
    }
    return text;
  }

  private static boolean anotherYear(List<Work> works, Work w, int year) {
    for (Work y : works) {
      Extracted f = y.figure;
      if (f.kind() == FigureKind.YEAR && f.offset() >= w.labelStart && f.end() <= w.figure.offset()
          && f.value().intValue() != year) {
        return true;
      }
    }
    return false;
  }

  private static void link(ReportContent c, String s, List<Work> works, int i, int year) {
    Work w = works.get(i);
    Extracted f = w.figure;
    if (f.approximate() || f.kind() == FigureKind.YEAR || f.kind() == FigureKind.PERCENT) {
      return;
    }
    String clause = clause(s, w);
    int sentence = sentenceStart(s, f.offset());
    String before = s.substring(sentence, f.offset());
    if (NOT_THE_CELL.matcher(clause).find() || anotherYear(works, w, year)) {
      return;
    }
    if (f.kind() == FigureKind.COUNT) {
      BasicDataTable basic = c.basicData();
      if (basic != null && ESTABLISHMENT.matcher(clause).find()) {
        set(w, c, Paths.BASIC_DATA + ".establishment");
      } else if (basic != null && IN_POST.matcher(clause).find()) {
        set(w, c, Paths.BASIC_DATA + ".staffInPost");
      }
      return;
    }
    int project = project(c, before);
    if (f.kind() == FigureKind.SCORE) {
      String line = s.substring(lineStart(s, f.offset()), f.offset());
      if (!SCORE_WORDS.matcher(before).find() || before.contains("指标")) {
        return;
      }
      int inLine = project >= 0 ? project : project(c, line);
      if (inLine >= 0) {
        set(w, c, Paths.project(c.projects().get(inLine), inLine) + ".table.statedTotal");
      } else if (c.overall() != null) {
        set(w, c, Paths.OVERALL + ".statedTotal");
      }
      return;
    }
    // money
    if (project >= 0) {
      Column own = column(clause);
      Project p = c.projects().get(project);
      if (own != null && p.table() != null) {
        String cell = fundsCell(p.table(), Paths.project(p, project) + ".table", FundsLine.TOTAL, own);
        if (cell != null) {
          set(w, c, cell);
        }
      }
      return;
    }
    boolean part = w.parent >= 0;
    Row row = row(clause);
    String context = clause;
    if (row == null && !part) {
      row = row(before);
      context = before;
      if (row == null) {
        context = heading(s, works, f.offset());
        row = row(context);
      }
    }
    if (row == null) {
      return;
    }
    Column column = part ? strongColumn(clause) : column(clause);
    if (column == null && part) {
      column = works.get(w.parent).column;
    }
    w.column = column;
    if (column == null) {
      return;
    }
    String path = cell(c, row, column);
    if (path == null) {
      return;
    }
    if (part && path.equals(works.get(w.parent).path)) {
      return; // a part is not its total
    }
    BigDecimal table = Paths.resolve(c, path);
    boolean qualified = LEVEL.matcher(clause).find() || LEVEL.matcher(before).find()
        || LEVEL.matcher(heading(s, works, f.offset())).find() || LEVEL.matcher(context).find();
    if (qualified && table != null && f.value().compareTo(table) < 0 && !Rounding.agrees(f.value(), table)
        && !Magnitude.suspect(f.value(), table)) {
      return; // 区级项目执行数43.4万元 of a 项目支出 83.87万元: a part of the row
    }
    set(w, c, path);
  }

  private static void set(Work w, ReportContent c, String path) {
    w.path = path;
    BigDecimal table = Paths.resolve(c, path);
    BigDecimal value = w.figure.value();
    if (table == null) {
      w.confidence = 50;
    } else if (table.compareTo(value) == 0) {
      w.confidence = 95;
    } else if (Rounding.agrees(value, table) || Rounding.agrees(table, value)) {
      w.confidence = 90;
    } else if (Magnitude.suspect(value, table)) {
      w.confidence = 75;
    } else {
      w.confidence = 65;
    }
  }

  /** The project whose name the text names (the longest, when one name holds another), or -1. */
  private static int project(ReportContent c, String text) {
    int best = -1;
    int bestLength = 0;
    for (int i = 0; i < c.projects().size(); i++) {
      String name = c.projects().get(i).name();
      if (name == null || name.strip().length() < 4) {
        continue;
      }
      String n = name.strip();
      if (text.contains(n) && n.length() > bestLength) {
        best = i;
        bestLength = n.length();
      }
    }
    return best;
  }

  private static String cell(ReportContent c, Row row, Column column) {
    BasicDataTable basic = c.basicData();
    if (basic != null && row.cost != null) {
      for (int i = 0; i < basic.costs().size(); i++) {
        if (basic.costs().get(i).line() == row.cost) {
          return Paths.costRow(basic.costs(), i) + (column == Column.EXECUTED ? ".finalAccount" : ".budget");
        }
      }
    }
    if (c.overall() != null && row.funds != null) {
      return fundsCell(c.overall(), Paths.OVERALL, row.funds, column);
    }
    return null;
  }

  private static String fundsCell(SelfEvaluationTable table, String prefix, FundsLine line, Column column) {
    List<FundsRow> funds = table.funds();
    for (int i = 0; i < funds.size(); i++) {
      FundsRow r = funds.get(i);
      if (r.line() != line) {
        continue;
      }
      String path = Paths.fundsRow(prefix, funds, i);
      return path + switch (column) {
        case EXECUTED -> ".executed";
        case INITIAL -> ".initialBudget";
        case ADJUSTED -> ".adjustedBudget";
        case BUDGET -> r.initialBudget() != null || r.adjustedBudget() == null ? ".initialBudget" : ".adjustedBudget";
      };
    }
    return null;
  }
}
