#!/usr/bin/env bash
# The login benchmark (a harness, not a test): PostgreSQL (Debian package) + Keycloak 26.7.3 in production mode
# with the extension + three simulated SSOs (seed dialect, plain OAuth2 twice), then Gatling drives brokered
# logins through 'company-sso-seed', 'company-sso-plain' and Keycloak's own 'builtin-oauth2' broker — first and
# returning logins, without and with 50 ms of SSO latency — then JMH measures the extension's own work per login.
# Prints the table and writes benchmark/results/latest.md (--smoke: benchmark/target/smoke.md).
#
#   ./scripts/benchmark.sh            full run: about 16 minutes on 2 cores
#   ./scripts/benchmark.sh --smoke    a few seconds of load per phase: checks the harness works (~4 minutes)
#
# Environment: BENCH_CONCURRENCY (8), BENCH_SECONDS (45: measured seconds per provider, kind and latency, split
# over BENCH_ROUNDS (9) rounds whose provider order rotates), BENCH_WARMUP (15), BENCH_LATENCY_MS (50),
# BENCH_PROFILE (1: Java Flight Recorder on Keycloak, CPU report appended; 0: off), BENCH_NOTE.
# Everything listens on 127.0.0.1 and everything started here is stopped at the end, also on failure or Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bench-env.sh

MODE=full
if [ "${1:-}" = "--smoke" ]; then MODE=smoke; fi
if [ "$MODE" = smoke ]; then
  CONCURRENCY=${BENCH_CONCURRENCY:-2}; DURATION=${BENCH_SECONDS:-4}; WARMUP=${BENCH_WARMUP:-2}; ROUNDS=${BENCH_ROUNDS:-2}
  JMH_ARGS=(-f 1 -wi 1 -w 1s -i 1 -r 1s); REPORT=benchmark/target/smoke.md
else
  CONCURRENCY=${BENCH_CONCURRENCY:-8}; DURATION=${BENCH_SECONDS:-45}; WARMUP=${BENCH_WARMUP:-15}; ROUNDS=${BENCH_ROUNDS:-9}
  JMH_ARGS=(); REPORT=benchmark/results/latest.md
fi
LATENCY=${BENCH_LATENCY_MS:-50}

trap 'bench_cleanup' EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

bench_build
MACHINE=$(machine_description)
mkdir -p "$BENCH_WORK"

pg_start
SEED_PORT=$(free_port 18091); PLAIN_PORT=$(free_port 18092); BUILTIN_PORT=$(free_port 18093)
KC_PORT=$(free_port 18180); KC_MGMT=$(free_port 19180); KC_CACHE=$(free_port 17800)
sim_start seed "$SEED_PORT" seed
sim_start plain "$PLAIN_PORT" plain
sim_start builtin "$BUILTIN_PORT" plain
export BENCH_SEED_URL=http://127.0.0.1:$SEED_PORT BENCH_PLAIN_URL=http://127.0.0.1:$PLAIN_PORT \
  BENCH_BUILTIN_URL=http://127.0.0.1:$BUILTIN_PORT

kc_prepare
# Java Flight Recorder on Keycloak (BENCH_PROFILE=0 turns it off): where its CPU went, see CpuProfileReport.
JFR_FILE=$BENCH_WORK/keycloak.jfr
rm -f "$JFR_FILE"
if [ "${BENCH_PROFILE:-1}" = 1 ]; then
  export JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:-} -XX:StartFlightRecording=filename=$JFR_FILE,settings=profile,dumponexit=true"
fi
kc_start bench "$KC_PORT" "$KC_MGMT" "$KC_CACHE" --import-realm
kc_wait_ready "$KC_MGMT" "$KC_PID"

log "Gatling: $CONCURRENCY logins in flight, ${WARMUP}s warm-up per provider, ${DURATION}s per provider and kind in $ROUNDS rotating rounds, then +${LATENCY} ms SSO latency"
RESULTS=$BENCH_ROOT/benchmark/target/bench-results.json
rm -f "$RESULTS"
java -Xms256m -Xmx1g --add-opens=java.base/java.lang=ALL-UNNAMED -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12 \
  -cp "benchmark/target/test-classes:benchmark/target/classes:$(cat "$CLASSPATH_FILE")" \
  -Dbench.keycloak="http://127.0.0.1:$KC_PORT" -Dbench.concurrency="$CONCURRENCY" -Dbench.seconds="$DURATION" -Dbench.rounds="$ROUNDS" \
  -Dbench.warmupSeconds="$WARMUP" -Dbench.latencyMs="$LATENCY" -Dbench.out="$RESULTS" \
  -Dbench.simulators="company-sso-seed=$BENCH_SEED_URL,company-sso-plain=$BENCH_PLAIN_URL,builtin-oauth2=$BENCH_BUILTIN_URL" \
  io.gatling.app.Gatling --simulation dev.companysso.bench.BrokeredLoginSimulation \
  --results-folder "$BENCH_ROOT/benchmark/target/gatling" > "$BENCH_WORK/gatling.log" 2>&1 \
  || { tail -40 "$BENCH_WORK/gatling.log" >&2; echo "Gatling failed; log: $BENCH_WORK/gatling.log" >&2; exit 1; }
grep -E "^\[bench\]" "$BENCH_WORK/gatling.log" | head -20 >&2 || true

log "Stopping Keycloak, the simulators and PostgreSQL before JMH"
bench_cleanup

log "JMH: the extension's own work per login"
java -cp "benchmark/target/classes:$(cat "$CLASSPATH_FILE")" org.openjdk.jmh.Main ProviderWorkBenchmark \
  -rf json -rff benchmark/target/jmh.json "${JMH_ARGS[@]}" > "$BENCH_WORK/jmh.log" 2>&1 \
  || { tail -30 "$BENCH_WORK/jmh.log" >&2; exit 1; }

java -cp "benchmark/target/classes:$(cat "$CLASSPATH_FILE")" dev.companysso.bench.BenchmarkReport \
  --results "$RESULTS" --jmh benchmark/target/jmh.json --machine "$MACHINE" --mode "$MODE" \
  --note "${BENCH_NOTE:-}" --out "$REPORT"
if [ -s "$JFR_FILE" ]; then
  java -cp "benchmark/target/classes:$(cat "$CLASSPATH_FILE")" dev.companysso.bench.CpuProfileReport \
    --jfr "$JFR_FILE" --results "$RESULTS" --out "$BENCH_WORK/cpu-profile.md"
  cat "$BENCH_WORK/cpu-profile.md" >> "$REPORT"
fi
if grep -q '"errors": [1-9]' "$RESULTS"; then
  echo "Some logins failed (see the Errors column and $BENCH_WORK/gatling.log)" >&2
  exit 1
fi
