package io.jixiao.form;

import static org.instancio.Select.all;
import static org.instancio.Select.field;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.instancio.Instancio;
import org.instancio.Model;
import org.instancio.Random;
import org.instancio.generator.Generator;
import org.instancio.settings.Keys;

/**
 * A generated report package with the template and year it is evaluated against: partial drafts
 * (nulls wherever a form can be blank), realistic money (0 to 5,000,000.00 元, some 万元 slips), weights
 * and scores of 0–40 with up to two decimals, every target shape of DOMAIN §2, narrative year mentions
 * and refersTo paths. Instancio builds the package's structure (tables, projects, sections, lists of
 * 0–4 rows); one generator per row type fills the rows.
 *
 * <p>Invariant tests take one per repetition through {@link Provider} ({@code @Given} on a
 * {@code @RepeatedTest(1000)} parameter); a failing package names its seed. {@link #POOL} holds 1,000
 * more, generated once from a random base seed (fix it with {@code -Djixiao.seed=…}), to check that
 * the generator reaches what the invariants are about.
 */
record GeneratedPackage(long seed, ReportContent content, Template template, int year) {

  static GeneratedPackage of(long seed) {
    ReportContent content = Instancio.of(MODEL).withSeed(seed).create();
    SplittableRandom r = new SplittableRandom(seed);
    Template[] templates = {TestTemplates.NATIONAL_DEFAULT, TestTemplates.COST_SEPARATE, null};
    return new GeneratedPackage(seed, content, templates[r.nextInt(3)], r.nextInt(2019, 2027));
  }

  /** Supplies {@code @Given} parameters: a package from a seed drawn by Instancio's random. */
  static final class Provider implements org.instancio.junit.GivenProvider {
    @Override
    public Object provide(ElementContext context) {
      return of(context.random().longRange(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2));
    }
  }

  /** Runs a check on one package; a failure names the package's seed. */
  static void check(GeneratedPackage p, Runnable check) {
    try {
      check.run();
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("generated package, seed " + p.seed() + " (year " + p.year() + ", template "
          + (p.template() == null ? "default" : p.template().code()) + "): " + e.getMessage(), e);
    }
  }



  private static final FundsLine[] FUNDS_LINES = {FundsLine.TOTAL, FundsLine.TOTAL, FundsLine.GENERAL_BUDGET,
      FundsLine.OTHER_FUNDS, FundsLine.CURRENT_YEAR, FundsLine.BASIC, FundsLine.PERSONNEL, FundsLine.OPERATING,
      FundsLine.PROJECT};
  private static final String[] OPS = {"", "", "=", "≥", "≤", ">", "<", "＝", "不低于", "不超过"};
  private static final String[] SUFFIXES = {"", "", "", "以上", "以下", "以内"};
  private static final String[] UNITS = {"", "%", "%", "户", "次", "人", "个", "万元", "元", "期", "人次"};
  private static final String[] WORDS = {"按时保质完成", "有效提升", "长期", "达成预期指标", "优秀", "", "　", "——"};
  private static final String[] PATHS = {"basicData.costs[THREE_PUBLIC].budget", "basicData.costs[PROJECT].finalAccount",
      "basicData.costs[PROJECT_ITEM#1].budget", "overall.funds[TOTAL].executed", "overall.funds[PROJECT].executed",
      "overall.statedTotal", "projects[P1].table.funds[TOTAL].adjustedBudget", "projects[P2].report.budgetAmount",
      "overall.indicators[0].selfScore", "nonsense", ""};
  private static final String[] TEXTS = {"2022年度部门整体支出", "较2021年减少0.1万元", "2024年计生协共为全区2607户投保",
      "2025年对全区92户计生特殊家庭给予慰问", "2023年决算数", "无", "与2020年相比", "2019年以来"};

