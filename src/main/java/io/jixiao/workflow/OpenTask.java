package io.jixiao.workflow;

import io.jixiao.report.Stage;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An open user task as projected from the engine: which package, unit, stage and who holds it.
 *
 * @param id      the engine's task id
 * @param created when the task was created (the package arrived at this stage)
 * @param due     the stage's due date from the cycle, if any
 */
public record OpenTask(
    String id, UUID reportId, String unitCode, String unitName, int year, Stage stage, String role,
    String assignee, OffsetDateTime created, OffsetDateTime due) {}
