#!/usr/bin/env bash
# Races, long form: the normal suite's RaceTest (eight clients on one task: claim, submit,
# save-vs-submit, sign-vs-edit, review-scores-vs-approve) with ROUNDS rounds each (default 200;
# the suite runs 50). Exactly one winner every round, 4xx for the rest, never a 500.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-200}
shift || true
mvn -B -q test -Dtest=RaceTest -Dsurefire.failIfNoSpecifiedTests=false -Djixiao.races="$rounds" "$@"
grep -h -o 'testcase name="[^"]*" classname="[^"]*" time="[^"]*"' target/surefire-reports/TEST-io.jixiao.workflow.RaceTest.xml
