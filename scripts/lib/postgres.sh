# Shared by scripts/backup.sh and scripts/restore.sh (sourced, not run).
#
# The embedded database is a data directory (default ./data/postgres) that the app's server runs
# on while the app runs. These functions find that server, or start the same PostgreSQL 17 binaries
# the app uses (zonky's, from ~/.m2) on the directory for a moment when the app is stopped.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA_DIR="${JIXIAO_EMBEDDED_POSTGRES_DATA_DIR:-$ROOT/data/postgres}"
APP_ROLE="${JIXIAO_DB_APP_ROLE:-jixiao_app}"

die() { echo "$(basename "$0"): $*" >&2; exit 1; }

# pg_dump, pg_restore and psql of major version 17 or newer: PG_BIN, else the PATH's, else
# Debian 13's fetched by scripts/pg-client.sh (the embedded server is 17; older clients refuse it).
client_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then
    echo "$PG_BIN"
    return
  fi
  local path major
  if path="$(command -v pg_dump)"; then
    major="$("$path" --version | sed -E 's/.* ([0-9]+)[.].*/\1/')"
    if [[ "$major" =~ ^[0-9]+$ && "$major" -ge 17 ]]; then
      dirname "$path"
      return
    fi
  fi
  "$ROOT/scripts/pg-client.sh" bin
}

# The PostgreSQL server binaries the app runs (the version pom.xml names), unpacked once.
server_bin() {
  local version arch jar home
  version="$(sed -nE 's|.*<embedded-postgres-binaries.version>([^<]+)<.*|\1|p' "$ROOT/pom.xml")"
  case "$(uname -m)" in
    x86_64) arch=amd64 ;;
    aarch64) arch=arm64v8 ;;
    *) die "no embedded PostgreSQL binaries known for $(uname -m)" ;;
  esac
  home="${HOME:-/tmp}/.cache/jixiao/pg-server-$version"
  if [[ ! -x "$home/bin/pg_ctl" ]]; then
    jar="${HOME:-/tmp}/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-$arch/$version/embedded-postgres-binaries-linux-$arch-$version.jar"
    [[ -f "$jar" ]] || die "no $jar: run the app (or mvn test-compile) once so that Maven fetches it"
    rm -rf "$home.partial" && mkdir -p "$home.partial"
    unzip -p "$jar" '*.txz' | xz -d | tar -x -C "$home.partial"
    rm -rf "$home" && mv "$home.partial" "$home"
  fi
  echo "$home/bin"
}

# PostgreSQL refuses to run as root; as root, run it in a user namespace as an unprivileged id
# (files stay owned by root outside), as the embedded server itself must be run there.
as_server_user() {
  if [[ "$(id -u)" == 0 ]]; then
    unshare --user --map-user=1000 --map-group=1000 "$@"
  else
    "$@"
  fi
}

# The port of the server running on DATA_DIR, if one is.
running_port() {
  local pidfile="$DATA_DIR/postmaster.pid" pid
  [[ -f "$pidfile" ]] || return 1
  pid="$(sed -n 1p "$pidfile")"
  kill -0 "$pid" 2>/dev/null || return 1
  sed -n 4p "$pidfile"
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  die "no free port"
}

# Starts the app's PostgreSQL on DATA_DIR (localhost only, a free port); prints the port. Runs in
# a command substitution, so the caller traps stop_temp_server first.
start_temp_server() {
  local bin port sockets
  bin="$(server_bin)"
  port="$(free_port)"
  sockets="$(mktemp -d)"
  chmod 777 "$sockets"
  as_server_user "$bin/pg_ctl" -D "$DATA_DIR" -w -s -l "$sockets/server.log" \
      -o "-p $port -c listen_addresses=localhost -c unix_socket_directories=$sockets" start >&2 \
    || die "could not start PostgreSQL on $DATA_DIR: $(cat "$sockets/server.log" 2>/dev/null)"
  echo "$port"
}

stop_temp_server() {
  if [[ -f "$DATA_DIR/postmaster.pid" ]]; then
    as_server_user "$(server_bin)/pg_ctl" -D "$DATA_DIR" -w -s -m fast stop >&2 || true
  fi
}
