#!/usr/bin/env bash
# A consistent dump of Jixiao's database (our tables, the audit trail, Flowable's engine tables):
#
#   scripts/backup.sh [FILE]     default FILE: backups/jixiao-<UTC time>.dump
#
# Embedded default (PGHOST unset): the database in ./data/postgres (JIXIAO_EMBEDDED_POSTGRES_DATA_DIR).
# While the app runs, from its server (pg_dump reads one snapshot; the app keeps working);
# while it is stopped, the script starts the same PostgreSQL on the directory for the dump.
# External database: set PGHOST, PGPORT, PGDATABASE, PGUSER (the tables' owner) and PGPASSWORD
# (or ~/.pgpass), as for any libpq client.
#
# The dump is pg_dump's custom format (compressed; `pg_restore -l FILE` lists it); restore it with
# scripts/restore.sh. pg_dump must be 17 or newer: see scripts/pg-client.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"

file="${1:-$ROOT/backups/jixiao-$(date -u +%Y%m%dT%H%M%SZ).dump}"
mkdir -p "$(dirname "$file")"
bin="$(client_bin)"

if [[ -z "${PGHOST:-}" ]]; then
  [[ -f "$DATA_DIR/PG_VERSION" ]] || die "no database in $DATA_DIR (JIXIAO_EMBEDDED_POSTGRES_DATA_DIR)"
  if ! port="$(running_port)"; then
    trap stop_temp_server EXIT
    port="$(start_temp_server)"
  fi
  export PGHOST=localhost PGPORT="$port" PGUSER=postgres PGDATABASE=postgres
fi

umask 077
"$bin/pg_dump" --format=custom --file="$file.partial" --no-password
mv "$file.partial" "$file"
echo "$file"
