#!/usr/bin/env bash
# Local Keycloak for Jixiao, from the Maven Central distribution (no Docker needed).
#
#   scripts/keycloak.sh [start]      download + unpack once, copy realm/*.json, run kc.sh start-dev (foreground)
#   scripts/keycloak.sh prepare      only download + unpack (e.g. to warm a CI cache)
#   scripts/keycloak.sh token USER [PASSWORD]
#                                    print an access token for USER (password grant, client jixiao-cli)
#
# Environment (all optional):
#   KEYCLOAK_VERSION   26.7.3 (runs on Java 17; the server jars are built for Java 17)
#   KEYCLOAK_HOME_DIR  where the distribution is unpacked; default <repo>/data/keycloak
#   KEYCLOAK_PORT      HTTP port; default 8180
#   KEYCLOAK_DB        dev-mem (default: realm re-imported fresh on every start, nothing kept)
#                      or dev-file (H2 file under the dist's data/h2; --import-realm then skips
#                      the realm if it already exists, so edits to realm/*.json need `rm -r data/h2`)
#   KEYCLOAK_DEMO      true (default) imports realm/jixiao-users-0.json (demo users, password "demo");
#                      false imports only realm/jixiao-realm.json
#   JIXIAO_WEB_CLIENT_SECRET
#                      the jixiao-web client's secret, which realm/jixiao-realm.json takes from the
#                      environment (no secret is kept in the file); default the dev secret
#                      jixiao-web-secret, which the app's prod profile refuses
#   KEYCLOAK_ADMIN_USER / KEYCLOAK_ADMIN_PASSWORD
#                      temporary master-realm admin for the admin console; default admin / admin
#   KEYCLOAK_HOSTNAME  unset (default): the issuer follows the URL the client used (localhost vs
#                      127.0.0.1 give different "iss"!). Set e.g. http://localhost:8180 to pin it.
#   KEYCLOAK_LOG_LEVEL default "warn,io.quarkus:info,org.keycloak.services:info,org.keycloak.exportimport:info"
#   JAVA_HOME          the Java used by kc.sh (17 or newer)
set -euo pipefail

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.7.3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KEYCLOAK_HOME_DIR="${KEYCLOAK_HOME_DIR:-$ROOT/data/keycloak}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
KEYCLOAK_DB="${KEYCLOAK_DB:-dev-mem}"
KEYCLOAK_DEMO="${KEYCLOAK_DEMO:-true}"
KEYCLOAK_LOG_LEVEL="${KEYCLOAK_LOG_LEVEL:-warn,io.quarkus:info,org.keycloak.services:info,org.keycloak.exportimport:info}"
REALM=jixiao

mkdir -p "$KEYCLOAK_HOME_DIR"
KEYCLOAK_HOME_DIR="$(cd "$KEYCLOAK_HOME_DIR" && pwd)"
KC="$KEYCLOAK_HOME_DIR/keycloak-$KEYCLOAK_VERSION"

prepare() {
  if [[ -x "$KC/bin/kc.sh" ]]; then
    return
  fi
  local dl="$KEYCLOAK_HOME_DIR/download"
  mkdir -p "$dl"
  echo "keycloak.sh: resolving org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip via Maven" >&2
  # Run outside the project so that the project's pom is not involved.
  (cd "$dl" && mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      "-DoutputDirectory=$dl" >&2)
  local zip="$dl/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  rm -rf "$KC.partial"
  mkdir -p "$KC.partial"
  unzip -q "$zip" -d "$KC.partial"
  mv "$KC.partial/keycloak-$KEYCLOAK_VERSION" "$KC"
  rmdir "$KC.partial"
  rm -f "$zip"   # the zip stays in ~/.m2
}

copy_realm() {
  local import="$KC/data/import"
  rm -rf "$import"
  mkdir -p "$import"
  cp "$ROOT/realm/$REALM-realm.json" "$import/"
  if [[ "$KEYCLOAK_DEMO" == "true" ]]; then
    cp "$ROOT"/realm/"$REALM"-users-*.json "$import/"
  fi
}

start() {
  prepare
  copy_realm
  export JIXIAO_WEB_CLIENT_SECRET="${JIXIAO_WEB_CLIENT_SECRET:-jixiao-web-secret}"
  export JIXIAO_DIRECTORY_CLIENT_SECRET="${JIXIAO_DIRECTORY_CLIENT_SECRET:-jixiao-directory-secret}"
  # Where Keycloak tells the app that a session ended (the local run: the app on 8080).
  export JIXIAO_BACKCHANNEL_LOGOUT_URL="${JIXIAO_BACKCHANNEL_LOGOUT_URL:-http://localhost:8080/logout/connect/back-channel/keycloak}"
  export KC_BOOTSTRAP_ADMIN_USERNAME="${KEYCLOAK_ADMIN_USER:-admin}"
  export KC_BOOTSTRAP_ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-admin}"
  local hostname_args=()
  if [[ -n "${KEYCLOAK_HOSTNAME:-}" ]]; then
    hostname_args=(--hostname="$KEYCLOAK_HOSTNAME")
  fi
  exec "$KC/bin/kc.sh" start-dev \
    --import-realm \
    --http-port="$KEYCLOAK_PORT" \
    --hostname-strict=false \
    ${hostname_args[@]+"${hostname_args[@]}"} \
    --db="$KEYCLOAK_DB" \
    --health-enabled=false \
    --metrics-enabled=false \
    --log-level="$KEYCLOAK_LOG_LEVEL"
}

token() {
  local user="${1:?usage: keycloak.sh token USER [PASSWORD]}" password="${2:-demo}"
  curl -fsS "http://localhost:$KEYCLOAK_PORT/realms/$REALM/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=jixiao-cli -d scope=openid \
    --data-urlencode "username=$user" --data-urlencode "password=$password" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

case "${1:-start}" in
  start) start ;;
  prepare) prepare; echo "$KC" ;;
  token) shift; token "$@" ;;
  *) echo "usage: $0 [start|prepare|token USER [PASSWORD]]" >&2; exit 2 ;;
esac
