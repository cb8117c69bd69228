#!/usr/bin/env bash
# Two Keycloak 26.7.3 nodes in production mode on one PostgreSQL, clustered with Keycloak's default jdbc-ping
# stack on loopback ports, with the extension. Brokered logins start on node A and their SSO callback lands on
# node B; they must all succeed. Full run: 200 such logins, then the kill test (a login in the middle on A, A is
# killed, the user starts again and finishes on B). --smoke: 20 cross-node logins, no kill test (CI).
#
#   ./scripts/cluster-test.sh            about 6 minutes on 2 cores
#   ./scripts/cluster-test.sh --smoke    about 4 minutes (CI runs this)
#
# Everything listens on 127.0.0.1 and everything started here is stopped at the end, also on failure or Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_WORK=${BENCH_WORK:-$(pwd)/benchmark/target/cluster}
source scripts/lib/bench-env.sh

COUNT=200
KILL=yes
if [ "${1:-}" = "--smoke" ]; then COUNT=${CLUSTER_COUNT:-20}; KILL=${CLUSTER_KILL:-no}; fi
START_TIME=$SECONDS

trap 'bench_cleanup' EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

bench_build
mkdir -p "$BENCH_WORK"
pg_start
SEED_PORT=$(free_port 18291); PLAIN_PORT=$(free_port 18292)
A_PORT=$(free_port 18380); A_MGMT=$(free_port 19380); A_CACHE=$(free_port 17900)
B_PORT=$(free_port 18480); B_MGMT=$(free_port 19480); B_CACHE=$(free_port 17950)
sim_start seed "$SEED_PORT" seed
sim_start plain "$PLAIN_PORT" plain
export BENCH_SEED_URL=http://127.0.0.1:$SEED_PORT BENCH_PLAIN_URL=http://127.0.0.1:$PLAIN_PORT \
  BENCH_BUILTIN_URL=http://127.0.0.1:$PLAIN_PORT

# Both nodes get the same public URL, as behind a load balancer (nothing listens on it: ClusterLoginCheck plays
# the load balancer and sends each request to the node it chooses). With per-node URLs, node B would send the
# SSO its own broker URL as redirect_uri in the token request, and an SSO that checks it refuses the code.
FRONT_PORT=$(free_port 18580)
FRONT=http://127.0.0.1:$FRONT_PORT
export KC_HOSTNAME_OPT="--hostname=$FRONT"

kc_prepare
KC_HEAP=${KC_HEAP:--Xms256m -Xmx768m}
kc_start node-a "$A_PORT" "$A_MGMT" "$A_CACHE" --import-realm
A_PID=$KC_PID
A_JAVA_PID=$KC_JAVA_PID
kc_wait_ready "$A_MGMT" "$A_PID"
kc_start node-b "$B_PORT" "$B_MGMT" "$B_CACHE"
B_PID=$KC_PID
kc_wait_ready "$B_MGMT" "$B_PID"

# Both nodes must see a cluster of two (Infinispan's view, found through jdbc-ping in the shared database).
for _ in $(seq 1 60); do
  grep -q "ISPN000094.*(2)" "$BENCH_WORK/keycloak-node-b.log" && break
  sleep 1
done
if ! grep -q "ISPN000094.*(2)" "$BENCH_WORK/keycloak-node-b.log"; then
  echo "Node B did not join node A's cluster; see $BENCH_WORK/keycloak-node-*.log" >&2
  exit 1
fi
log "Cluster view: $(grep -o 'ISPN000094.*(2).*' "$BENCH_WORK/keycloak-node-b.log" | tail -1)"

args=(--front "$FRONT" --a "http://127.0.0.1:$A_PORT" --b "http://127.0.0.1:$B_PORT" --idp company-sso-plain --count "$COUNT"
  --first-user 500000)
[ "$KILL" = yes ] && args+=(--kill-pid "$A_JAVA_PID")
log "Cross-node logins: $COUNT (start on A, SSO callback on B)$([ "$KILL" = yes ] && echo ', then the kill test')"
java -Xmx256m -cp "benchmark/target/classes:$(cat "$CLASSPATH_FILE")" dev.companysso.bench.ClusterLoginCheck "${args[@]}" \
  | tee "$BENCH_WORK/cluster-check.txt"
status=${PIPESTATUS[0]}
log "Cluster check finished in $((SECONDS - START_TIME))s (exit $status)"
exit "$status"
