#!/usr/bin/env bash
# Warm p50/p99 of query-handler operations through the handler entry point against DynamoDB Local holding 10,000
# inventory items and 1,000 executions (and the simulator for AWS). Prints a markdown table.
# usage: scripts/bench-query.sh [warmup-per-operation 200] [iterations-per-operation 1000]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -q -o -pl tests -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
cp="tests/target/test-classes:tests/target/classes:$(cat tests/target/bench-classpath.txt)"
for module in shared local query-handler data-management-handler execution-handler; do
  cp="$cp:$module/target/classes"
done
# The machine's load is part of the result: print it before and after the run.
echo "load before: $(uptime)"
java -Xms512m -Xmx1g -cp "$cp" dev.drsorchestrator.tests.query.QueryBenchmark "$@"
echo "load after: $(uptime)"
