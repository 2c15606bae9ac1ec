package io.jixiao.workflow;

import java.time.OffsetDateTime;

/** 财政复核通过: the version finance approved, with its full content hash (review scores included). */
public record Approval(int version, String contentHash, String approvedBy, OffsetDateTime approvedAt) {

  public boolean covers(int version, String contentHash) {
    return this.version == version && this.contentHash.equals(contentHash);
  }
}
