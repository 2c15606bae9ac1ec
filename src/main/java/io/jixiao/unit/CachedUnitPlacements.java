package io.jixiao.unit;

import io.jixiao.security.Membership;
import io.jixiao.security.UnitPlacements;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The unit table's placements, read per key and kept for {@code jixiao.scope.cache-ttl} (default
 * 30 s): a region's reviewer asks for the region's units on every request, and the unit table
 * changes rarely. A unit added to a region reaches its reviewers within that time; unknown codes
 * are not kept.
 */
@Component
class CachedUnitPlacements implements UnitPlacements {

  private record Entry<T>(T value, Instant expires) {}

  private final JdbcClient jdbc;
  private final Duration ttl;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, Entry<Optional<Placement>>> placements = new ConcurrentHashMap<>();
  private final Map<String, Entry<Set<String>>> units = new ConcurrentHashMap<>();

  CachedUnitPlacements(JdbcClient jdbc, @Value("${jixiao.scope.cache-ttl:30s}") Duration ttl) {
    this.jdbc = jdbc;
    this.ttl = ttl;
  }

  @Override
  public Optional<Placement> of(String unitCode) {
    if (unitCode == null) {
      return Optional.empty();
    }
    return cached(placements, unitCode, () -> jdbc
        .sql("select region_code, bureau_code from jixiao.unit where code = :code").param("code", unitCode)
        .query((rs, n) -> new Placement(rs.getString(1), rs.getString(2))).optional());
  }

  @Override
  public Set<String> unitsOf(Membership.Reach reach, String code) {
    String column = switch (reach) {
      case UNIT -> null;
      case BUREAU -> "bureau_code";
      case REGION -> "region_code";
    };
    if (column == null) {
      return Set.of(code);
    }
    return cached(units, reach + ":" + code, () -> Set.copyOf(jdbc
        .sql("select code from jixiao.unit where " + column + " = :code").param("code", code)
        .query(String.class).list()));
  }

  private static boolean isEmpty(Object value) {
    return value instanceof Optional<?> o && o.isEmpty() || value instanceof Set<?> s && s.isEmpty();
  }

  private <T> T cached(Map<String, Entry<T>> cache, String key, java.util.function.Supplier<T> load) {
    Instant now = clock.instant();
    Entry<T> entry = cache.get(key);
    if (entry == null || now.isAfter(entry.expires())) {
      if (cache.size() > 100_000) {
        cache.clear(); // bounded: unknown codes asked for must not grow it without end
      }
      entry = new Entry<>(load.get(), now.plus(ttl));
      if (!isEmpty(entry.value())) {
        cache.put(key, entry); // an unknown code is asked again: the unit may be added meanwhile
      }
    }
    return entry.value();
  }
}
