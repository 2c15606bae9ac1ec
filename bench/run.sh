#!/usr/bin/env bash
# The benchmark (README "Benchmark"): bare Flowable, the service layer and the REST API (real Keycloak
# tokens) side by side on one embedded PostgreSQL; task lists at 10,000 and 100,000 open tasks; start
# time and heap. Starts everything itself. Prints one table; writes target/bench/bench.json and bench.md.
# Parameters as -D options, e.g. bench/run.sh -Dbench.threads=8 -Dbench.seconds=20 -Dbench.repetitions=3
# -Dbench.requests=30 -Dbench.starts=3 -Dbench.tasks=10000,100000 -Dbench.jfr=true; other arguments
# go to Maven too (e.g. -o). Logs: target/app-processes/bench-node-*.log, target/keycloak/keycloak.log.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B test -Dtest=PerformanceBenchTest -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false "$@" \
  | grep --line-buffered -E '^bench:|^\||^Run |^==== |^\(|Tests run|FAIL|ERROR|Caused by' || true
test "${PIPESTATUS[0]}" -eq 0
