#!/usr/bin/env bash
# Starts the AWS-compatible simulator alone on loopback and prints one ready line once it accepts requests.
# usage: scripts/run-simulator.sh [--port 4566] [--scenario FILE] [--time-factor N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
classpath_file="local/target/runtime-classpath.txt"
jar="local/target/local-1.0.0-SNAPSHOT.jar"
if [[ ! -f "$classpath_file" || ! -f "$jar" ]] || [[ -n "$(find local/src/main -newer "$jar" -type f -print -quit)" ]]; then
  mvn -q -o -pl local -am package -DskipTests >&2
fi
exec java -cp "$jar:$(cat "$classpath_file")" dev.drsorchestrator.local.sim.SimulatorMain "$@"
