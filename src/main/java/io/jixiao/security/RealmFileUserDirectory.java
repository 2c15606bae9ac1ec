package io.jixiao.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The directory read from a Keycloak users import file — the same {@code realm/jixiao-users-0.json}
 * Keycloak imports — for runs without Keycloak (the tests' {@code test} profile:
 * {@code jixiao.directory.source=file}). A user's grants are the names of their groups, as the
 * realm's "grants" mapper puts them in tokens; administrators are the members of {@code /admins}
 * (the group that gives the realm role), as for {@link KeycloakUserDirectory}. Read once.
 */
@Component
@ConditionalOnProperty(name = "jixiao.directory.source", havingValue = "file")
class RealmFileUserDirectory implements UserDirectory {

  record Account(String username, boolean enabled, boolean admin, Set<Membership> memberships) {

    boolean holds(Role role, String unitCode, UnitPlacements placements) {
      return enabled && (role == Role.ADMIN ? admin
          : memberships.stream().anyMatch(m -> m.role() == role && placements.reaches(m, unitCode)));
    }
  }

  private final List<Account> accounts;
  private final UnitPlacements placements;

  RealmFileUserDirectory(JsonMapper json, @Value("${jixiao.directory.file:realm/jixiao-users-0.json}") Path file,
      UnitPlacements placements) {
    this.accounts = read(json, file);
    this.placements = placements;
  }

  static List<Account> read(JsonMapper json, Path file) {
    JsonNode root;
    try {
      root = json.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the users file " + file.toAbsolutePath(), e);
    }
    return root.path("users").valueStream().map(user -> {
      Set<Membership> grants = new java.util.LinkedHashSet<>();
      user.path("groups").valueStream().map(JsonNode::asString)
          .map(path -> path.substring(path.lastIndexOf('/') + 1))
          .forEach(name -> Membership.parse(name).ifPresent(grants::add));
      boolean admin = user.path("groups").valueStream().anyMatch(g -> g.asString().equals(KeycloakUserDirectory.ADMINS_PATH));
      return new Account(user.path("username").asString(), user.path("enabled").asBoolean(true), admin, Set.copyOf(grants));
    }).toList();
  }

  @Override
  public boolean mayHold(String username, Role role, String unitCode) {
    return accounts.stream().anyMatch(a -> a.username().equals(username) && a.holds(role, unitCode, placements));
  }

  @Override
  public List<String> eligible(Role role, String unitCode) {
    Set<String> names = new TreeSet<>();
    accounts.stream().filter(a -> a.holds(role, unitCode, placements)).forEach(a -> names.add(a.username()));
    return List.copyOf(names);
  }
}
