#!/usr/bin/env bash
# The demo: Keycloak 26.7.3 (development mode, embedded database) with the Company SSO extension, theme and
# realm, plus the simulated company SSO. Ctrl-C stops everything this script started.
# A second run reuses the downloaded Keycloak and keeps its data (in .demo/).
set -euo pipefail
cd "$(dirname "$0")/.."

KC_PORT=${KC_PORT:-8080}
SSO_PORT=${SSO_PORT:-8090}
KC_VERSION=$(sed -n 's:.*<keycloak.test.version>\(.*\)</keycloak.test.version>.*:\1:p' pom.xml | head -1)
DEMO=.demo
KC_HOME=$DEMO/keycloak-$KC_VERSION

echo "==> Building the extension (first run also fetches Keycloak $KC_VERSION through Maven)"
./mvnw -B -q -DskipTests -DskipITs verify dependency:build-classpath \
  -Dmdep.outputFile=target/simulator.classpath -Dmdep.includeScope=runtime

mkdir -p "$DEMO"
if [ ! -d "$KC_HOME" ]; then
  cp -r "testcontainers/target/keycloak-dist/keycloak-$KC_VERSION" "$KC_HOME"
  rm -rf "$KC_HOME/data"
fi
rm -f "$KC_HOME"/providers/*.jar
cp "testcontainers/target/keycloak-providers/$KC_VERSION"/*.jar "$KC_HOME/providers/"
mkdir -p "$KC_HOME/data/import"
cp realm-export/src/main/realm/company-realm.json "$KC_HOME/data/import/"

pids=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "==> Stopping the demo"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

echo "==> Starting the simulated company SSO on port $SSO_PORT"
java -cp "testcontainers/target/classes:$(cat testcontainers/target/simulator.classpath)" \
  dev.companysso.simulator.CompanySsoSimulator --port "$SSO_PORT" --dialect seed > "$DEMO/sso.log" 2>&1 &
pids+=($!)

echo "==> Starting Keycloak $KC_VERSION on port $KC_PORT (log: $DEMO/keycloak.log)"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
COMPANY_SSO_URL="http://127.0.0.1:$SSO_PORT" COMPANY_SSO_BACKCHANNEL_URL="http://127.0.0.1:$SSO_PORT" \
  "$KC_HOME/bin/kc.sh" start-dev --http-port "$KC_PORT" --http-management-port "$((KC_PORT + 1000))" \
  --health-enabled=true --import-realm > "$DEMO/keycloak.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$((KC_PORT + 1000))/health/ready" > /dev/null 2>&1; then break; fi
  if ! kill -0 "${pids[1]}" 2>/dev/null; then echo "Keycloak stopped; see $DEMO/keycloak.log"; exit 1; fi
  sleep 1
done

cat <<INFO

  Keycloak is ready.

  Try a brokered login:   http://localhost:$KC_PORT/realms/company/account
                          click "Company SSO", sign in at the simulated SSO with one of:
                            zhangsan / zhangsan-pass   (roles admin, editor; Chinese names)
                            alice    / alice-pass      (role editor)
                            bob      / bob-pass        (role reader)
  Admin console:          http://localhost:$KC_PORT/admin/  (admin / admin), realm "company",
                          Identity providers > Company SSO
  Simulated company SSO:  http://127.0.0.1:$SSO_PORT/sso/oauth/authorize  (log: $DEMO/sso.log)

  Ctrl-C stops Keycloak and the simulator.
INFO
wait
