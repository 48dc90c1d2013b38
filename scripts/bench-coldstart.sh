#!/usr/bin/env bash
# Cold-start benchmark: for each handler, a fresh JVM whose classpath is the deployable zip constructs the handler and
# answers one event against DynamoDB Local and the simulator (ColdStartBackend); the median of RUNS wall-clock times
# (JVM start to exit) is initPlusFirstMs. Also reports each zip's size. Prints one JSON line last.
# usage: scripts/bench-coldstart.sh [RUNS]   (default 5)
# Events (scripts/bench-events/): query-handler GET /user/permissions (get_user_permissions, API Gateway event, one
# audit PutItem); data-management-handler and execution-handler direct "health" (one audit PutItem).
# Each JVM runs as Lambda would start it: JAVA_TOOL_OPTIONS as cfn/lambda-functions.yaml sets it for the function, and
# -XX:MaxRAM at the function's default memory in cfn/master.yaml (Lambda's JVM sees that memory as the machine's, which
# decides its heap size and garbage collector).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${1:-5}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive integer" >&2; exit 2; }
handlers=(query-handler data-management-handler execution-handler)
declare -A params=(
  [query-handler]=QueryHandlerMemory
  [data-management-handler]=DataManagementHandlerMemory
  [execution-handler]=ExecutionHandlerMemory)
declare -A classes=(
  [query-handler]=dev.drsorchestrator.query.QueryHandler
  [data-management-handler]=dev.drsorchestrator.datamanagement.DataManagementHandler
  [execution-handler]=dev.drsorchestrator.execution.ExecutionHandler)

local_jar="local/target/local-1.0.0-SNAPSHOT.jar"
if [[ ! -f "$local_jar" ]] || [[ -n "$(find local/src/main -newer "$local_jar" -type f -print -quit)" ]]; then
  mvn -B -q -o -pl local -am package -DskipTests -DskipITs >&2
fi
local_jar="local/target/local-1.0.0-SNAPSHOT.jar"
work="$(mktemp -d)"
# The invoker is the only class the handler processes take from local/.
mkdir -p "$work/invoker"
(cd "$work/invoker" && unzip -q "$root/$local_jar" 'dev/drsorchestrator/local/bench/ColdStartInvoker*')

fifo="$work/backend.in"
mkfifo "$fifo"
java -cp "$local_jar:$(cat local/target/runtime-classpath.txt)" dev.drsorchestrator.local.bench.ColdStartBackend \
  < "$fifo" > "$work/backend.out" 2> "$work/backend.err" &
backend_pid=$!
exec 3> "$fifo"
cleanup() {
  exec 3>&- || true
  wait "$backend_pid" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 1200); do
  grep -q '^BENCH_ENV ' "$work/backend.out" && break
  kill -0 "$backend_pid" 2> /dev/null || { cat "$work/backend.err" >&2; exit 1; }
  sleep 0.5
done
grep -q '^BENCH_ENV ' "$work/backend.out" \
  || { echo "backend did not start within 600 s" >&2; cat "$work/backend.err" >&2; exit 1; }
read -r -a backend_env <<< "$(grep '^BENCH_ENV ' "$work/backend.out" | cut -d' ' -f2-)"
echo "backend ready: ${backend_env[*]}" >&2

# The function's JAVA_TOOL_OPTIONS value in the functions template (the first one after its Handler line).
java_tool_options() {
  awk -v cls="$1" '$0 ~ "Handler: " cls "::" { found = 1 } found && /JAVA_TOOL_OPTIONS:/ {
      sub(/^[^:]*JAVA_TOOL_OPTIONS: */, ""); gsub(/"/, ""); print; exit }' cfn/lambda-functions.yaml
}
# The default of a memory parameter in the master template.
memory_mb() {
  awk -v p="  $1:" '$0 == p { found = 1; next } found && /Default:/ { print $2; exit }' cfn/master.yaml
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

json="{"
sep=""
for handler in "${handlers[@]}"; do
  zip="$handler/target/$handler-lambda.zip"
  [[ -f "$zip" ]] || { echo "$zip missing: run mvn -B package first" >&2; exit 1; }
  tool_options="$(java_tool_options "${classes[$handler]}")"
  memory="$(memory_mb "${params[$handler]}")"
  [[ -n "$tool_options" && "$memory" =~ ^[0-9]+$ ]] \
    || { echo "no JAVA_TOOL_OPTIONS or memory default for $handler in cfn/" >&2; exit 1; }
  echo "$handler: JAVA_TOOL_OPTIONS=$tool_options, -XX:MaxRAM=${memory}m" >&2
  times=()
  for run in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    env -i PATH="$PATH" HOME="$HOME" "${backend_env[@]}" AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=bench \
      AWS_SECRET_ACCESS_KEY=bench AWS_MAX_ATTEMPTS=1 LOG_FORMAT=json JAVA_TOOL_OPTIONS="$tool_options" \
      java "-XX:MaxRAM=${memory}m" -cp "$zip:$work/invoker" \
      dev.drsorchestrator.local.bench.ColdStartInvoker "${classes[$handler]}" "scripts/bench-events/$handler.json" \
      > "$work/response.json" 2> "$work/handler.err"
    end=$(date +%s%N)
    grep -q '"statusCode" *: *200\|"statusCode":200\|"status" *: *"healthy"\|"healthy"' "$work/response.json" \
      || { echo "$handler run $run did not answer 200:" >&2; cat "$work/response.json" "$work/handler.err" >&2; exit 1; }
    times+=($(((end - start) / 1000000)))
    echo "$handler run $run: ${times[-1]} ms" >&2
  done
  ms=$(printf '%s\n' "${times[@]}" | median)
  mb=$(awk -v b="$(wc -c < "$zip")" 'BEGIN { printf "%.1f", b / 1048576 }')
  json+="$sep\"$handler\": {\"initPlusFirstMs\": $ms, \"artifactMb\": $mb}"
  sep=", "
done
echo "$json}"
