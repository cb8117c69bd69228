#!/usr/bin/env bash
# Runs Keycloak for the test harness and makes sure it never outlives the JVM that started it:
# if that JVM disappears (tests done, crashed, killed with -9), the whole process group is stopped.
# Start it with setsid so that it leads its own process group.
# Usage: keycloak-watchdog.sh <owner-pid> <kc.sh> <args...>
owner=$1; shift
"$@" &
kc=$!
stop() {
  trap '' TERM INT HUP
  kill -TERM -- -$$ 2>/dev/null
  for _ in $(seq 1 30); do kill -0 "$kc" 2>/dev/null || exit 0; sleep 1; done
  kill -KILL -- -$$ 2>/dev/null
}
trap stop TERM INT HUP
while kill -0 "$owner" 2>/dev/null && kill -0 "$kc" 2>/dev/null; do sleep 1; done
stop
