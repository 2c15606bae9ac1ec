#!/usr/bin/env bash
# Creates (or updates) the app's login role on an external PostgreSQL, idempotently. Run it as the
# owner of Jixiao's tables (the role Flyway migrates as) before the app starts; docker compose
# runs it at every start (service db-roles). db/migration/V3__append_only_guards.sql then grants
# the role only what the app needs.
#
#   JIXIAO_DB_APP_PASSWORD=... scripts/postgres-roles.sh [psql connection options]
#
# Environment: JIXIAO_DB_APP_ROLE (default jixiao_app), JIXIAO_DB_APP_PASSWORD (required), and
# psql's own PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD.
set -euo pipefail
role="${JIXIAO_DB_APP_ROLE:-jixiao_app}"
: "${JIXIAO_DB_APP_PASSWORD:?set JIXIAO_DB_APP_PASSWORD}"
[[ "$role" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "postgres-roles.sh: role must be a plain lower-case name" >&2; exit 2; }
psql -X -q -v ON_ERROR_STOP=1 -v role="$role" -v password="$JIXIAO_DB_APP_PASSWORD" "$@" <<'SQL'
select format('create role %I', :'role') where not exists (select from pg_roles where rolname = :'role') \gexec
alter role :"role" login password :'password' nosuperuser nocreatedb nocreaterole nobypassrls;
-- Flowable creates and upgrades its own tables in public as the app (database-schema-update).
grant usage, create on schema public to :"role";
SQL
echo "postgres-roles.sh: role $role ready"
