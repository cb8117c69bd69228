#!/usr/bin/env bash
# JMH: the extension's own CPU work per login (parsing, paths, profile merge, identity, mappers).
# Not part of ./scripts/test.sh. --smoke: one short iteration (seconds); default: 3 warm-up + 5 measured
# iterations of 2 s per benchmark (about 2 minutes). Results: benchmark/target/jmh.json (+ the console table).
set -euo pipefail
cd "$(dirname "$0")/.."
args=()
if [ "${1:-}" = "--smoke" ]; then
  args=(-f 1 -wi 1 -w 1s -i 1 -r 1s)
  shift
fi
./mvnw -B -q -Pbenchmark -pl benchmark -am -DskipTests -DskipITs package dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime
cp_file=benchmark/target/bench.classpath
java -cp "benchmark/target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main ProviderWorkBenchmark \
  -rf json -rff benchmark/target/jmh.json "${args[@]}" "$@"
