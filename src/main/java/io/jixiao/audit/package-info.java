/**
 * The audit trail (审计记录): an append-only record of everything done to each package, written from the
 * report and workflow modules' events in the transaction of the step itself. Owns {@code jixiao.audit_event}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"report", "workflow"})
package io.jixiao.audit;
