#!/usr/bin/env bash
# Prints an ID token of the running local runtime's user pool for a user in one of the five groups.
# The signing key lives only in the running runtime, so this asks its API: GET /_local/token.
# usage: scripts/local-token.sh GROUP [EMAIL]      GROUP: Admin | Operator | Viewer | Auditor | Planner
#        API_URL overrides the API address (default http://127.0.0.1:8080).
set -euo pipefail
if [[ $# -lt 1 || $# -gt 2 || "$1" == "-h" || "$1" == "--help" ]]; then
  echo "usage: $0 GROUP [EMAIL]   (GROUP: Admin, Operator, Viewer, Auditor, Planner)" >&2
  exit 2
fi
api="${API_URL:-http://127.0.0.1:8080}"
args=(--get --silent --show-error --data-urlencode "group=$1" --data-urlencode "format=raw")
if [[ $# -eq 2 ]]; then
  args+=(--data-urlencode "email=$2")
fi
status_and_body="$(curl "${args[@]}" --write-out '\n%{http_code}' "$api/_local/token")" || {
  echo "local-token: cannot reach the local runtime at $api (start it with scripts/run-local.sh)" >&2
  exit 1
}
status="${status_and_body##*$'\n'}"
body="${status_and_body%$'\n'*}"
if [[ "$status" != "200" ]]; then
  echo "local-token: $body" >&2
  exit 1
fi
printf '%s\n' "$body" | head -n 1
