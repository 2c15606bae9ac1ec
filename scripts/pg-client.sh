#!/usr/bin/env bash
# PostgreSQL 17 client tools (pg_dump, pg_restore, psql) for backups of the embedded database.
#
# The embedded PostgreSQL is 17 (zonky's binaries ship only initdb, pg_ctl and postgres) and
# pg_dump refuses a server newer than itself. Debian 12 packages only the 15 client; Debian 13
# (trixie) packages postgresql-client-17, built for glibc 2.38+. So this fetches Debian 13's own
# packages (postgresql-client-17, libpq5, libldap2 and libc6, through apt with its signature
# checks, into a private directory: the system's packages are not touched) and wraps each tool
# so that it runs on trixie's dynamic loader and libc. Other libraries come from the system.
#
#   scripts/pg-client.sh [bin]    fetch once if needed, print the directory holding the tools
#
# Environment: PG_CLIENT_HOME (default ~/.cache/jixiao/pg-client-17), outside the repository so
# that `mvn clean` and fresh clones share one copy. Needs apt-get and dpkg-deb (Debian/Ubuntu);
# elsewhere put a PostgreSQL 17 client on the PATH instead (see README "Backups").
set -euo pipefail

HOME_DIR="${PG_CLIENT_HOME:-${HOME:-/tmp}/.cache/jixiao/pg-client-17}"
BIN="$HOME_DIR/bin"
TOOLS=(pg_dump pg_restore psql)

fetch() {
  command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null \
    || { echo "pg-client.sh: needs apt-get and dpkg-deb; install a PostgreSQL 17 client instead" >&2; exit 1; }
  local work
  work="$(mktemp -d)"
  trap "rm -rf '$work'" EXIT
  echo "pg-client.sh: fetching Debian 13's PostgreSQL 17 client into $HOME_DIR" >&2
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/debs" "$work/root"
  echo "deb http://deb.debian.org/debian trixie main" > "$work/sources.list"
  local apt=(-q -o Dir::Etc::sourcelist="$work/sources.list" -o Dir::Etc::sourceparts=/dev/null
    -o Dir::State::Lists="$work/lists" -o Dir::Cache="$work/cache" -o APT::Sandbox::User=root)
  apt-get "${apt[@]}" update >/dev/null
  (cd "$work/debs" && apt-get "${apt[@]}" download postgresql-client-17 libpq5 libldap2 libc6 >/dev/null)
  for deb in "$work"/debs/*.deb; do
    dpkg-deb -x "$deb" "$work/root"
  done
  rm -rf "$HOME_DIR.partial"
  mkdir -p "$HOME_DIR.partial/bin"
  mv "$work/root" "$HOME_DIR.partial/root"
  local root="$HOME_DIR/root"
  for tool in "${TOOLS[@]}"; do
    cat > "$HOME_DIR.partial/bin/$tool" <<EOF
#!/bin/sh
# Debian 13's $tool, run on Debian 13's loader and libc (written by scripts/pg-client.sh).
exec "$root/usr/lib64/ld-linux-x86-64.so.2" \\
  --library-path "$root/usr/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu:/lib/x86_64-linux-gnu" \\
  --argv0 "\$0" "$root/usr/lib/postgresql/17/bin/$tool" "\$@"
EOF
    chmod +x "$HOME_DIR.partial/bin/$tool"
  done
  rm -rf "$HOME_DIR"
  mv "$HOME_DIR.partial" "$HOME_DIR"
  "$BIN/pg_dump" --version >&2
}

if [[ ! -x "$BIN/pg_dump" ]]; then
  mkdir -p "$(dirname "$HOME_DIR")"
  (fetch)
fi
case "${1:-bin}" in
  bin) echo "$BIN" ;;
  *) echo "usage: $0 [bin]" >&2; exit 2 ;;
esac
