# Shared by scripts/benchmark.sh and scripts/cluster-test.sh (sourced, not run): PostgreSQL, Keycloak in
# production mode, simulated SSOs — all on 127.0.0.1, all stopped by bench_cleanup (installed as a trap).
# Everything this file starts is recorded in BENCH_PIDS / PG_DATA and stopped by pid, never by name.

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# The release the harness runs (keycloak.version is the one the provider compiles against).
KC_VERSION=$(sed -n 's:.*<keycloak.test.version>\(.*\)</keycloak.test.version>.*:\1:p' "$BENCH_ROOT/pom.xml" | head -1)
BENCH_WORK=${BENCH_WORK:-$BENCH_ROOT/benchmark/target/run}
KC_HOME=$BENCH_WORK/keycloak-$KC_VERSION
CLASSPATH_FILE=$BENCH_ROOT/benchmark/target/bench.classpath
BENCH_PIDS=()
PG_BIN=""
PG_DIR=""
PG_PORT=""
_used_ports=" "

log() { printf '==> %s\n' "$*" >&2; }

# A free loopback TCP port, at or above $1, not handed out before by this script.
free_port() {
  local p=$1
  while :; do
    if [[ "$_used_ports" != *" $p "* ]] && ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      _used_ports+="$p "
      echo "$p"
      return
    fi
    p=$((p + 1))
  done
}

