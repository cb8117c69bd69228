#!/usr/bin/env bash
# The README's test command: unit tests, then the end-to-end suites against a real Keycloak 26.7.3
# (distribution zip from Maven Central, started as a process: no Docker needed).
set -euo pipefail
cd "$(dirname "$0")/.."
# The browser suites need Debian's chromium and chromedriver (skipped when already installed).
./scripts/install-browser.sh
# NodeRedIT installs Node-RED 4.1.15 with npm (examples/node-red, cached under testcontainers/target/node-red).
if ! command -v npm > /dev/null; then
  echo "warning: no npm on the PATH: NodeRedIT will fail (install Node.js 18.5 or later with npm)" >&2
fi
./mvnw -B verify "$@"

# The harness promises to leave no server behind: check it.
dist="$(pwd)/testcontainers/target/keycloak-dist"
sleep 2
if pgrep -f "$dist" > /dev/null; then
  echo "A Keycloak started by the tests is still running:" >&2
  pgrep -af "$dist" >&2
  exit 1
fi
echo "No Keycloak left running."
