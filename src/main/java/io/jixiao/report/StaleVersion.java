package io.jixiao.report;

import io.jixiao.shared.DomainException;
import java.util.Map;

/**
 * The caller acted on a version that is no longer the latest: someone saved since. A save answers
 * 412 (its If-Match failed); a lifecycle step answers 409. Either way the caller learns the current version.
 */
public class StaleVersion extends DomainException {

  private final int currentVersion;

  private StaleVersion(Kind kind, int currentVersion, int yourVersion, String detail) {
    super(kind, "stale-version", detail, Map.of("currentVersion", currentVersion, "yourVersion", yourVersion));
    this.currentVersion = currentVersion;
  }

  public static StaleVersion ofSave(int currentVersion, int yourVersion) {
    return new StaleVersion(Kind.STALE, currentVersion, yourVersion,
        "您编辑的是第 " + yourVersion + " 版，而最新的是第 " + currentVersion + " 版；请先查看最新版本再保存");
  }

  public static StaleVersion ofStep(int currentVersion, int yourVersion) {
    return new StaleVersion(Kind.CONFLICT, currentVersion, yourVersion,
        "您看到的是第 " + yourVersion + " 版，而报告已更新为第 " + currentVersion + " 版；请先阅读最新版本再办理");
  }

  public int currentVersion() {
    return currentVersion;
  }
}
