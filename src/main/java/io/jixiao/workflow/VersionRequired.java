package io.jixiao.workflow;

import io.jixiao.shared.DomainException;

/** A step that acts on content must say which version the user read (If-Match or {@code version}). */
public class VersionRequired extends DomainException {

  VersionRequired() {
    super(Kind.PRECONDITION_REQUIRED, "version-required",
        "办理须注明所阅读的版本 (If-Match 或 version)，以免对未读过的内容签字或审核");
  }
}
