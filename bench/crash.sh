#!/usr/bin/env bash
# Crash safety, long form: the normal suite's CrashSafetyTest with KILLS SIGKILLs in a row (default 10)
# under lifecycle load, zero discrepancies required. Extra arguments go to Maven (e.g. -o).
# Figures: target/app-processes/crash-figures.txt; the app's logs: target/app-processes/crash-*.log.
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-10}
shift || true
mvn -B -q test -Dtest=CrashSafetyTest -Dsurefire.failIfNoSpecifiedTests=false -Djixiao.crash.kills="$kills" "$@"
cat target/app-processes/crash-figures.txt
