package io.jixiao.documents;

import io.jixiao.documents.WorkbookLayout.BuildingColumn;
import io.jixiao.documents.WorkbookLayout.FundsColumn;
import io.jixiao.documents.WorkbookLayout.GoalColumn;
import io.jixiao.documents.WorkbookLayout.IndicatorColumn;
import io.jixiao.documents.WorkbookLayout.ProjectReportRow;
import io.jixiao.documents.WorkbookLayout.StaffColumn;
import io.jixiao.form.BasicDataTable;
import io.jixiao.form.BuildingRow;
import io.jixiao.form.CostLine;
import io.jixiao.form.CostRow;
import io.jixiao.form.Filling;
import io.jixiao.form.FundsLine;
import io.jixiao.form.FundsRow;
import io.jixiao.form.Goal;
import io.jixiao.form.IndicatorRow;
import io.jixiao.form.Limits;
import io.jixiao.form.NarrativeSection;
import io.jixiao.form.Project;
import io.jixiao.form.ProjectReport;
import io.jixiao.form.ReportContent;
import io.jixiao.form.SelfEvaluationTable;
import io.jixiao.form.Template;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * Reads a self-evaluation workbook (.xlsx or legacy .xls) back into a package's content: the
 * system's own export ({@link PackageWorkbook}) and hand-made workbooks of the official layouts.
 * Tables are recognised by their headers — the labels and column headers of {@link WorkbookLayout}
 * — never by a fixed cell grid: rows may move, cells may be merged, blank rows added, and money
 * written in 元 or 万元 (as the block's or column's header says, e.g. "（万元）"). Numbers may be
 * numeric cells, formulas (their cached values: nothing is evaluated, so no external reference is
 * followed), or text with thousands separators or full-width digits; all are read exactly.
 *
 * <p>Every problem names its sheet and cell. A workbook with any problem gives no content. The
 * content read is laid over a {@code base} (the draft): the tables the workbook holds replace the
 * draft's, the rest (narrative figures, acknowledgements, what a workbook does not show) stays.
 * Plain Java; safe for untrusted input within {@link #MAX_BYTES}, {@link #MAX_SHEETS} and
 * {@link #MAX_ROWS}, with POI's zip-bomb limits.
 */
public final class WorkbookImport {

  /** The largest file read. */
  public static final int MAX_BYTES = 2 * 1024 * 1024;
  public static final int MAX_SHEETS = 2 * Limits.PROJECTS + 10;
  /** Rows per sheet (the largest real table has a few hundred). */
  public static final int MAX_ROWS = 2_000;
  public static final int MAX_COLUMNS = 40;
  public static final int MAX_MERGED_REGIONS = 5_000;
  /** Uncompressed size of any one part of an .xlsx. */
  static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

  static {
    // Zip-bomb protection: an entry inflating more than 100× (POI's default) or beyond 64 MB is refused.
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    ZipSecureFile.setMaxTextSize(10L * 1024 * 1024);
  }

  private WorkbookImport() {}

  /** A problem: the sheet and cell (A1 style; both null for the file as a whole) and what was expected. */
  public record CellError(String sheet, String cell, String message) {
    /** {@code 附件2!E7}, or the sheet, or nothing. */
    public String ref() {
      return sheet == null ? "" : cell == null ? sheet : sheet + "!" + cell;
    }

    @Override
    public String toString() {
      return (ref().isEmpty() ? "" : ref() + ": ") + message;
    }
  }

  /** Why nothing was read. */
  public enum Failure {
    /** Read; there may still be cell errors. */
    NONE,
    /** Over {@link #MAX_BYTES}. */
    TOO_LARGE,
    /** Not a workbook, corrupt, encrypted, or over the sheet / row limits. */
    FILE
  }

  /**
   * What a workbook gave.
   *
   * @param content the base with the workbook's tables laid over it; null when there are errors
   * @param sheets  the sheets read, with what each was recognised as (e.g. 附件2 → 部门整体支出绩效自评表)
   * @param errors  every problem found, in sheet and cell order
   * @param cells   the cell each content field came from, by finding path (overall.indicators[2].weight → 附件2!G15)
   */
  public record Result(Failure failure, ReportContent content, Map<String, String> sheets, List<CellError> errors,
      Map<String, String> cells) {
    public boolean ok() {
      return failure == Failure.NONE && errors.isEmpty();
    }

    /** The cell a content path came from (or the nearest enclosing path's), for a validation message. */
    public Optional<String> cellOf(String path) {
      return WorkbookImport.cellOf(cells, path);
    }

    static Result failed(Failure failure, String message) {
      return new Result(failure, null, Map.of(), List.of(new CellError(null, null, message)), Map.of());
    }
  }

  /** The cell ({@code 附件2!G20}) a path came from in {@code cells}, or its nearest enclosing path's. */
  public static Optional<String> cellOf(Map<String, String> cells, String path) {
    for (String p = path == null ? "" : path; !p.isEmpty(); p = parent(p)) {
      String cell = cells.get(p);
      if (cell != null) {
        return Optional.of(cell);
      }
    }
    return Optional.empty();
  }

  private static String parent(String path) {
    int dot = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return dot <= 0 ? "" : path.substring(0, dot);
  }

  /** Reads {@code bytes} laid over {@code base}; {@code template} names the first-level indicators and sections. */
  public static Result read(byte[] bytes, ReportContent base, Template template) {
    if (bytes == null || bytes.length == 0) {
      return Result.failed(Failure.FILE, "文件为空：请上传 .xlsx 或 .xls 工作簿");
    }
    if (bytes.length > MAX_BYTES) {
      return Result.failed(Failure.TOO_LARGE, "文件超过上限 " + MAX_BYTES / 1024 + " KB");
    }
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
      if (wb.getNumberOfSheets() > MAX_SHEETS) {
        return Result.failed(Failure.FILE, "工作表过多：最多 " + MAX_SHEETS + " 个，此文件有 " + wb.getNumberOfSheets() + " 个");
      }
      for (Sheet sheet : wb) {
        if (sheet.getLastRowNum() >= MAX_ROWS) {
          return new Result(Failure.FILE, null, Map.of(), List.of(new CellError(sheet.getSheetName(),
              new CellReference(sheet.getLastRowNum(), 0).formatAsString(false),
              "行数过多：每个工作表最多 " + MAX_ROWS + " 行")), Map.of());
        }
        if (sheet.getNumMergedRegions() > MAX_MERGED_REGIONS) {
          return Result.failed(Failure.FILE, "工作表 " + sheet.getSheetName() + " 的合并单元格过多");
        }
      }
      return new Reader(wb, base == null ? ReportContent.empty() : base, template).read();
    } catch (EncryptedDocumentException e) {
      return Result.failed(Failure.FILE, "文件受密码保护：请取消密码后再导入");
    } catch (IOException | RuntimeException e) {
      // Not a workbook, a damaged zip, a zip bomb (POI refuses it), or a part POI cannot read.
      String why = String.valueOf(e.getMessage());
      if (why.contains("Zip bomb") || why.contains("exceed")) {
        return Result.failed(Failure.FILE, "文件解压后过大（疑似压缩炸弹），已拒绝");
      }
      return Result.failed(Failure.FILE, "文件已损坏或不是 Excel 工作簿（.xlsx / .xls）");
    }
  }

  // ---- text and numbers

  /** NFKC (full-width digits and punctuation to ASCII, （ to (), no whitespace at all. */
  static String norm(String s) {
    if (s == null) {
      return "";
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder b = new StringBuilder(n.length());
    n.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != 0xFEFF)
        .forEach(b::appendCodePoint);
    return b.toString();
  }

  private static final Pattern NUMBERING = Pattern.compile("^(其中:|[一二三四五六七八九十]+、|\\d+[.、])+");

  /** A row label for matching: normalised, without 其中： or numbering in front and ：… behind. */
  static String labelKey(String s) {
    String n = norm(s);
    n = NUMBERING.matcher(n).replaceFirst("");
    int colon = n.indexOf(':');
    if (colon > 0) {
      n = n.substring(0, colon);
    }
    return n;
  }

  private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern GROUPED_NUMBER = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

  enum Unit {
    YUAN, WAN;

    static Unit of(String... texts) {
      for (String t : texts) {
        if (norm(t).contains("万元")) {
          return WAN;
        }
      }
      return YUAN;
    }
  }

  /** A number as written in a cell, exact; empty for a blank cell; or why it is not a number. */
  record Parsed(BigDecimal value, Unit unit, String problem) {
    static final Parsed BLANK = new Parsed(null, null, null);
  }

  // ---- the reader

  private static final class Reader {
    final Workbook wb;
    final ReportContent base;
    final Template template;
    final List<CellError> errors = new ArrayList<>();
    final Map<String, String> cells = new LinkedHashMap<>();
    final Map<String, String> sheets = new LinkedHashMap<>();
    final DataFormatter formatter = new DataFormatter(Locale.ROOT);
    Grid grid;

    BasicDataTable basic;
    SelfEvaluationTable overall;
    final TreeMap<Integer, ProjectParts> projects = new TreeMap<>();
    List<NarrativeSection> narrative;
    Filling filling;

    Reader(Workbook wb, ReportContent base, Template template) {
      this.wb = wb;
      this.base = base;
      this.template = template;
    }

    Result read() {
      int reports = 0;
      int tables = 0;
      String seenOverall = null;
      String seenBasic = null;
      for (Sheet sheet : wb) {
        grid = new Grid(sheet, formatter);
        Kind kind = kindOf(grid);
        String name = sheet.getSheetName();
        switch (kind) {
          case EMPTY, PUBLICATION -> {
            continue;
          }
          case UNKNOWN -> {
            error(0, 0, "无法识别的工作表：应为 附件1 基础数据表、附件2 部门整体支出绩效自评表、附件3 项目支出绩效自评报告、"
                + "附件4 项目支出绩效自评表或附件5 自评报告（按标题或表头识别）");
            continue;
          }
          case BASIC -> {
            if (seenBasic != null) {
              error(0, 0, "基础数据表出现两次（已在工作表 " + seenBasic + "）");
              continue;
            }
            seenBasic = name;
            basic = basic();
          }
          case OVERALL -> {
            if (seenOverall != null) {
              error(0, 0, "部门整体支出绩效自评表出现两次（已在工作表 " + seenOverall + "）");
              continue;
            }
            seenOverall = name;
            overall = table("overall", true);
          }
          case PROJECT_REPORT -> {
            int index = indexOf(name, "附件3", reports++);
            projects.computeIfAbsent(index, i -> new ProjectParts()).report(this, index);
          }
          case PROJECT -> {
            int index = indexOf(name, "附件4", tables++);
            projects.computeIfAbsent(index, i -> new ProjectParts()).table(this, index);
          }
          case NARRATIVE -> narrative = narrative();
        }
        sheets.put(name, kind.title);
        if (filling == null) {
          filling = filling();
        }
      }
      if (sheets.isEmpty() && errors.isEmpty()) {
        errors.add(new CellError(null, null, "工作簿中没有可导入的表：应有附件1、附件2 或附件4 等表格"));
      }
      List<Project> projectList = projectList();
      if (!errors.isEmpty()) {
        return new Result(Failure.NONE, null, sheets, List.copyOf(errors), cells);
      }
      ReportContent content = new ReportContent(
          basic != null ? basic : base.basicData(),
          overall != null ? overall : base.overall(),
          narrative != null ? narrative : base.narrative(),
          projectList != null ? projectList : base.projects(),
          filling != null ? filling : base.filling(),
          base.acknowledgements());
      return new Result(Failure.NONE, content, sheets, List.of(), cells);
    }

    // ---- sheets

    enum Kind {
      BASIC("部门整体支出绩效评价基础数据表"), OVERALL("部门整体支出绩效自评表"), PROJECT_REPORT("项目支出绩效自评报告"),
      PROJECT("项目支出绩效自评表"), NARRATIVE("部门整体支出绩效自评报告"), PUBLICATION("公开信息"), EMPTY(""), UNKNOWN("");

      final String title;

      Kind(String title) {
        this.title = title;
      }
    }

    /** By the title or a block label in the first rows, else by the sheet's name (附件1 …). */
    static Kind kindOf(Grid g) {
      boolean any = false;
      for (int r = 0; r <= Math.min(g.lastRow(), 12); r++) {
        for (int c = 0; c < g.columns(r); c++) {
          String t = norm(g.text(r, c));
          if (t.isEmpty()) {
            continue;
          }
          any = true;
          if (t.contains("基础数据表") || t.startsWith("财政供养人员情况")) {
            return Kind.BASIC;
          }
          if (t.contains("部门整体支出绩效自评表") || t.startsWith("年度预算申请")) {
            return Kind.OVERALL;
          }
          if (t.contains("项目支出绩效自评表") || t.startsWith("项目资金") || t.equals("项目支出名称")) {
            return Kind.PROJECT;
          }
          if (t.contains("项目支出绩效自评报告") || t.equals("专项名称")) {
            return Kind.PROJECT_REPORT;
          }
          if (t.contains("绩效自评报告") || t.contains("绩效评价报告")) {
            return Kind.NARRATIVE;
          }
        }
      }
      String name = norm(g.sheet.getSheetName());
      if (name.equals(WorkbookLayout.PUBLICATION_SHEET)) {
        return Kind.PUBLICATION;
      }
      if (!any && g.lastRow() <= 12) {
        return Kind.EMPTY;
      }
      return Kind.UNKNOWN;
    }

    /** 附件4-3 → 2; a sheet named otherwise takes the next index of its kind. */
    static int indexOf(String sheetName, String prefix, int next) {
      Matcher m = Pattern.compile(Pattern.quote(prefix) + "-(\\d{1,3})").matcher(norm(sheetName));
      if (m.matches()) {
        return Integer.parseInt(m.group(1)) - 1;
      }
      return next;
    }

    final class ProjectParts {
      ProjectReport report;
      SelfEvaluationTable table;
      String name;
      String nameCell;
      String code;
      String codeCell;

      void report(Reader reader, int index) {
        if (report != null) {
          error(0, 0, "第 " + (index + 1) + " 个项目的自评报告（附件3）出现两次");
          return;
        }
        report = projectReport("projects[" + index + "].report", this);
      }

      void table(Reader reader, int index) {
        if (table != null) {
          error(0, 0, "第 " + (index + 1) + " 个项目的自评表（附件4）出现两次");
          return;
        }
        table = Reader.this.table("projects[" + index + "].table", false);
        if (table != null) {
          Position p = grid.find(WorkbookLayout.PROJECT_NAME);
          if (p != null) {
            name = grid.valueRightOf(p);
            nameCell = grid.sheetRef(p.r, grid.nextColumnAfter(p));
          }
          Position code = grid.find(WorkbookLayout.PROJECT_CODE);
          if (code != null) {
            this.code = grid.valueRightOf(code);
            codeCell = grid.sheetRef(code.r, grid.nextColumnAfter(code));
          }
        }
      }
    }

    List<Project> projectList() {
      if (projects.isEmpty()) {
        return null;
      }
      List<Project> list = new ArrayList<>();
      Map<String, String> codes = new HashMap<>();
      int i = 0;
      for (Map.Entry<Integer, ProjectParts> e : projects.entrySet()) {
        ProjectParts p = e.getValue();
        Project previous = baseProject(p, e.getKey());
        String code = p.code != null && !p.code.isBlank() ? p.code.strip()
            : previous != null ? previous.code() : "P" + (e.getKey() + 1);
        if (codes.containsKey(code)) {
          String at = p.codeCell == null ? "" : p.codeCell;
          int bang = at.indexOf('!');
          errors.add(new CellError(bang < 0 ? null : at.substring(0, bang), bang < 0 ? null : at.substring(bang + 1),
              "项目编码 " + code + " 重复（另见 " + codes.get(code) + "）"));
        }
        codes.put(code, p.codeCell == null ? "" : p.codeCell);
        String name = p.name != null && !p.name.isBlank() ? p.name.strip() : previous != null ? previous.name() : null;
        ProjectReport report = p.report != null ? p.report : previous == null ? null : previous.report();
        SelfEvaluationTable table = p.table != null ? withTitle(p.table, name) : previous == null ? null : previous.table();
        list.add(new Project(code, name, report, table));
        // Validation paths are by position (projects[0].table…), finding paths by code (projects[CODE].table…).
        String byPosition = "projects[" + i + "]";
        rekey("projects[" + e.getKey() + "]", byPosition)
            .forEach((k, v) -> cells.put("projects[" + code + "]" + k.substring(byPosition.length()), v));
        i++;
      }
      if (list.size() > Limits.PROJECTS) {
        errors.add(new CellError(null, null, "项目过多：最多 " + Limits.PROJECTS + " 个"));
      }
      return list;
    }

    /** Also names the cells under {@code from} by {@code to} (a row by its line as well as its index). */
    private void alias(String from, String to) {
      Map<String, String> copies = new LinkedHashMap<>();
      cells.forEach((k, v) -> {
        if (k.equals(from) || k.startsWith(from + ".")) {
          copies.putIfAbsent(to + k.substring(from.length()), v);
        }
      });
      copies.forEach(cells::putIfAbsent);
    }

    /** Moves the cells under {@code from} to {@code to}; returns them as moved. */
    private Map<String, String> rekey(String from, String to) {
      Map<String, String> moved = new LinkedHashMap<>();
      cells.entrySet().removeIf(en -> {
        if (en.getKey().startsWith(from + ".") || en.getKey().equals(from)) {
          moved.put(to + en.getKey().substring(from.length()), en.getValue());
          return true;
        }
        return false;
      });
      cells.putAll(moved);
      return moved;
    }

    private static SelfEvaluationTable withTitle(SelfEvaluationTable t, String title) {
      return new SelfEvaluationTable(title, t.supervisor(), t.implementer(), t.funds(), t.goals(), t.indicators(),
          t.statedTotal(), t.statedGrade());
    }

    /** The draft's project this one continues: the same code, else the same name. */
    private Project baseProject(ProjectParts p, int index) {
      for (Project b : base.projects()) {
        if (b != null && p.code != null && !p.code.isBlank() && p.code.strip().equals(b.code())) {
          return b;
        }
      }
      for (Project b : base.projects()) {
        if (b != null && p.name != null && b.name() != null && norm(b.name()).equals(norm(p.name))) {
          return b;
        }
      }
      return null;
    }

    // ---- 附件1

    BasicDataTable basic() {
      Integer establishment = null;
      Integer inPost = null;
      Position staff = grid.findPrefix("财政供养人员情况");
      if (staff != null) {
        Map<String, Integer> cols = grid.headers(staff.r, List.of(StaffColumn.ESTABLISHMENT.header, StaffColumn.IN_POST.header),
            true);
        Integer ec = cols.get(StaffColumn.ESTABLISHMENT.header);
        Integer ic = cols.get(StaffColumn.IN_POST.header);
        if (ec == null || ic == null) {
          error(staff.r, staff.c, "缺少表头「" + (ec == null ? StaffColumn.ESTABLISHMENT.header : StaffColumn.IN_POST.header)
              + "」：财政供养人员情况须有编制数和实际在职人数两列");
        } else {
          int r = grid.nextNonBlankRow(staff.r + 1, ec, ic);
          if (r >= 0) {
            establishment = integer(r, ec, "basicData.establishment");
            inPost = integer(r, ic, "basicData.staffInPost");
          }
        }
      }

      List<CostRow> costs = new ArrayList<>();
      Position costBlock = grid.findPrefix("经费控制情况");
      Position buildingBlock = grid.findPrefix("楼堂馆所控制情况");
      Position frugalityLabel = grid.findPrefix(WorkbookLayout.FRUGALITY);
      int end = buildingBlock != null ? buildingBlock.r : frugalityLabel != null ? frugalityLabel.r : grid.lastRow() + 1;
      if (costBlock == null) {
        error(0, 0, "缺少「经费控制情况」表头");
      } else {
        int[] years = new int[3];
        int prior = -1;
        int budget = -1;
        int fin = -1;
        int finYear = Integer.MIN_VALUE;
        List<String> headerTexts = new ArrayList<>();
        headerTexts.add(grid.text(costBlock.r, costBlock.c));
        Pattern yearHeader = Pattern.compile("(\\d{4})年(决算数|预算数)(\\(.*\\))?");
        for (int c = costBlock.c + 1; c < grid.columns(costBlock.r); c++) {
          String h = norm(grid.text(costBlock.r, c));
          headerTexts.add(h);
          Matcher m = yearHeader.matcher(h);
          if (!m.matches() || !grid.isTopLeft(costBlock.r, c)) {
            continue;
          }
          int y = Integer.parseInt(m.group(1));
          if (m.group(2).equals("预算数")) {
            budget = c;
          } else if (fin < 0) {
            fin = c;
            finYear = y;
          } else if (y > finYear) {
            prior = fin;
            fin = c;
            finYear = y;
          } else {
            prior = c;
          }
        }
        if (prior < 0 || budget < 0 || fin < 0) {
          error(costBlock.r, costBlock.c, "缺少表头：经费控制情况须有「上年决算数」「本年预算数」「本年决算数」三列（如 "
              + "2021年决算数、2022年预算数、2022年决算数）");
        } else {
          Unit unit = Unit.of(headerTexts.toArray(String[]::new));
          boolean projectItems = false;
          for (int r = costBlock.r + 1; r < end; r++) {
            String label = grid.ownText(r, costBlock.c);
            if (grid.blank(r, costBlock.c, prior, budget, fin)) {
              continue;
            }
            String key = labelKey(label);
            CostLine line = null;
            for (CostLine l : CostLine.values()) {
              if (l != CostLine.PROJECT_ITEM && labelKey(WorkbookLayout.label(l)).equals(key)) {
                line = l;
              }
            }
            if (line == null && key.equals("项目支出小计")) {
              line = CostLine.PROJECT;
            }
            if (line == CostLine.PROJECT) {
              projectItems = true;
            }
            if (line == null) {
              if (!projectItems) {
                if (grid.blank(r, prior, budget, fin)) {
                  continue; // a sub-row the model does not keep (其中：公务车购置 …) with no figures
                }
                error(r, costBlock.c, "无法识别的经费控制行「" + label.strip() + "」：应为基础数据表的行名（如 一、部门基本支出、"
                    + "其中：公用经费、三公经费）或「二、项目支出小计」下的项目");
                continue;
              }
              line = CostLine.PROJECT_ITEM;
            }
            String path = "basicData.costs[" + costs.size() + "]";
            cells.put(path, grid.ref(r, costBlock.c));
            costs.add(new CostRow(line, line == CostLine.PROJECT_ITEM ? label.strip() : null,
                money(r, prior, unit, path + ".priorYearFinal"), money(r, budget, unit, path + ".budget"),
                money(r, fin, unit, path + ".finalAccount")));
            if (line != CostLine.PROJECT_ITEM) {
              alias(path, "basicData.costs[" + line + "]");
            }
          }
        }
      }

      List<BuildingRow> buildings = new ArrayList<>();
      if (buildingBlock != null) {
        Map<String, Integer> cols = new HashMap<>();
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < grid.columns(buildingBlock.r); c++) {
          String h = norm(grid.text(buildingBlock.r, c));
          texts.add(h);
          for (BuildingColumn bc : BuildingColumn.values()) {
            String want = norm(bc.header).replaceAll("\\(.*\\)$", "");
            if (bc != BuildingColumn.NAME && h.replaceAll("\\(.*\\)$", "").equals(want) && grid.isTopLeft(buildingBlock.r, c)) {
              cols.put(bc.name(), c);
            }
          }
        }
        Unit unit = Unit.of(grid.text(buildingBlock.r, cols.getOrDefault(BuildingColumn.BUDGET_INVESTMENT.name(), 0)));
        int stop = frugalityLabel != null && frugalityLabel.r > buildingBlock.r ? frugalityLabel.r : grid.lastRow() + 1;
        int nameCol = buildingBlock.c;
        for (int r = buildingBlock.r + 1; r < stop; r++) {
          if (norm(grid.ownText(r, nameCol)).startsWith("填表人")) {
            break;
          }
          Integer[] cs = {cols.get("APPROVED_AREA"), cols.get("ACTUAL_AREA"), cols.get("BUDGET_INVESTMENT"),
              cols.get("ACTUAL_INVESTMENT")};
          List<Integer> check = new ArrayList<>(List.of(nameCol));
          for (Integer c : cs) {
            if (c != null) {
              check.add(c);
            }
          }
          if (grid.blank(r, check.stream().mapToInt(Integer::intValue).toArray())) {
            continue;
          }
          String path = "basicData.buildings[" + buildings.size() + "]";
          cells.put(path, grid.ref(r, nameCol));
          buildings.add(new BuildingRow(blankToNull(grid.ownText(r, nameCol)),
              area(r, cs[0], path + ".approvedArea"), area(r, cs[1], path + ".actualArea"),
              cs[2] == null ? null : money(r, cs[2], unit, path + ".budgetInvestment"),
              cs[3] == null ? null : money(r, cs[3], unit, path + ".actualInvestment")));
        }
      }
      String frugality = null;
      if (frugalityLabel != null) {
        frugality = grid.valueRightOf(frugalityLabel);
        cells.put("basicData.frugality", grid.ref(frugalityLabel.r, frugalityLabel.c + 1));
      }
      if (costs.size() > Limits.COST_ROWS) {
        error(costBlock.r, costBlock.c, "经费控制行过多：最多 " + Limits.COST_ROWS + " 行");
      }
      return new BasicDataTable(establishment, inPost, costs, buildings, blankToNull(frugality));
    }

    // ---- 附件2 / 附件4

    SelfEvaluationTable table(String path, boolean overallTable) {
      int errorsBefore = errors.size();
      String title = null;
      Position name = grid.findContaining(overallTable ? WorkbookLayout.UNIT_NAME : WorkbookLayout.PROJECT_NAME);
      if (name != null) {
        title = grid.valueRightOf(name);
        cells.put(path + ".title", grid.ref(name.r, name.c + 1));
      }
      String supervisor = null;
      String implementer = null;
      if (!overallTable) {
        Position s = grid.find(WorkbookLayout.SUPERVISOR);
        if (s != null) {
          supervisor = grid.valueRightOf(s);
          cells.put(path + ".supervisor", grid.ref(s.r, s.c + 1));
        }
        Position i = grid.find(WorkbookLayout.IMPLEMENTER);
        if (i != null) {
          implementer = grid.valueRightOf(i);
          cells.put(path + ".implementer", grid.ref(i.r, i.c + 1));
        }
      }
      SelfEvaluationTable previous = previousTable(path);

      // Funds block.
      Position funds = grid.findPrefix(overallTable ? "年度预算申请" : "项目资金");
      if (funds == null && !overallTable) {
        funds = grid.findPrefix("年度预算申请");
      }
      Position goals = grid.findPrefix(WorkbookLayout.GOALS_BLOCK);
      Position indicators = grid.findPrefix(WorkbookLayout.INDICATORS_BLOCK);
      if (funds == null) {
        error(0, 0, "缺少资金块：应有「" + (overallTable ? WorkbookLayout.OVERALL_FUNDS_BLOCK : WorkbookLayout.PROJECT_FUNDS_BLOCK)
            + "」及其表头（年初预算数、全年预算数、全年执行数、分值、得分）");
        return null;
      }
      if (goals == null || goals.r <= funds.r) {
        error(funds.r, funds.c, "缺少「年度总体目标」块（应在资金块之后）");
        return null;
      }
      if (indicators == null || indicators.r <= goals.r) {
        error(goals.r, goals.c, "缺少「绩效指标」块（应在年度总体目标之后）");
        return null;
      }
      List<FundsRow> fundsRows = funds(path, funds, goals.r, previous);
      List<Goal> goalRows = goals(path, goals, indicators.r);
      List<IndicatorRow> indicatorRows = new ArrayList<>();
      BigDecimal[] stated = new BigDecimal[1];
      String[] grade = new String[1];
      indicators(path, indicators, indicatorRows, stated, grade);
      if (errors.size() > errorsBefore) {
        return null;
      }
      return new SelfEvaluationTable(blankToNull(title), blankToNull(supervisor), blankToNull(implementer), fundsRows,
          goalRows, indicatorRows, stated[0], blankToNull(grade[0]));
    }

    private SelfEvaluationTable previousTable(String path) {
      if (path.equals("overall")) {
        return base.overall();
      }
      return null;
    }

    List<FundsRow> funds(String path, Position block, int end, SelfEvaluationTable previous) {
      List<String> names = new ArrayList<>();
      for (FundsColumn c : FundsColumn.values()) {
        if (c != FundsColumn.LABEL) {
          names.add(c.header);
        }
      }
      int headerRow = -1;
      Map<String, Integer> cols = Map.of();
      for (int r = block.r; r < Math.min(end, block.r + 3); r++) {
        Map<String, Integer> found = grid.headers(r, names, false);
        if (found.size() > cols.size()) {
          cols = found;
          headerRow = r;
        }
      }
      for (FundsColumn required : List.of(FundsColumn.INITIAL_BUDGET, FundsColumn.ADJUSTED_BUDGET, FundsColumn.EXECUTED,
          FundsColumn.WEIGHT, FundsColumn.SELF_SCORE)) {
        if (!cols.containsKey(required.header)) {
          error(headerRow < 0 ? block.r : headerRow, headerRow < 0 ? block.c : firstFree(headerRow, cols),
              "缺少表头「" + required.header + "」：资金块须有年初预算数、全年预算数、全年执行数、分值、得分");
          return List.of();
        }
      }
      int initial = cols.get(FundsColumn.INITIAL_BUDGET.header);
      List<String> unitTexts = new ArrayList<>();
      unitTexts.add(grid.text(block.r, block.c));
      for (int c : cols.values()) {
        unitTexts.add(grid.text(headerRow, c));
      }
      Unit unit = Unit.of(unitTexts.toArray(String[]::new));
      List<FundsRow> rows = new ArrayList<>();
      Map<FundsLine, String> seen = new HashMap<>();
      for (int r = headerRow + 1; r < end; r++) {
        StringBuilder label = new StringBuilder();
        int labelColumn = -1;
        for (int c = 0; c < initial; c++) {
          if (grid.isBlockCell(r, c, block) || !grid.isTopLeft(r, c)) {
            continue;
          }
          String t = grid.text(r, c);
          if (!t.isBlank()) {
            label.append(t.strip());
            labelColumn = labelColumn < 0 ? c : labelColumn;
          }
        }
        int[] values = cols.values().stream().mapToInt(Integer::intValue).toArray();
        String key = labelKey(label.toString());
        if (key.isEmpty() && grid.blank(r, values)) {
          continue;
        }
        if (key.startsWith("按收入性质分") || key.startsWith("按支出性质分")) {
          continue;
        }
        FundsLine line = fundsLine(key);
        if (line == null) {
          error(r, labelColumn < 0 ? Math.max(0, initial - 1) : labelColumn, key.isEmpty()
              ? "资金行缺少行名：应为年度资金总额、一般公共预算、基本支出等"
              : "无法识别的资金行「" + label.toString().strip() + "」：应为年度资金总额、一般公共预算、政府性基金拨款、"
                  + "纳入专户管理的非税收入拨款、当年财政拨款、上年结转资金、其他资金、基本支出、人员类、运转类公用经费、其他运转类或项目支出");
          continue;
        }
        if (seen.containsKey(line)) {
          error(r, labelColumn, "「" + WorkbookLayout.label(line) + "」出现两次（已在 " + seen.get(line) + "）：每个资金行只能有一行");
          continue;
        }
        seen.put(line, grid.sheetRef(r, labelColumn));
        String p = path + ".funds[" + rows.size() + "]";
        cells.put(p, grid.sheetRef(r, labelColumn));
        String written = label.toString().strip();
        String canonical = WorkbookLayout.label(line);
        String explanation = null;
        if (previous != null) {
          for (FundsRow f : previous.funds()) {
            if (f != null && f.line() == line) {
              explanation = f.explanation();
            }
          }
        }
        rows.add(new FundsRow(line, labelKey(written).equals(labelKey(canonical)) ? null : blankToNull(written),
            money(r, initial, unit, p + ".initialBudget"),
            money(r, cols.get(FundsColumn.ADJUSTED_BUDGET.header), unit, p + ".adjustedBudget"),
            money(r, cols.get(FundsColumn.EXECUTED.header), unit, p + ".executed"),
            score(r, cols.get(FundsColumn.WEIGHT.header), p + ".weight"),
            score(r, cols.get(FundsColumn.SELF_SCORE.header), p + ".selfScore"),
            cols.containsKey(FundsColumn.REVIEW_SCORE.header)
                ? score(r, cols.get(FundsColumn.REVIEW_SCORE.header), p + ".reviewScore") : null,
            explanation));
        alias(p, path + ".funds[" + line + "]"); // finding paths name funds rows by line
      }
      return rows;
    }

    private int firstFree(int row, Map<String, Integer> cols) {
      int c = 1;
      while (cols.containsValue(c)) {
        c++;
      }
      return c;
    }

    static FundsLine fundsLine(String key) {
      if (key.equals("资金总额") || key.equals("年度资金总额")) {
        return FundsLine.TOTAL;
      }
      for (FundsLine l : FundsLine.values()) {
        if (labelKey(WorkbookLayout.label(l)).equals(key)) {
          return l;
        }
      }
      return null;
    }

    List<Goal> goals(String path, Position block, int end) {
      Map<String, Integer> cols = grid.headers(block.r, List.of(GoalColumn.EXPECTED.header, GoalColumn.ACHIEVED.header), false);
      Integer expected = cols.get(GoalColumn.EXPECTED.header);
      Integer achieved = cols.get(GoalColumn.ACHIEVED.header);
      if (expected == null || achieved == null) {
        error(block.r, block.c + 1, "缺少表头「" + (expected == null ? GoalColumn.EXPECTED.header : GoalColumn.ACHIEVED.header)
            + "」：年度总体目标须有预期目标和实际完成情况两列");
        return List.of();
      }
      List<Goal> goals = new ArrayList<>();
      for (int r = block.r + 1; r < end; r++) {
        String e = grid.ownText(r, expected);
        String a = grid.ownText(r, achieved);
        if (e.isBlank() && a.isBlank()) {
          continue;
        }
        String p = path + ".goals[" + goals.size() + "]";
        cells.put(p + ".expected", grid.sheetRef(r, expected));
        cells.put(p + ".achieved", grid.sheetRef(r, achieved));
        goals.add(new Goal(blankToNull(e.strip()), blankToNull(a.strip())));
      }
      if (goals.size() > Limits.GOALS) {
        error(block.r, block.c, "年度总体目标过多：最多 " + Limits.GOALS + " 条");
      }
      return goals;
    }

    void indicators(String path, Position block, List<IndicatorRow> rows, BigDecimal[] stated, String[] grade) {
      List<String> names = new ArrayList<>();
      for (IndicatorColumn c : IndicatorColumn.values()) {
        names.add(c.header);
      }
      int headerRow = -1;
      Map<String, Integer> cols = Map.of();
      for (int r = block.r; r <= Math.min(grid.lastRow(), block.r + 2); r++) {
        Map<String, Integer> found = grid.headers(r, names, true);
        if (found.size() > cols.size()) {
          cols = found;
          headerRow = r;
        }
      }
      for (IndicatorColumn required : List.of(IndicatorColumn.LEVEL1, IndicatorColumn.LEVEL2, IndicatorColumn.NAME,
          IndicatorColumn.TARGET, IndicatorColumn.ACTUAL, IndicatorColumn.WEIGHT, IndicatorColumn.SELF_SCORE)) {
        if (!cols.containsKey(required.header)) {
          error(headerRow < 0 ? block.r : headerRow, headerRow < 0 ? block.c + 1 : firstFree(headerRow, cols),
              "缺少表头「" + required.header + "」：绩效指标表须有一级指标、二级指标、三级指标、年度指标值、实际完成值、分值、得分");
          return;
        }
      }
      int l1 = cols.get(IndicatorColumn.LEVEL1.header);
      int l2 = cols.get(IndicatorColumn.LEVEL2.header);
      int nameCol = cols.get(IndicatorColumn.NAME.header);
      int target = cols.get(IndicatorColumn.TARGET.header);
      int actual = cols.get(IndicatorColumn.ACTUAL.header);
      int weight = cols.get(IndicatorColumn.WEIGHT.header);
      int self = cols.get(IndicatorColumn.SELF_SCORE.header);
      Integer review = cols.get(IndicatorColumn.REVIEW_SCORE.header);
      Integer deviation = cols.get(IndicatorColumn.DEVIATION_REASON.header);
      String totalAt = null;
      String gradeAt = null;
      for (int r = headerRow + 1; r <= grid.lastRow(); r++) {
        String first = marker(r, nameCol);
        if (first.startsWith("填表人")) {
          break;
        }
        if (first.equals(WorkbookLayout.TOTAL_ROW)) {
          if (totalAt != null) {
            error(r, grid.firstTextColumn(r), "「总分」行出现两次（已在 " + totalAt + "）");
            continue;
          }
          totalAt = grid.sheetRef(r, grid.firstTextColumn(r));
          cells.put(path + ".statedTotal", grid.sheetRef(r, self));
          stated[0] = score(r, self, path + ".statedTotal");
          continue;
        }
        if (first.equals(WorkbookLayout.GRADE_ROW)) {
          if (gradeAt != null) {
            error(r, grid.firstTextColumn(r), "「评价等级」行出现两次（已在 " + gradeAt + "）");
            continue;
          }
          gradeAt = grid.sheetRef(r, grid.firstTextColumn(r));
          cells.put(path + ".statedGrade", grid.sheetRef(r, self));
          grade[0] = grid.ownText(r, self).strip();
          continue;
        }
        if (totalAt != null) {
          continue; // below 总分: 评价等级 and the filling line only
        }
        List<Integer> own = new ArrayList<>(List.of(nameCol, target, actual, weight, self));
        if (review != null) {
          own.add(review);
        }
        if (deviation != null) {
          own.add(deviation);
        }
        if (placeholderRow(r, own)) {
          continue;
        }
        String p = path + ".indicators[" + rows.size() + "]";
        cells.put(p, grid.sheetRef(r, nameCol));
        String level1Text = grid.text(r, l1);
        String level1 = level1Code(level1Text, path.equals("overall"));
        cells.put(p + ".level1", grid.sheetRef(r, l1));
        if (level1.isEmpty()) {
          error(r, l1, "缺少一级指标：应为" + level1Names() + "之一");
        }
        String selfText = norm(grid.ownText(r, self));
        boolean notApplicable = selfText.equals(WorkbookLayout.NOT_APPLICABLE) || selfText.equals("/");
        cells.put(p + ".name", grid.sheetRef(r, nameCol));
        cells.put(p + ".target", grid.sheetRef(r, target));
        cells.put(p + ".actual", grid.sheetRef(r, actual));
        if (deviation != null) {
          cells.put(p + ".deviationReason", grid.sheetRef(r, deviation));
        }
        rows.add(new IndicatorRow(level1, blankToNull(grid.text(r, l2).strip()), blankToNull(grid.ownText(r, nameCol).strip()),
            blankToNull(grid.ownText(r, target).strip()), blankToNull(grid.ownText(r, actual).strip()),
            score(r, weight, p + ".weight"), notApplicable ? null : score(r, self, p + ".selfScore"),
            review == null || notApplicable ? null : score(r, review, p + ".reviewScore"),
            deviation == null ? null : blankToNull(grid.ownText(r, deviation).strip()),
            notApplicable ? Boolean.TRUE : null));
      }
      if (rows.size() > Limits.INDICATOR_ROWS) {
        error(block.r, block.c, "绩效指标行过多：最多 " + Limits.INDICATOR_ROWS + " 行");
      }
    }

    /** 总分, 评价等级 or 填表人… if the row starts with one (left of the 三级指标 column), else "". */
    private String marker(int r, int before) {
      for (int c = 0; c < Math.max(before, 1); c++) {
        String t = norm(grid.ownText(r, c));
        if (t.equals(WorkbookLayout.TOTAL_ROW) || t.equals(WorkbookLayout.GRADE_ROW) || t.startsWith("填表人")) {
          return t;
        }
      }
      return "";
    }

    /** A row with nothing of its own: blank, or "……" placeholders as the paper forms leave them. */
    private boolean placeholderRow(int r, List<Integer> columns) {
      for (int c : columns) {
        String t = norm(grid.ownText(r, c));
        if (!t.isEmpty() && !t.matches("[….。·]+")) {
          return false;
        }
      }
      return true;
    }

    private static final Pattern LEVEL1_WEIGHT = Pattern.compile("\\(\\s*[\\d.]+\\s*分\\s*\\)$");

    /** 产出指标（50分） → OUTPUT, by the template's names (or codes); a name the template lacks stays as written. */
    String level1Code(String written, boolean departmentTable) {
      String n = LEVEL1_WEIGHT.matcher(norm(written)).replaceFirst("");
      if (n.isEmpty()) {
        return "";
      }
      if (template != null) {
        // 附件2 may have its own first levels (Template.departmentLevel1); the projects' come next.
        List<Template.Level1> levels = new ArrayList<>(departmentTable ? template.departmentLevel1() : template.level1());
        levels.addAll(departmentTable ? template.level1() : template.departmentLevel1());
        for (Template.Level1 l : levels) {
          if (norm(l.name()).equals(n) || l.code().equalsIgnoreCase(n)) {
            return l.code();
          }
        }
      }
      return switch (n) {
        case "产出指标" -> "OUTPUT";
        case "效益指标" -> "BENEFIT";
        case "满意度指标" -> "SATISFACTION";
        case "成本指标" -> "COST";
        default -> n;
      };
    }

    private String level1Names() {
      if (template == null) {
        return "产出指标、效益指标、满意度指标";
      }
      return String.join("、", template.level1().stream().map(Template.Level1::name).toList());
    }

    // ---- 附件3

    ProjectReport projectReport(String path, ProjectParts parts) {
      Map<ProjectReportRow, String> values = new HashMap<>();
      BigDecimal budget = null;
      for (ProjectReportRow field : ProjectReportRow.values()) {
        String want = norm(field.label).replaceAll("\\(.*\\)$", "");
        Position at = grid.findMatching(t -> t.replaceAll("\\(.*\\)$", "").equals(want));
        if (at == null) {
          continue;
        }
        int valueColumn = grid.nextColumnAfter(at);
        if (field == ProjectReportRow.BUDGET_AMOUNT) {
          budget = money(at.r, valueColumn, Unit.of(grid.text(at.r, at.c)), path + ".budgetAmount");
        } else {
          values.put(field, grid.valueRightOf(at));
          String key = switch (field) {
            case NAME -> null;
            case DEPARTMENT -> "department";
            case PURPOSE -> "purpose";
            case MANAGEMENT -> "management";
            case GOALS_ACHIEVED -> "goalsAchieved";
            case PROBLEMS -> "problems";
            case IMPROVEMENTS -> "improvements";
            case OTHER -> "other";
            case BUDGET_AMOUNT -> null;
          };
          if (key != null) {
            cells.put(path + "." + key, grid.sheetRef(at.r, valueColumn));
          } else {
            parts.name = parts.name == null ? values.get(field) : parts.name;
            parts.nameCell = parts.nameCell == null ? grid.sheetRef(at.r, valueColumn) : parts.nameCell;
          }
        }
      }
      return new ProjectReport(budget, blankToNull(values.get(ProjectReportRow.DEPARTMENT)),
          blankToNull(values.get(ProjectReportRow.PURPOSE)), blankToNull(values.get(ProjectReportRow.MANAGEMENT)),
          blankToNull(values.get(ProjectReportRow.GOALS_ACHIEVED)), blankToNull(values.get(ProjectReportRow.PROBLEMS)),
          blankToNull(values.get(ProjectReportRow.IMPROVEMENTS)), blankToNull(values.get(ProjectReportRow.OTHER)));
    }

    // ---- 附件5

    List<NarrativeSection> narrative() {
      List<NarrativeSection> sections = new ArrayList<>();
      List<String> titles = new ArrayList<>();
      List<StringBuilder> texts = new ArrayList<>();
      for (int r = WorkbookLayout.TITLE_ROW + 1; r <= grid.lastRow(); r++) {
        String title = grid.ownText(r, 0);
        String text = grid.ownText(r, 1);
        if (!title.isBlank()) {
          titles.add(title.strip());
          texts.add(new StringBuilder(text));
          cells.put("narrative[" + (titles.size() - 1) + "].text", grid.sheetRef(r, 1));
        } else if (!texts.isEmpty() && !text.isEmpty()) {
          texts.get(texts.size() - 1).append(text);
        }
      }
      java.util.Set<String> used = new java.util.HashSet<>();
      for (int i = 0; i < titles.size(); i++) {
        String title = titles.get(i);
        String key = null;
        NarrativeSection previous = null;
        for (NarrativeSection s : base.narrative()) {
          if (s != null && (norm(s.title()).equals(norm(title)) || norm(Rows.sectionTitle(s, template)).equals(norm(title)))
              && !used.contains(s.key())) {
            key = s.key();
            previous = s;
            break;
          }
        }
        if (key == null && template != null) {
          for (Template.OutlineSection o : template.outline()) {
            if (norm(o.title()).equals(norm(title)) && !used.contains(o.key())) {
              key = o.key();
              break;
            }
          }
        }
        if (key == null) {
          key = "section-" + (i + 1);
        }
        used.add(key);
        sections.add(new NarrativeSection(key, title, texts.get(i).toString(),
            previous == null ? List.of() : previous.figures()));
      }
      return sections;
    }

    // ---- filling line: 填表人：…    联系电话：…    填报日期：2022年6月29日

    private static final Pattern FILLING = Pattern.compile(
        "填表人:(?<who>.*?)联系电话:(?<phone>.*?)填报日期:(?<date>.*?)(单位负责人签字:.*)?");
    private static final Pattern DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");

    Filling filling() {
      for (int r = 0; r <= grid.lastRow(); r++) {
        String t = norm(grid.ownText(r, 0));
        if (!t.startsWith("填表人")) {
          continue;
        }
        Matcher m = FILLING.matcher(t);
        if (!m.matches()) {
          return null;
        }
        LocalDate date = null;
        String d = m.group("date");
        if (!d.isEmpty()) {
          Matcher dm = DATE.matcher(d);
          try {
            if (!dm.matches()) {
              throw new DateTimeException(d);
            }
            date = LocalDate.of(Integer.parseInt(dm.group(1)), Integer.parseInt(dm.group(2)), Integer.parseInt(dm.group(3)));
          } catch (DateTimeException e) {
            error(r, 0, "填报日期「" + d + "」无效：应写作 2022年6月29日");
            return null;
          }
        }
        cells.put("filling", grid.sheetRef(r, 0));
        return new Filling(blankToNull(m.group("who")), blankToNull(m.group("phone")), date);
      }
      return null;
    }

    // ---- cells

    Integer integer(int r, int c, String path) {
      Parsed p = grid.number(r, c);
      cells.put(path, grid.sheetRef(r, c));
      if (p.problem() != null) {
        error(r, c, "应为人数（非负整数），实际为" + p.problem());
        return null;
      }
      if (p.value() == null) {
        return null;
      }
      BigDecimal v = p.value().stripTrailingZeros();
      if (v.signum() < 0 || v.scale() > 0 || v.precision() - v.scale() > 9) {
        error(r, c, "应为人数（非负整数），实际为「" + grid.text(r, c).strip() + "」");
        return null;
      }
      return v.intValueExact();
    }

    /** Money in 元, two decimals: 万元 converted exactly (up to six decimals, i.e. 分). */
    BigDecimal money(int r, int c, Unit columnUnit, String path) {
      Parsed p = grid.number(r, c);
      cells.put(path, grid.sheetRef(r, c));
      String unitName = columnUnit == Unit.WAN ? "万元" : "元";
      if (p.problem() != null) {
        error(r, c, "应为金额（数字，单位" + unitName + "），实际为" + p.problem());
        return null;
      }
      if (p.value() == null) {
        return null;
      }
      Unit unit = p.unit() != null ? p.unit() : columnUnit;
      BigDecimal v = unit == Unit.WAN ? p.value().movePointRight(4) : p.value();
      v = v.stripTrailingZeros();
      if (v.signum() < 0) {
        error(r, c, "金额不能为负数，实际为「" + grid.text(r, c).strip() + "」");
        return null;
      }
      if (v.scale() > 2) {
        error(r, c, unit == Unit.WAN ? "万元金额最多六位小数（到分），实际为「" + grid.text(r, c).strip() + "」"
            : "金额最多两位小数（到分），实际为「" + grid.text(r, c).strip() + "」");
        return null;
      }
      if (v.precision() - v.scale() > 15) {
        error(r, c, "金额过大：元的整数部分最多 15 位");
        return null;
      }
      return v.setScale(2);
    }

    BigDecimal score(int r, int c, String path) {
      Parsed p = grid.number(r, c);
      cells.put(path, grid.sheetRef(r, c));
      if (p.problem() != null || (p.value() != null && p.unit() != null)) {
        error(r, c, "应为分数（0 至 100 的数），实际为" + (p.problem() != null ? p.problem() : "「" + grid.text(r, c).strip() + "」"));
        return null;
      }
      if (p.value() == null) {
        return null;
      }
      BigDecimal v = p.value().stripTrailingZeros();
      if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0 || v.scale() > 2) {
        error(r, c, "应为 0 至 100 的分数，最多两位小数，实际为「" + grid.text(r, c).strip() + "」");
        return null;
      }
      return v.scale() < 0 ? v.setScale(0) : v;
    }

    BigDecimal area(int r, Integer c, String path) {
      if (c == null) {
        return null;
      }
      Parsed p = grid.number(r, c);
      cells.put(path, grid.sheetRef(r, c));
      if (p.problem() != null || (p.value() != null && p.unit() != null)) {
        error(r, c, "应为面积（平方米），实际为" + (p.problem() != null ? p.problem() : "「" + grid.text(r, c).strip() + "」"));
        return null;
      }
      if (p.value() == null) {
        return null;
      }
      BigDecimal v = p.value().stripTrailingZeros();
      if (v.signum() < 0 || v.scale() > 2 || v.precision() - v.scale() > 12) {
        error(r, c, "应为非负面积，最多两位小数，实际为「" + grid.text(r, c).strip() + "」");
        return null;
      }
      return v.scale() < 0 ? v.setScale(0) : v;
    }

    void error(int r, int c, String message) {
      errors.add(new CellError(grid.sheet.getSheetName(), new CellReference(r, Math.max(0, c)).formatAsString(false), message));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  record Position(int r, int c) {}

  /** One sheet's cells, read through merged regions: a covered cell reads its region's first cell. */
  static final class Grid {
    final Sheet sheet;
    final DataFormatter formatter;
    /** Covered cell → the first cell of its region. */
    final Map<Long, Position> covered = new HashMap<>();
    final List<CellRangeAddress> large = new ArrayList<>();

    Grid(Sheet sheet, DataFormatter formatter) {
      this.sheet = sheet;
      this.formatter = formatter;
      for (CellRangeAddress m : sheet.getMergedRegions()) {
        int lastRow = Math.min(m.getLastRow(), MAX_ROWS);
        int lastColumn = Math.min(m.getLastColumn(), MAX_COLUMNS);
        if ((long) (lastRow - m.getFirstRow() + 1) * (lastColumn - m.getFirstColumn() + 1) > 4_000) {
          large.add(m);
          continue;
        }
        for (int r = m.getFirstRow(); r <= lastRow; r++) {
          for (int c = m.getFirstColumn(); c <= lastColumn; c++) {
            if (r != m.getFirstRow() || c != m.getFirstColumn()) {
              covered.put(key(r, c), new Position(m.getFirstRow(), m.getFirstColumn()));
            }
          }
        }
      }
    }

    private static long key(int r, int c) {
      return ((long) r << 20) | c;
    }

    int lastRow() {
      return Math.min(sheet.getLastRowNum(), MAX_ROWS);
    }

    int columns(int r) {
      Row row = sheet.getRow(r);
      return row == null ? 0 : Math.min(Math.max(row.getLastCellNum(), 0), MAX_COLUMNS);
    }

    Position origin(int r, int c) {
      Position p = covered.get(key(r, c));
      if (p != null) {
        return p;
      }
      for (CellRangeAddress m : large) {
        if (m.isInRange(r, c)) {
          return new Position(m.getFirstRow(), m.getFirstColumn());
        }
      }
      return new Position(r, c);
    }

    boolean isTopLeft(int r, int c) {
      Position o = origin(r, c);
      return o.r == r && o.c == c;
    }

    /** Part of the block label's region in column A (merged down the block). */
    boolean isBlockCell(int r, int c, Position block) {
      Position o = origin(r, c);
      return o.r == block.r && o.c == block.c;
    }

    Cell raw(int r, int c) {
      Row row = sheet.getRow(r);
      return row == null ? null : row.getCell(c);
    }

    /** The text a cell shows, through merged regions. */
    String text(int r, int c) {
      Position o = origin(r, c);
      return display(raw(o.r, o.c));
    }

    /** The text of a cell only if it starts its own region in this row (not covered by a cell above). */
    String ownText(int r, int c) {
      Position o = origin(r, c);
      if (o.r != r) {
        return "";
      }
      return display(raw(o.r, o.c));
    }

    /** The first own text of the row in columns before {@code before} (the 总分 label). */
    String ownTextAnywhere(int r, int before) {
      for (int c = 0; c < Math.max(before, 1); c++) {
        String t = ownText(r, c);
        if (!t.isBlank()) {
          return t;
        }
      }
      return "";
    }

    int firstTextColumn(int r) {
      for (int c = 0; c < columns(r); c++) {
        if (!ownText(r, c).isBlank()) {
          return c;
        }
      }
      return 0;
    }

    String display(Cell cell) {
      if (cell == null) {
        return "";
      }
      CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
      return switch (type) {
        case STRING -> cell.getStringCellValue();
        case NUMERIC -> {
          double d = cell.getNumericCellValue();
          if (DateUtil.isCellDateFormatted(cell)) {
            yield formatter.formatRawCellContents(d, cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
          }
          String f = cell.getCellStyle().getDataFormatString();
          if (f != null && f.contains("%")) {
            yield formatter.formatRawCellContents(d, cell.getCellStyle().getDataFormat(), f);
          }
          yield exact(d).toPlainString();
        }
        case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
        default -> "";
      };
    }

    /** A double as Excel shows it: 15 significant digits, exact from there. */
    static BigDecimal exact(double d) {
      BigDecimal v = new BigDecimal(d).round(new MathContext(WorkbookLayout.EXACT_DIGITS)).stripTrailingZeros();
      return v.scale() < 0 ? v.setScale(0) : v;
    }

    String ref(int r, int c) {
      return new CellReference(r, Math.max(c, 0)).formatAsString(false);
    }

    String sheetRef(int r, int c) {
      return sheet.getSheetName() + "!" + ref(r, c);
    }

    boolean blank(int r, int... columns) {
      for (int c : columns) {
        if (!ownText(r, c).isBlank()) {
          return false;
        }
      }
      return true;
    }

    int nextNonBlankRow(int from, int... columns) {
      for (int r = from; r <= Math.min(lastRow(), from + 5); r++) {
        if (!blank(r, columns)) {
          return r;
        }
      }
      return -1;
    }

    Position findMatching(java.util.function.Predicate<String> test) {
      for (int r = 0; r <= lastRow(); r++) {
        for (int c = 0; c < columns(r); c++) {
          if (isTopLeft(r, c)) {
            String t = norm(display(raw(r, c)));
            if (!t.isEmpty() && test.test(t)) {
              return new Position(r, c);
            }
          }
        }
      }
      return null;
    }

    Position find(String label) {
      String want = norm(label);
      return findMatching(t -> t.equals(want) || t.equals(want + ":"));
    }

    Position findPrefix(String label) {
      String want = norm(label).replaceAll("\\(.*\\)$", "");
      return findMatching(t -> t.startsWith(want));
    }

    /** 市级预算部门名称 holds 预算部门名称. */
    Position findContaining(String label) {
      String want = norm(label);
      return findMatching(t -> t.contains(want) && t.length() <= want.length() + 4);
    }

    /** The first column right of a label's region. */
    int nextColumnAfter(Position label) {
      int c = label.c + 1;
      while (c < MAX_COLUMNS && origin(label.r, c).equals(label)) {
        c++;
      }
      return c;
    }

    /**
     * The value beside a label: the first non-blank cell right of the label's region ("" if that is
     * the next label of the row, as 主管部门 … 实施单位).
     */
    String valueRightOf(Position label) {
      for (int c = nextColumnAfter(label); c < Math.max(columns(label.r), nextColumnAfter(label) + 1); c++) {
        if (!isTopLeft(label.r, c)) {
          continue;
        }
        String t = text(label.r, c);
        if (t.isBlank()) {
          continue;
        }
        String n = norm(t);
        if (n.equals(norm(WorkbookLayout.IMPLEMENTER)) || n.equals(norm(WorkbookLayout.SUPERVISOR))) {
          return "";
        }
        return t.strip();
      }
      return "";
    }

    /**
     * Column of each header in row {@code r}, by normalised text without a unit in brackets;
     * {@code contains} also matches a header with words before it (2022年实际在职人数).
     */
    Map<String, Integer> headers(int r, List<String> names, boolean contains) {
      Map<String, Integer> found = new LinkedHashMap<>();
      for (int c = 0; c < columns(r); c++) {
        if (!isTopLeft(r, c)) {
          continue;
        }
        String t = norm(display(raw(r, c))).replaceAll("\\(.*\\)$", "");
        for (String name : names) {
          String want = norm(name);
          boolean match = t.equals(want) || (contains && t.endsWith(want) && t.length() <= want.length() + 6)
              || (want.startsWith("偏差原因") && t.startsWith("偏差原因"));
          if (match && !found.containsKey(name)) {
            found.put(name, c);
            break;
          }
        }
      }
      return found;
    }

    /** The number in a cell: numeric, a formula's cached number, or text with separators, full-width digits, 元 or 万元. */
    Parsed number(int r, int c) {
      Position o = origin(r, c);
      if (o.r != r) {
        return Parsed.BLANK;
      }
      Cell cell = raw(o.r, o.c);
      if (cell == null) {
        return Parsed.BLANK;
      }
      CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
      switch (type) {
        case BLANK:
          return Parsed.BLANK;
        case NUMERIC:
          return new Parsed(exact(cell.getNumericCellValue()), null, null);
        case STRING:
          return parse(cell.getStringCellValue());
        case ERROR:
          return new Parsed(null, null, "公式错误");
        default:
          return new Parsed(null, null, "「" + display(cell) + "」");
      }
    }

    static Parsed parse(String written) {
      String s = norm(written);
      if (s.isEmpty() || s.equals("-") || s.equals("—")) {
        return Parsed.BLANK;
      }
      Unit unit = null;
      if (s.endsWith("万元")) {
        unit = Unit.WAN;
        s = s.substring(0, s.length() - 2);
      } else if (s.endsWith("元")) {
        unit = Unit.YUAN;
        s = s.substring(0, s.length() - 1);
      }
      String shown = "「" + (written.length() > 40 ? written.strip().substring(0, 40) + "…" : written.strip()) + "」";
      if (s.length() > Limits.MAX_DECIMAL_CHARS) {
        return new Parsed(null, null, shown);
      }
      if (GROUPED_NUMBER.matcher(s).matches()) {
        s = s.replace(",", "");
      } else if (!PLAIN_NUMBER.matcher(s).matches()) {
        return new Parsed(null, null, shown);
      }
      return new Parsed(new BigDecimal(s), unit, null);
    }
  }
}
