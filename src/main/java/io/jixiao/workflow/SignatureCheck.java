package io.jixiao.workflow;

import io.jixiao.shared.Conflict;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The rule the bureau and finance apply before passing a package on: the head's signature covers its content. */
@Component
class SignatureCheck {

  private final Signatures signatures;

  SignatureCheck(Signatures signatures) {
    this.signatures = signatures;
  }

  void requireCovers(UUID reportId, String unitContentHash) {
    if (signatures.latestSignature(reportId).filter(s -> s.covers(unitContentHash)).isEmpty()) {
      throw new Conflict("signature-void", "单位负责人的签字不覆盖当前内容（签字后内容已修改），须退回重新签字");
    }
  }
}
