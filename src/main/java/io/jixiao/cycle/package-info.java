/**
 * Evaluation cycles (评价周期) — one region's evaluation year with its template, due dates and duty
 * settings — and the catalogue of report templates. Owns {@code jixiao.cycle} and {@code jixiao.template}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"form"})
package io.jixiao.cycle;
