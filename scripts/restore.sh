#!/usr/bin/env bash
# Restores a dump written by scripts/backup.sh into a fresh database:
#
#   scripts/restore.sh FILE
#
# Embedded default (PGHOST unset): stop the app first. The current ./data/postgres
# (JIXIAO_EMBEDDED_POSTGRES_DATA_DIR), if any, is kept as ./data/postgres.before-restore-<time>;
# a new data directory is initialised with the app's own PostgreSQL 17 binaries (as the app does),
# the app's role created and the dump restored into it. Start the app as usual afterwards.
# External database: an empty database named by PGHOST, PGPORT, PGDATABASE, PGUSER (the owner) and
# PGPASSWORD, whose roles exist already (scripts/postgres-roles.sh and the owner).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"

file="${1:?usage: scripts/restore.sh FILE}"
[[ -f "$file" ]] || die "no such dump: $file"
file="$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"
bin="$(client_bin)"
"$bin/pg_restore" --list "$file" >/dev/null || die "$file is not a pg_dump custom-format dump"

if [[ -z "${PGHOST:-}" ]]; then
  if running_port >/dev/null; then
    die "the database in $DATA_DIR is running: stop the app first"
  fi
  if [[ -e "$DATA_DIR" ]] && [[ -n "$(ls -A "$DATA_DIR")" ]]; then
    kept="$DATA_DIR.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
    mv "$DATA_DIR" "$kept"
    echo "restore.sh: kept the previous database as $kept" >&2
  fi
  mkdir -p "$DATA_DIR"
  # As the app's embedded PostgreSQL initialises a directory (io.zonky's initdb options).
  as_server_user "$(server_bin)/initdb" -A trust -U postgres -E UTF-8 -D "$DATA_DIR" >/dev/null
  trap stop_temp_server EXIT
  port="$(start_temp_server)"
  export PGHOST=localhost PGPORT="$port" PGUSER=postgres PGDATABASE=postgres
  # The roles the dump names as owners and grantees (the embedded app creates the same at start).
  "$bin/psql" -X -q -v ON_ERROR_STOP=1 -v role="$APP_ROLE" <<'SQL'
select format('create role %I login', :'role') where not exists (select from pg_roles where rolname = :'role') \gexec
SQL
fi

# One transaction: a failed restore leaves the target as it was (empty).
"$bin/pg_restore" --exit-on-error --single-transaction --no-password --dbname="$PGDATABASE" "$file"
echo "restore.sh: restored $file into $PGDATABASE on $PGHOST:$PGPORT" >&2
