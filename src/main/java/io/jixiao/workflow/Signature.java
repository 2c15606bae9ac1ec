package io.jixiao.workflow;

import java.time.OffsetDateTime;

/** 单位负责人签字: who signed which version, binding the hash of the unit's content of it. */
public record Signature(int version, String contentHash, String signer, OffsetDateTime signedAt) {

  /** Whether this signature still covers content with this unit-content hash: any edit since voids it. */
  public boolean covers(String unitContentHash) {
    return contentHash.equals(unitContentHash);
  }
}