# Build the extension, the simulator and the benchmark module in one reactor run (never from ~/.m2).
bench_build() {
  log "Building the extension, the simulator and the benchmark module"
  (cd "$BENCH_ROOT" && ./mvnw -B -q -Pbenchmark -pl benchmark -am -DskipTests -DskipITs verify \
    dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
}

# ------------------------------------------------------------------ PostgreSQL (Debian package)

pg_start() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$PG_BIN" ]; then
    log "Installing PostgreSQL (Debian package postgresql-15)"
    [ "$(id -u)" = 0 ] || { echo "PostgreSQL is not installed and installing it needs root" >&2; return 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  PG_PORT=$(free_port "${PG_PORT_BASE:-25432}")
  PG_DIR=$(mktemp -d /tmp/company-sso-bench-pg.XXXXXX)
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$PG_DIR"
    as=(runuser -u postgres --)
  fi
  log "Starting PostgreSQL ($PG_BIN) on 127.0.0.1:$PG_PORT, data in $PG_DIR"
  "${as[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 >"$PG_DIR/initdb.log" 2>&1
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE keycloak LOGIN PASSWORD 'keycloak'" -c "CREATE DATABASE keycloak OWNER keycloak" >/dev/null
}

pg_stop() {
  [ -n "$PG_DIR" ] && [ -d "$PG_DIR/data" ] || return 0
  local as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  log "Stopping PostgreSQL"
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}

# ------------------------------------------------------------------ Keycloak, production mode

# Fresh copy of the distribution with the extension, then 'kc.sh build' for PostgreSQL.
kc_prepare() {
  local dist=$BENCH_ROOT/testcontainers/target/keycloak-dist/keycloak-$KC_VERSION
  rm -rf "$KC_HOME"
  mkdir -p "$BENCH_WORK"
  cp -r "$dist" "$KC_HOME"
  rm -rf "$KC_HOME/data"
  cp "$BENCH_ROOT/testcontainers/target/keycloak-providers/$KC_VERSION"/*.jar "$KC_HOME/providers/"
  mkdir -p "$KC_HOME/data/import"
  cp "$BENCH_ROOT/benchmark/realm/bench-realm.json" "$KC_HOME/data/import/"
  log "kc.sh build --db=postgres (Keycloak $KC_VERSION, providers: $(cd "$KC_HOME/providers" && ls *.jar | tr '\n' ' '))"
  "$KC_HOME/bin/kc.sh" build --db=postgres --health-enabled=true >"$BENCH_WORK/kc-build.log" 2>&1 \
    || { tail -30 "$BENCH_WORK/kc-build.log" >&2; return 1; }
}

# kc_start NAME HTTP_PORT MGMT_PORT CACHE_PORT [extra kc.sh options...]; sets KC_PID (kc.sh, which forwards
# TERM to the server) and KC_JAVA_PID (the server's JVM itself: what a SIGKILL must hit).
kc_start() {
  local name=$1 http=$2 mgmt=$3 cache=$4
  shift 4
  log "Starting Keycloak '$name' (start --optimized) on http://127.0.0.1:$http (management $mgmt, cluster port $cache)"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  JAVA_OPTS_KC_HEAP="${KC_HEAP:--Xms512m -Xmx1g}" \
  BENCH_SEED_URL=${BENCH_SEED_URL:-} BENCH_PLAIN_URL=${BENCH_PLAIN_URL:-} BENCH_BUILTIN_URL=${BENCH_BUILTIN_URL:-} \
    "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true ${KC_HOSTNAME_OPT:---hostname-strict=false} \
    --http-host=127.0.0.1 --http-port="$http" --http-management-port="$mgmt" \
    --db-url="jdbc:postgresql://127.0.0.1:$PG_PORT/keycloak" --db-username=keycloak --db-password=keycloak \
    --cache-embedded-network-bind-address=127.0.0.1 --cache-embedded-network-bind-port="$cache" \
    "$@" >"$BENCH_WORK/keycloak-$name.log" 2>&1 &
  KC_PID=$!
  BENCH_PIDS+=("$KC_PID")
  KC_JAVA_PID=""
  for _ in $(seq 1 100); do
    KC_JAVA_PID=$(pgrep -P "$KC_PID" -x java | head -1 || true)
    [ -n "$KC_JAVA_PID" ] && break
    sleep 0.1
  done
  [ -n "$KC_JAVA_PID" ] && BENCH_PIDS+=("$KC_JAVA_PID")
}

# kc_wait_ready MGMT_PORT PID [seconds]
kc_wait_ready() {
  local mgmt=$1 pid=$2 limit=${3:-300} t0=$SECONDS
  while ! curl -fsS "http://127.0.0.1:$mgmt/health/ready" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "Keycloak (pid $pid) stopped while starting; log: $(ls -t "$BENCH_WORK"/keycloak-*.log | head -1)" >&2
      return 1
    fi
    if [ $((SECONDS - t0)) -ge "$limit" ]; then
      echo "Keycloak not ready after ${limit}s" >&2
      return 1
    fi
    sleep 1
  done
  log "Keycloak on management port $mgmt ready after $((SECONDS - t0))s"
}

# ------------------------------------------------------------------ simulated SSO

# sim_start NAME PORT DIALECT [extra args]; each simulator is its own JVM.
sim_start() {
  local name=$1 port=$2 dialect=$3
  shift 3
  java -Xms64m -Xmx512m -cp "$(cat "$CLASSPATH_FILE")" dev.companysso.simulator.CompanySsoSimulator \
    --port "$port" --dialect "$dialect" --threads "${SIM_THREADS:-64}" --generate-users --no-request-log "$@" \
    >"$BENCH_WORK/sim-$name.log" 2>&1 &
  BENCH_PIDS+=("$!")
  local t0=$SECONDS
  until curl -fsS "http://127.0.0.1:$port/__sim/stats" >/dev/null 2>&1; do
    [ $((SECONDS - t0)) -lt 30 ] || { echo "simulator $name did not start" >&2; return 1; }
    sleep 0.3
  done
  log "Simulated SSO '$name' (dialect $dialect) on http://127.0.0.1:$port"
}

# ------------------------------------------------------------------ cleanup

# Stops what this script started (by pid): TERM, up to 30 s grace, then KILL; then PostgreSQL.
bench_cleanup() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${BENCH_PIDS[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  BENCH_PIDS=()
  pg_stop
}

machine_description() {
  local cpu mem
  cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
  mem=$(awk '/MemTotal/ {printf "%.0f GB", $2/1024/1024}' /proc/meminfo)
  echo "$(nproc) cores ($cpu), $mem RAM, $(uname -sr), Java $(java -version 2>&1 | head -1 | sed 's/.*version "\([^"]*\)".*/\1/'), load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
}
