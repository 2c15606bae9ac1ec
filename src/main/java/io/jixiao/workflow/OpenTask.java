package io.jixiao.workflow;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An open user task as projected from the engine: which package, unit, stage and who holds it. */
public record OpenTask(
    String taskId, UUID reportId, String unitCode, String unitName, int year, Stage stage, String role,
    String assignee, OffsetDateTime createdAt, OffsetDateTime dueDate) {}
