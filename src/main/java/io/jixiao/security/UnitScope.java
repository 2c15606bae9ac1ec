package io.jixiao.security;

import java.util.Collection;
import java.util.Set;

/**
 * The units a caller may see. Every query on unit-owned data takes one, so visibility is enforced
 * by the query itself rather than by filtering results afterwards.
 */
public sealed interface UnitScope {

  UnitScope ALL = new All();

  static UnitScope of(Collection<String> unitCodes) {
    return new Units(Set.copyOf(unitCodes));
  }

  boolean includes(String unitCode);

  /** The unit codes for a {@code unit_code = any(?)} filter; null means unrestricted. */
  String[] codesOrNull();

  record All() implements UnitScope {
    @Override
    public boolean includes(String unitCode) {
      return true;
    }

    @Override
    public String[] codesOrNull() {
      return null;
    }
  }

  record Units(Set<String> codes) implements UnitScope {
    @Override
    public boolean includes(String unitCode) {
      return codes.contains(unitCode);
    }

    @Override
    public String[] codesOrNull() {
      return codes.toArray(String[]::new);
    }
  }
}
