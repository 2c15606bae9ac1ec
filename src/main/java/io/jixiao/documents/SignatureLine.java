package io.jixiao.documents;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the signature record printed on the last page: who bound which version, when.
 *
 * @param role        what the step was
 * @param who         the person (user name or display name) who did it
 * @param version     the package version it bound to
 * @param at          when
 * @param contentHash the SHA-256 (hex) of the content it bound to, as recorded; may be null
 */
public record SignatureLine(Role role, String who, int version, Instant at, String contentHash) {

  public SignatureLine {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(at, "at");
  }

  /** The steps that bind a person to exact content (DOMAIN §6). */
  public enum Role {
    /** 单位负责人签字 */
    UNIT_HEAD("单位负责人签字"),
    /** 主管部门审核通过 */
    BUREAU("主管部门审核通过"),
    /** 财政复核通过 */
    FINANCE("财政复核通过"),
    /** 公开发布 */
    PUBLISHER("公开发布");

    private final String label;

    Role(String label) {
      this.label = label;
    }

    /** The Chinese name printed in the record. */
    public String label() {
      return label;
    }
  }
}