  static final Model<ReportContent> MODEL = Instancio.of(ReportContent.class)
      .lenient() // a package without projects leaves the project selectors unused, and that is fine
      .withSetting(Keys.COLLECTION_MIN_SIZE, 0)
      .withSetting(Keys.COLLECTION_MAX_SIZE, 4)
      .withSetting(Keys.STRING_MAX_LENGTH, 6)
      .withNullable(field(ReportContent::basicData))
      .withNullable(field(ReportContent::overall))
      .withNullable(field(Project::table))
      .ignore(field(ReportContent::acknowledgements))
      .ignore(field(SelfEvaluationTable::goals))
      .ignore(field(BasicDataTable::buildings))
      .supply(all(FundsRow.class), (Generator<FundsRow>) r -> new FundsRow(r.oneOf(FUNDS_LINES), null,
          money(r), money(r), money(r), score(r, 0, 20), score(r, 0, 22), score(r, 0, 22),
          r.oneOf("", "追加了项目经费", null)))
      .supply(all(IndicatorRow.class), (Generator<IndicatorRow>) r -> new IndicatorRow(
          r.oneOf("OUTPUT", "BENEFIT", "SATISFACTION", "COST"), r.oneOf("数量指标", "质量指标", "成本指标", "社会效益指标", null),
          null, measure(r), measure(r), score(r, 0, 40), score(r, 0, 42), score(r, 0, 42), r.oneOf("", "　", "经费不足", null),
          r.diceRoll(true) ? Boolean.TRUE : null))
      .supply(field(SelfEvaluationTable::statedTotal), (Generator<BigDecimal>) r -> score(r, 0, 110))
      .supply(field(SelfEvaluationTable::statedGrade), (Generator<String>) r -> r.oneOf("优", "良好", "中", "差", "满意", null))
      .supply(all(CostRow.class), (Generator<CostRow>) r -> new CostRow(r.oneOf(CostLine.values()), null,
          money(r), money(r), money(r)))
      .supply(all(Integer.class), (Generator<Integer>) r -> r.diceRoll(true) ? null : r.intRange(0, 50))
      .supply(field(NarrativeSection::key), (Generator<String>) r -> r.oneOf("basic", "general-budget", "performance", null))
      .supply(field(NarrativeSection::text), (Generator<String>) r -> {
        StringBuilder b = new StringBuilder();
        for (int i = r.intRange(0, 6); i > 0; i--) {
          b.append(r.oneOf(TEXTS)).append('。');
        }
        return b.toString();
      })
      .supply(all(StatedFigure.class), (Generator<StatedFigure>) r -> {
        List<BigDecimal> parts = new ArrayList<>();
        for (int i = r.intRange(0, 4); i > 0; i--) {
          parts.add(BigDecimal.valueOf(r.longRange(0, 500_000_00), 2));
        }
        return new StatedFigure(null, money(r), parts, r.oneOf(PATHS));
      })
      .supply(field(Project::code), (Generator<String>) r -> r.oneOf("P1", "P2", "P3", "", "LDRK", null))
      .supply(all(ProjectReport.class), (Generator<ProjectReport>) r -> r.trueOrFalse() ? null
          : new ProjectReport(money(r), null, null, null, null, null, null, null))
      .supply(all(Filling.class), (Generator<Filling>) r -> r.diceRoll(true) ? null
          : new Filling(null, null, r.trueOrFalse() ? null : LocalDate.of(r.intRange(2017, 2028), r.intRange(1, 12), 28)))
      .toModel();

  // after MODEL: static fields initialise in order
  static final long BASE_SEED = Long.getLong("jixiao.seed", new SplittableRandom().nextLong());
  static final List<GeneratedPackage> POOL = LongStream.range(0, 1000).mapToObj(i -> of(BASE_SEED + i)).toList();

  /** 元 with two decimals, mostly up to 5,000,000.00, sometimes blank, zero, or a 万元 figure typed as 元. */
  private static BigDecimal money(Random r) {
    return switch (r.intRange(0, 9)) {
      case 0 -> null;
      case 1 -> BigDecimal.ZERO.setScale(2);
      case 2 -> BigDecimal.valueOf(r.longRange(1, 50_000), 2); // 0.01 – 500.00: a 万元 slip
      default -> BigDecimal.valueOf(r.longRange(0, 500_000_000), 2);
    };
  }

  /** A score or weight between min and max, with 0–2 decimals, sometimes blank. */
  private static BigDecimal score(Random r, int min, int max) {
    return r.diceRoll(true) ? null
        : BigDecimal.valueOf(r.intRange(min * 100, max * 100), 2).setScale(r.intRange(0, 2), RoundingMode.DOWN);
  }

  /** Every target shape: "=3次", "95%以上", "240户", "不超过20.57万元", dates in and out of year, words. */
  private static String measure(Random r) {
    int shape = r.intRange(0, 9);
    if (shape == 0) {
      return null;
    }
    if (shape == 1) {
      return r.oneOf(WORDS);
    }
    if (shape == 2) {
      return r.intRange(2018, 2027) + r.oneOf("年12月31日", "-06-30", ".12.31", "年6月");
    }
    String number = r.trueOrFalse() ? String.valueOf(r.intRange(0, 3000))
        : BigDecimal.valueOf(r.intRange(0, 100_00), 2).toPlainString();
    return r.oneOf("", "　") + r.oneOf(OPS) + number + r.oneOf(UNITS) + r.oneOf(SUFFIXES);
  }
}
