#!/usr/bin/env bash
# Two nodes, long form: the normal suite's TwoNodesTest with more claim races (ROUNDS, default 30)
# and a longer mixed load (SECONDS, default 60). Extra arguments go to Maven (e.g. -o).
# Logs: target/app-processes/node-a-1.log, node-b-1.log.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-30}
seconds=${2:-60}
shift $(( $# < 2 ? $# : 2 ))
mvn -B test -Dtest=TwoNodesTest -Dsurefire.failIfNoSpecifiedTests=false -Djixiao.nodes.rounds="$rounds" \
  -Djixiao.nodes.load-seconds="$seconds" "$@" | grep -E 'two nodes|Tests run|FAIL|ERROR' || true
test "${PIPESTATUS[0]}" -eq 0
