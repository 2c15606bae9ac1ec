package io.jixiao.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The page sessions of OIDC logins, in the database rather than in one node's memory (Spring
 * Security's default): a back-channel logout from Keycloak may reach any node, and that node must
 * find the sessions begun on the others. Matching follows Spring Security's in-memory registry:
 * by issuer and the provider's session id ({@code sid}) when the logout token names one, else by
 * issuer and subject.
 */
class JdbcOidcSessionRegistry implements OidcSessionRegistry {

  private final JdbcClient jdbc;

  JdbcOidcSessionRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void saveSessionInformation(OidcSessionInformation info) {
    OidcUser user = info.getPrincipal();
    jdbc.sql("""
        delete from jixiao.oidc_session o where o.created_at < now() - interval '1 hour'
           and not exists (select 1 from jixiao.spring_session s where s.session_id = o.session_id)
        """).update();
    jdbc.sql("""
        insert into jixiao.oidc_session (session_id, issuer, sid, subject, information)
        values (:session, :issuer, :sid, :subject, :information)
        on conflict (session_id) do update set issuer = excluded.issuer, sid = excluded.sid,
          subject = excluded.subject, information = excluded.information, created_at = now()
        """)
        .param("session", info.getSessionId())
        .param("issuer", String.valueOf(user.getIssuer()))
        .param("sid", user.getClaimAsString("sid"))
        .param("subject", user.getSubject())
        .param("information", serialize(info))
        .update();
  }

  @Override
  public OidcSessionInformation removeSessionInformation(String clientSessionId) {
    List<byte[]> removed = jdbc.sql("delete from jixiao.oidc_session where session_id = :session returning information")
        .param("session", clientSessionId).query(byte[].class).list();
    return removed.isEmpty() ? null : deserialize(removed.get(0));
  }

  @Override
  public Iterable<OidcSessionInformation> removeSessionInformation(OidcLogoutToken token) {
    String issuer = String.valueOf(token.getIssuer());
    var statement = token.getSessionId() != null
        ? jdbc.sql("delete from jixiao.oidc_session where issuer = :issuer and sid = :sid returning information")
            .param("issuer", issuer).param("sid", token.getSessionId())
        : jdbc.sql("delete from jixiao.oidc_session where issuer = :issuer and subject = :subject returning information")
            .param("issuer", issuer).param("subject", token.getSubject());
    List<OidcSessionInformation> removed = new ArrayList<>();
    statement.query(byte[].class).list().forEach(bytes -> removed.add(deserialize(bytes)));
    return removed;
  }

  private static byte[] serialize(OidcSessionInformation info) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(info);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static OidcSessionInformation deserialize(byte[] bytes) {
    // Written by this application only (the same classes Spring Session stores sessions with).
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (OidcSessionInformation) in.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
