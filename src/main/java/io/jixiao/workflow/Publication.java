package io.jixiao.workflow;

import java.time.OffsetDateTime;

/** 公开: the approved version as published, and when. */
public record Publication(int version, String contentHash, String publishedBy, OffsetDateTime publishedAt) {}
