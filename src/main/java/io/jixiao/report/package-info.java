/**
 * Report packages (绩效自评材料) and their immutable versions: creating, saving (with optimistic versions and
 * the package's row lock), reading back with everything the rules compute, and each package's {@link
 * io.jixiao.report.Stage}. Owns {@code jixiao.report} and {@code jixiao.report_version}; asks the lifecycle
 * (through {@link io.jixiao.report.ReportLifecycle}) what may be edited.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"form", "cycle", "unit", "security", "shared", "web", "documents"})
package io.jixiao.report;
