package io.jixiao.form;

/**
 * Something in a package that does not add up. Serializable: a refused submit carries its findings to the
 * next page as a flash attribute, which lives in the (database) session. Its {@link FindingCode} is a public contract.
 *
 * @param path    the field or row it concerns, e.g. {@code overall.indicators[3].deviationReason}
 * @param message in Chinese, for the preparer
 */
public record Finding(FindingCode code, Severity severity, String path, String message)
    implements java.io.Serializable {

  /** Identifies the finding across versions, for acknowledgements. */
  public String key() {
    return code.name() + "@" + path;
  }
}
