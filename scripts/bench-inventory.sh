#!/usr/bin/env bash
# Inventory-sync benchmark: the real parallel pipeline against the simulator (injected latency on every DRS, EC2 and
# STS call) and DynamoDB Local, which run in this JVM; the pipeline runs in a child JVM (heap --worker-heap) so its
# peak heap is the pipeline's alone, with the deployed functions' JVM flags (C1 only). Before the result it prints the
# profile: AWS calls of the timed run, and CPU per JVM (worker; simulator + DynamoDB Local, with their JIT, GC and
# busiest thread groups) for the timed run and for the writer alone. Prints one JSON line last:
# {"servers","accounts","regions","written","failed","wallMs","criticalPathMs","writeFloorMs","sequentialWallMs",
#  "peakHeapMb","workerMaxHeapMb","workerGcMs"}
# usage: scripts/bench-inventory.sh [--accounts 10] [--regions 28] [--servers 10000] [--distribution skewed|uniform]
#                                   [--latency-ms 100] [--page-size 100] [--worker-heap 256m] [--writer-threads N]
#                                   [--queue-capacity N] [--warmup-syncs N] [--skip-sequential] [--worker-jfr DIR]
# --warmup-syncs defaults to enough untimed syncs to cover 14,000 servers (at least 3)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
classpath_file="tests/target/bench-classpath.txt"
if [[ ! -f "$classpath_file" || ! -d tests/target/test-classes ]] \
   || [[ -n "$(find shared/src local/src tests/src -newer "$classpath_file" -type f -print -quit)" ]]; then
  # package builds the reactor's jars and test-jars without installing anything into the local repository
  mvn -q -o -pl tests -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
      -Dmdep.outputFile="$root/$classpath_file.tmp" >&2
  mv "$classpath_file.tmp" "$classpath_file"
fi
exec java -Xmx1g -cp "tests/target/test-classes:$(cat "$classpath_file")" \
  dev.drsorchestrator.tests.inventory.InventoryBenchmark "$@"
