#!/usr/bin/env bash
# Shared page sessions, long form: a real Keycloak (the Maven Central distribution, unpacked under
# target/keycloak), a browser login on node A, the next pages on node B, a logout on B that ends
# the session on A. Extra arguments go to Maven (e.g. -o). Logs: target/app-processes/login-*.log, keycloak.log.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test -Dtest=TwoNodesLoginBenchTest -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false "$@"
