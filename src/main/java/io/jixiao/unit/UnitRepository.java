package io.jixiao.unit;

import io.jixiao.security.UnitScope;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UnitRepository {

  private static final String SELECT = """
      select u.code, u.name, u.region_code, r.name as region_name, u.bureau_code, b.name as bureau_name, u.budget_code
        from jixiao.unit u
        join jixiao.region r on r.code = u.region_code
        join jixiao.bureau b on b.code = u.bureau_code
      """;

  private final JdbcClient jdbc;

  UnitRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Unit> findAll(UnitScope scope) {
    String[] codes = scope.codesOrNull();
    String order = " order by u.region_code, u.code";
    return codes == null
        ? jdbc.sql(SELECT + order).query(Unit.class).list()
        : jdbc.sql(SELECT + " where u.code = any(:codes)" + order).param("codes", codes).query(Unit.class).list();
  }

  /** As {@link #findAll}, at most {@code limit} of them (a page's choice of units stays small). */
  public List<Unit> findFirst(UnitScope scope, int limit) {
    String[] codes = scope.codesOrNull();
    String order = " order by u.region_code, u.code limit :limit";
    return codes == null
        ? jdbc.sql(SELECT + order).param("limit", limit).query(Unit.class).list()
        : jdbc.sql(SELECT + " where u.code = any(:codes)" + order).param("codes", codes).param("limit", limit)
            .query(Unit.class).list();
  }

  public Optional<Unit> find(String code, UnitScope scope) {
    if (!scope.includes(code)) {
      return Optional.empty();
    }
    return jdbc.sql(SELECT + " where u.code = :code").param("code", code).query(Unit.class).optional();
  }
}
