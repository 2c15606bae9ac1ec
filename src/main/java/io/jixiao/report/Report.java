package io.jixiao.report;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A report package's identity: one per unit and year. Its versions hold the content. */
public record Report(
    UUID id, String unitCode, String unitName, int year, long cycleId, String templateCode,
    int latestVersion, OffsetDateTime createdAt, String createdBy) {}
