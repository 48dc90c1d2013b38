#!/usr/bin/env bash
# Starts the whole system on loopback: DynamoDB Local, the AWS-compatible endpoint (simulator + Lambda + EventBridge),
# the three handlers in-process and the REST API with the Cognito-authorizer emulation. Ctrl-C stops everything.
# With --demo it then runs a guided DR drill through the API, prints the report and stops (exit status 0 on success;
# --stay keeps it serving afterwards). docs/local-runtime.md describes both.
# usage: scripts/run-local.sh [--demo [--stay]] [--api-port 8080] [--aws-port 4566] [--dynamodb-port 8000]
#                             [--scenario FILE] [--time-factor N] [--allowed-origin localhost|*|ORIGIN] [--cfn-dir DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
classpath_file="local/target/runtime-classpath.txt"
jar="local/target/local-1.0.0-SNAPSHOT.jar"

stale() {
  [[ ! -f "$classpath_file" || ! -f "$jar" ]] && return 0
  # Any source or template newer than the local jar means a module it bundles changed.
  [[ -n "$(find shared/src/main query-handler/src/main data-management-handler/src/main execution-handler/src/main \
      local/src/main cfn -newer "$jar" -type f -print -quit 2>/dev/null)" ]]
}

if stale; then
  echo "run-local: building the local runtime (mvn package -pl local -am)..." >&2
  if ! mvn -B -q -o -DskipTests package -pl local -am >&2; then
    echo "run-local: offline build failed; retrying online" >&2
    mvn -B -q -DskipTests package -pl local -am >&2
  fi
fi

exec java ${JAVA_OPTS:-} -cp "$jar:$(cat "$classpath_file")" dev.drsorchestrator.local.runtime.LocalRuntime "$@"
