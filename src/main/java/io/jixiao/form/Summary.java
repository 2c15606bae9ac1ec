package io.jixiao.form;

import java.math.BigDecimal;

/**
 * The computed totals of one self-evaluation table.
 *
 * @param executionRate  执行率 = executed / adjusted budget of the TOTAL funds row, 4 decimals (1.0000 = 100%); null without a budget
 * @param executionScore weight × min(rate, 1), 2 decimals
 * @param totalScore     executionScore + the indicator rows' self scores
 * @param grade          the grade of totalScore under the template's bands
 * @param reviewTotal    the same with finance's review scores (a row without one keeps its self score); null before any review score
 * @param reviewGrade    the grade of reviewTotal
 */
public record Summary(
    BigDecimal executionRate,
    BigDecimal executionScore,
    BigDecimal totalScore,
    Grade grade,
    BigDecimal reviewTotal,
    Grade reviewGrade) {}
