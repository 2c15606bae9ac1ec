#!/usr/bin/env bash
# Writes .env for docker compose: fresh random passwords and the jixiao-web client secret.
#
#   scripts/make-env.sh            production mode: no demo users, no demo packages
#   scripts/make-env.sh --demo     also the compose "demo" profile: demo users (password "demo")
#                                  in Keycloak, demo cycles and packages in the app
#   --force                        replace an existing .env (see the note it prints)
#
# .env is in .gitignore and readable by its owner only; .env.example shows its shape.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

demo=false
force=false
for arg in "$@"; do
  case "$arg" in
    --demo) demo=true ;;
    --force) force=true ;;
    *) echo "usage: $0 [--demo] [--force]" >&2; exit 2 ;;
  esac
done
if [[ -e .env && "$force" != true ]]; then
  echo "make-env.sh: .env exists; --force replaces it. Existing database volumes keep the owner and Keycloak" >&2
  echo "  database passwords they were created with (the app role's is reset at every start)." >&2
  exit 1
fi

# 32 random hex digits: no quoting trouble in YAML, JDBC or SQL.
secret() {
  if command -v openssl >/dev/null; then
    openssl rand -hex 16
  else
    head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n'
  fi
}

umask 077
cat > .env <<EOF
# Written by scripts/make-env.sh on $(date -u +%Y-%m-%dT%H:%MZ). Keep it secret; never commit it.
COMPOSE_PROFILES=$([[ "$demo" == true ]] && echo demo)
# Keycloak's temporary master-realm administrator (replace it with a real admin after the first login).
KEYCLOAK_ADMIN_USER=admin-$(secret | head -c 8)
KEYCLOAK_ADMIN_PASSWORD=$(secret)
KEYCLOAK_DB_PASSWORD=$(secret)
# The jixiao-web client's secret: Keycloak's realm import and the app read the same value.
JIXIAO_WEB_CLIENT_SECRET=$(secret)
# The jixiao-directory service account (the app asks Keycloak who may take a task).
JIXIAO_DIRECTORY_CLIENT_SECRET=$(secret)
# Owner of Jixiao's tables (Flyway migrates as it) and the app's own login role jixiao_app.
JIXIAO_DB_OWNER_PASSWORD=$(secret)
JIXIAO_DB_APP_PASSWORD=$(secret)
# Demo cycles and packages in the app (with the demo users).
JIXIAO_DEMO=$demo
EOF
echo "make-env.sh: wrote .env$([[ "$demo" == true ]] && echo " (with the demo profile)"); Keycloak admin: $(grep ^KEYCLOAK_ADMIN_USER= .env | cut -d= -f2)"
