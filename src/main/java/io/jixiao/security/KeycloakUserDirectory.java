package io.jixiao.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * The directory kept by Keycloak, read through its admin REST API as the realm's service account
 * {@code jixiao-directory} (client credentials; realm-management {@code view-users} and
 * {@code query-groups} only). Who holds a grant: the enabled members of the groups named by it
 * ({@code preparer:xintian-jsx}, wherever they sit in the tree) and of the groups of the unit's bureau and
 * region ({@code preparer:bureau=xintian-wjj}, {@code preparer:region=xintian}); who is an administrator: the
 * enabled members of {@code /admins}. Answers are cached briefly
 * ({@code jixiao.directory.cache-ttl}), so a membership change shows within that time.
 */
@Component
@ConditionalOnProperty(name = "jixiao.directory.source", havingValue = "keycloak", matchIfMissing = true)
class KeycloakUserDirectory implements UserDirectory {

  static final String ADMINS_PATH = "/admins";
  static final String REGISTRATION = "keycloak-directory";
  private static final int PAGE = 100;

  private record Entry(List<String> usernames, Instant expires) {}

  private final RestClient admin;
  private final Duration ttl;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();
  private final UnitPlacements placements;

  KeycloakUserDirectory(ClientRegistrationRepository registrations,
      @Value("${jixiao.keycloak.url}") String keycloakUrl,
      @Value("${jixiao.keycloak.realm}") String realm,
      @Value("${jixiao.directory.cache-ttl:30s}") Duration ttl, UnitPlacements placements) {
    var clients = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
        new InMemoryOAuth2AuthorizedClientService(registrations)); // client credentials by default
    var oauth = new OAuth2ClientHttpRequestInterceptor(clients);
    oauth.setClientRegistrationIdResolver(request -> REGISTRATION);
    // One token for the application, whoever's request asks.
    Authentication app = new AnonymousAuthenticationToken("jixiao", "jixiao-directory",
        AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    oauth.setPrincipalResolver(request -> app);
    this.admin = RestClient.builder().baseUrl(keycloakUrl + "/admin/realms/" + realm).requestInterceptor(oauth).build();
    this.ttl = ttl;
    this.placements = placements;
  }

  @Override
  public boolean mayHold(String username, Role role, String unitCode) {
    return username != null && eligible(role, unitCode).contains(username);
  }

  @Override
  public List<String> eligible(Role role, String unitCode) {
    if (role != Role.ADMIN && unitCode == null) {
      return List.of();
    }
    if (role == Role.ADMIN) {
      return members(ADMINS_PATH);
    }
    // The members of the unit's group, of its bureau's and of its region's.
    Set<String> usernames = new TreeSet<>(members(new Grant(role, unitCode).toString()));
    placements.of(unitCode).ifPresent(p -> {
      usernames.addAll(members(new Membership(role, Membership.Reach.BUREAU, p.bureauCode()).toString()));
      usernames.addAll(members(new Membership(role, Membership.Reach.REGION, p.regionCode()).toString()));
    });
    return List.copyOf(usernames);
  }

  private List<String> members(String key) {
    Instant now = clock.instant();
    Entry entry = cache.get(key);
    if (entry == null || now.isAfter(entry.expires())) {
      try {
        entry = new Entry(load(key), now.plus(ttl));
      } catch (RestClientException | OAuth2AuthorizationException e) {
        throw new Unavailable("Keycloak's directory did not answer for " + key, e);
      }
      cache.put(key, entry);
    }
    return entry.usernames();
  }

  private List<String> load(String key) {
    List<String> groups = new ArrayList<>();
    if (key.equals(ADMINS_PATH)) {
      try {
        groups.add(admin.get().uri("/group-by-path/{path}", key.substring(1)).retrieve().body(JsonNode.class)
            .path("id").asString());
      } catch (HttpClientErrorException.NotFound e) {
        return List.of(); // no such group: no administrator
      }
    } else {
      JsonNode found = admin.get()
          .uri(b -> b.path("/groups").queryParam("search", "{name}").queryParam("exact", true)
              .queryParam("briefRepresentation", true).build(key))
          .retrieve().body(JsonNode.class);
      collect(found, key, groups);
    }
    Set<String> usernames = new TreeSet<>();
    for (String id : groups) {
      for (int first = 0; ; first += PAGE) {
        int from = first;
        JsonNode members = admin.get()
            .uri(b -> b.path("/groups/{id}/members").queryParam("briefRepresentation", true)
                .queryParam("first", from).queryParam("max", PAGE).build(id))
            .retrieve().body(JsonNode.class);
        members.valueStream().filter(m -> m.path("enabled").asBoolean(false))
            .forEach(m -> usernames.add(m.path("username").asString()));
        if (members.size() < PAGE) {
          break;
        }
      }
    }
    return List.copyOf(usernames);
  }

  /** The search answers with the matching groups inside their ancestors. */
  private static void collect(JsonNode groups, String name, List<String> ids) {
    for (JsonNode group : groups) {
      if (name.equals(group.path("name").asString())) {
        ids.add(group.path("id").asString());
      }
      collect(group.path("subGroups"), name, ids);
    }
  }
}
