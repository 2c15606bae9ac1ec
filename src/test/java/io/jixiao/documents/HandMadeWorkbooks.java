package io.jixiao.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Workbooks as units make them by hand, after the seeds' tables (/work/shared/seeds): a 附件 line
 * above the title, the unit's name as "市级预算部门名称", merged block labels and headers, blank rows
 * between blocks, money in 万元 (said in the block label), figures typed as text — with thousands
 * separators, full-width digits or a 万元 suffix — and a formula total. Each builder method writes
 * one sheet; {@link #bytes} gives the file. Broken variants change one thing with {@link #set}.
 */
public final class HandMadeWorkbooks {

  private final Workbook wb;

  private HandMadeWorkbooks(Workbook wb) {
    this.wb = wb;
  }

  public static HandMadeWorkbooks xlsx() {
    return new HandMadeWorkbooks(new XSSFWorkbook());
  }

  public static HandMadeWorkbooks xls() {
    return new HandMadeWorkbooks(new org.apache.poi.hssf.usermodel.HSSFWorkbook());
  }

  /** A formula; its cached value is computed when the file is written, as Excel would store it. */
  public record Formula(String formula) {}

  /** A cell by its A1 address: text, a number, or a {@link Formula}; null leaves it blank. */
  public static void set(Sheet sheet, String address, Object value) {
    CellReference ref = new CellReference(address);
    Row row = sheet.getRow(ref.getRow());
    if (row == null) {
      row = sheet.createRow(ref.getRow());
    }
    Cell cell = row.getCell(ref.getCol());
    if (cell == null) {
      cell = row.createCell(ref.getCol());
    }
    if (value == null) {
      cell.setBlank();
    } else if (value instanceof Number n) {
      cell.setCellValue(n.doubleValue());
    } else if (value instanceof Formula f) {
      cell.setCellFormula(f.formula());
    } else {
      cell.setCellValue(value.toString());
    }
  }

  static void merge(Sheet sheet, String range) {
    sheet.addMergedRegion(CellRangeAddress.valueOf(range));
  }

  /** Row {@code r} (1-based, as Excel numbers them) from column A on. */
  static void row(Sheet sheet, int r, Object... values) {
    for (int c = 0; c < values.length; c++) {
      if (values[c] != null) {
        set(sheet, new CellReference(r - 1, c).formatAsString(false), values[c]);
      }
    }
  }

  public Sheet sheet(String name) {
    return wb.getSheet(name);
  }

  /**
   * 附件1 as 新田县 2022 writes it: staff, 经费控制情况（万元） with text figures ("139.38万元",
   * "1,260.00"), a 其中：公务车购置 sub-row with no figures, a blank row, one project row, a building.
   */
  public HandMadeWorkbooks basic(String name) {
    Sheet s = wb.createSheet(name);
    row(s, 1, "附件1");
    row(s, 2, "2022年度部门整体支出绩效评价基础数据表");
    merge(s, "A2:G2");
    row(s, 3, "财政供养人员情况（人）", "编制数", "2022年实际在职人数", "控制率");
    row(s, 4, null, " 5", 5, "100%");
    row(s, 5, "经费控制情况（万元）", "2021年决算数", "2022年预算数", "2022年决算数");
    row(s, 6, "一、部门基本支出", "139.38万元", "292.31", 292.31);
    row(s, 7, "其中：公用经费", "41.72", "60.31", "60.31");
    row(s, 8, "其中：办公费", "26.26", "33.59", "33.59");
    row(s, 9, "三公经费", "1.91", "1.81", new Formula("C11+C12+C13"));
    row(s, 10, "其中：公务车购置");
    row(s, 11, "1.公务用车购置和维护经费", "0", "0", 0);
    row(s, 12, "2.出国经费", "0", "0", 0);
    row(s, 13, "3.公务接待", "1.91", "1.81", 1.81);
    // a blank row
    row(s, 15, "二、项目支出小计", "52.5", "52.5", "52.50");
    row(s, 16, "新田县计划生育协会能力建设经费", "1,260.00", "52.5", "52.5");
    row(s, 17, "楼堂馆所控制情况", "批复规模（㎡）", "实际规模（㎡）", "规模控制率", "预算投资（万元）", "实际投资（万元）", "投资概算控制率");
    row(s, 18, "办公楼维修", 120, "118.5", null, "10", "9.8");
    row(s, 19, "厉行节约保障措施", "严格执行公务接待标准");
    merge(s, "B19:G19");
    row(s, 21, "填表人：肖桂芳        联系电话：13874763461         填报日期：2022年6月29日      单位负责人签字：");
    return this;
  }

  /**
   * 附件2 like the seeds': 年度预算申请（万元） merged down its rows, headers in the same row, the 年度资金总额
   * 年初预算数 a formula over the rows below, 全年预算数 in full-width digits, blank rows, the funds by source and
   * by nature under their headings, one goal, indicators with 一级/二级 merged down, a "……" row, a 不适用 row, 总分.
   */
  public HandMadeWorkbooks overall(String name) {
    Sheet s = wb.createSheet(name);
    row(s, 1, "附件2");
    row(s, 2, "2022年度部门整体支出绩效自评表");
    merge(s, "A2:I2");
    row(s, 3, "市级预算部门名称", null, "新田县计划生育协会　");
    merge(s, "A3:B3");
    merge(s, "C3:I3");
    row(s, 4); // blank
    row(s, 5, "年度预  算申请  （万元）", null, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分");
    merge(s, "A5:A13");
    row(s, 6, null, "年度资金总额", null, new Formula("D8+D9+D10"), "２９２．３１", "292.31", 10, "100%", 10);
    merge(s, "B6:C6");
    row(s, 7, null, "按收入性质分：");
    row(s, 8, null, "其中：  一般公共预算", null, 292.31, "292.31", "292.31");
    row(s, 9, null, "政府性基金拨款", null, 0, "0", "0");
    row(s, 10, null, "纳入专户管理的非税收入拨款", null, "0", "0", "0");
    // row 11 blank
    row(s, 12, null, "按支出性质分：");
    row(s, 13, null, "基本支出", null, "2,923,100元", "292.31", "292.31");
    row(s, 14, "年度总体目标", "预期目标", null, null, null, "实际完成情况");
    merge(s, "B14:E14");
    merge(s, "F14:I14");
    merge(s, "A14:A15");
    row(s, 15, null, "1、提升计生协基层组织和能力建设。", null, null, null, "1、坚持“学党史 我为群众办实事”常态化开展。");
    merge(s, "B15:E15");
    merge(s, "F15:I15");
    row(s, 16, "绩  效  指  标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
        "偏差原因分析及改进措施");
    merge(s, "A16:A22");
    row(s, 17, null, "产出指标  (50分)", "重点工作  任务完成", "全面完成省、市、县下达的各项工作指标", "100", "100%", "15", 15);
    row(s, 18, null, null, null, "开展一次计生困难家庭慰问走访活动，走访240户", "240", "100%", "１５", 15);
    row(s, 19, null, null, null, "……", "　", "　", "　", "　");
    merge(s, "B17:B19");
    merge(s, "C17:C19");
    row(s, 20, null, "效益指标（30分）", "社会效益指标", "群众知晓率", "≥90%", "95%", 30, 28, "宣传覆盖仍有不足");
    row(s, 21, null, "满意度指标（10分）", "服务对象满意度指标", "群众对项目实施的满意度", "90%以上", "/", 10, "不适用");
    row(s, 22, null, null, null, null, null, null, null, null);
    row(s, 23, "总分", null, null, null, null, null, 100, new Formula("I6+SUM(H17:H21)"));
    merge(s, "A23:F23");
    row(s, 24, "填表人：肖桂芳        联系电话：13874763461         填报日期：2022年6月29日      单位负责人签字：");
    return this;
  }

  /** 附件4 of one project, 项目资金（万元）, without a 项目编码 (real files have none). */
  public HandMadeWorkbooks project(String name) {
    Sheet s = wb.createSheet(name);
    row(s, 1, "附件4");
    row(s, 2, "2022年度项目支出绩效自评表");
    row(s, 3, "项目支出名称", null, "计生协能力建设");
    row(s, 4, "主管部门", null, "新田县卫生健康局", null, null, "实施单位", null, "新田县计划生育协会");
    row(s, 6, "项目资金（万元）", null, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分");
    merge(s, "A6:A9");
    row(s, 7, null, "年度资金总额", null, "52.5", "52.5", "52.123456", 10, "99.28%", 9.5);
    row(s, 8, null, "当年财政拨款", null, "52.5", "52.5", "52.123456");
    row(s, 9, null, "上年结转资金", null, "0", "0", "0");
    row(s, 10, "年度总体目标", "预期目标", null, null, null, "实际完成情况");
    row(s, 11, null, "完成能力建设", null, null, null, "已完成");
    row(s, 12, "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施");
    row(s, 13, null, "产出指标（50分）", "数量指标", "培训人次", "≥300人次", "320人次", 50, 50);
    row(s, 14, null, "效益指标（40分）", "社会效益指标", "服务群众", "3万人次", "3万余人次", 40, 38);
    row(s, 15, "总分", null, null, null, null, null, 100, 97.5);
    return this;
  }

  /** A sheet of something else: a list the unit kept beside its tables. */
  public HandMadeWorkbooks unknown(String name) {
    Sheet s = wb.createSheet(name);
    row(s, 1, "会议签到表");
    row(s, 2, "姓名", "单位", "签名");
    return this;
  }

  public HandMadeWorkbooks with(String sheet, Consumer<Sheet> change) {
    change.accept(wb.getSheet(sheet));
    return this;
  }

  /** The file, with formulas' cached values computed (as Excel saves them). */
  public byte[] bytes() {
    try (wb) {
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An .xlsx encrypted with a password (agile encryption, as Excel's 用密码进行加密). */
  public static byte[] encrypted(byte[] xlsx, String password) {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor encryptor = info.getEncryptor();
      encryptor.confirmPassword(password);
      try (OutputStream os = encryptor.getDataStream(fs)) {
        os.write(xlsx);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      return out.toByteArray();
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A small .xlsx that inflates far beyond its size: 300 cells of 32,000 repeated characters. */
  public static byte[] zipBomb() {
    XSSFWorkbook wb = new XSSFWorkbook();
    Sheet s = wb.createSheet("附件2");
    String filler = "绩".repeat(32_000);
    for (int r = 0; r < 300; r++) {
      s.createRow(r).createCell(0).setCellValue(filler + r);
    }
    try (wb) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
