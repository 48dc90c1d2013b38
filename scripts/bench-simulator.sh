#!/usr/bin/env bash
# Throughput benchmark of the simulator over loopback; prints one JSON line (requests/s, p50, p99).
# usage: scripts/bench-simulator.sh [--clients 16] [--requests 20000] [--warmup 3000] [--page-size 50]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
classpath_file="local/target/runtime-classpath.txt"
jar="local/target/local-1.0.0-SNAPSHOT.jar"
if [[ ! -f "$classpath_file" || ! -f "$jar" ]] || [[ -n "$(find local/src/main -newer "$jar" -type f -print -quit)" ]]; then
  mvn -q -o -pl local -am package -DskipTests >&2
fi
exec java -Xms512m -Xmx1g -cp "$jar:$(cat "$classpath_file")" dev.drsorchestrator.local.sim.SimulatorBenchmark "$@"
