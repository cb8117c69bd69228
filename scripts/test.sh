#!/usr/bin/env bash
# The README's test command: unit tests, then the end-to-end suites against a real Keycloak 26.7.3
# (distribution zip from Maven Central, started as a process: no Docker needed).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B verify "$@"
