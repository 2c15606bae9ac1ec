package io.jixiao.workflow;

import io.jixiao.cycle.PublicationDeadline;
import io.jixiao.report.Stage;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Where a package stands: its stage and task, and whether its current content is what the unit
 * head signed, what finance approved and what was published; and, once finance approved it, its
 * publication deadline (the cycle's days after that approval) with whether and by how much it is late.
 */
public record LifecycleState(
    UUID reportId, Stage stage, String taskId, String assignee, OffsetDateTime due, int latestVersion,
    String unitContentHash, Signature signature, boolean signatureCoversCurrentContent,
    Approval approval, Publication publication, PublicationDeadline publicationDeadline) {}
