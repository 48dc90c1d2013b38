#!/usr/bin/env bash
# Deploys DRS Orchestrator, or only validates it.
#
#   scripts/deploy.sh ENV                   validate, security, tests, package, deploy (deploy needs AWS credentials)
#   scripts/deploy.sh ENV --validate-only   validate and security only; offline except the npm registry (.ci/run)
#   scripts/deploy.sh ENV --lambda-only     tests, package, then update the three functions' code and publish
#                                           new versions behind the "live" alias (no stack update)
#
# Settings (environment): PROJECT_NAME (drs-orchestrator), ARTIFACT_BUCKET (required to deploy), AWS_REGION,
# STACK_NAME (${PROJECT_NAME}-${ENV}), STACK_PARAMETERS (extra Key=Value overrides for the master stack),
# SKIP_STATIC_ANALYSIS=1 (skip the Maven static-analysis build, e.g. when it already ran).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

usage() {
  echo "usage: scripts/deploy.sh ENV [--validate-only | --lambda-only]" >&2
  exit 2
}

[[ $# -ge 1 && $# -le 2 ]] || usage
ENVIRONMENT="$1"
MODE="${2:-full}"
[[ "$ENVIRONMENT" =~ ^[a-z][a-z0-9-]{0,19}$ ]] || { echo "ENV must match ^[a-z][a-z0-9-]{0,19}$" >&2; exit 2; }
case "$MODE" in full | --validate-only | --lambda-only) ;; *) usage ;; esac

PROJECT_NAME="${PROJECT_NAME:-drs-orchestrator}"
STACK_NAME="${STACK_NAME:-${PROJECT_NAME}-${ENVIRONMENT}}"
WORK="$ROOT/target/deploy"
HANDLERS=(query-handler data-management-handler execution-handler)
LAMBDA_LIMIT_BYTES=52428800
TARGET_BYTES=31457280
MAX_TEMPLATE_BYTES=819200
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1
mkdir -p "$WORK"

stage() {
  STAGE_STARTED=$(date +%s)
  echo
  echo "==== $1"
}

stage_done() {
  echo "---- done in $(($(date +%s) - STAGE_STARTED)) s"
}

# ---------------------------------------------------------------------------------------------------------------------
# tools
# ---------------------------------------------------------------------------------------------------------------------

npm_tools() {
  local stamp="node_modules/.package-lock.json"
  if [[ ! -f "$stamp" || package-lock.json -nt "$stamp" ]]; then
    echo "installing pinned tools (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# npm cfn-lint 1.9.7 ships a 2019 resource specification. A private copy reads the current one from @aws-cdk/cfnspec
# (same format) and gets one fix: its Fn::Sub rendering replaced "X" instead of "${X}", leaving every substituted ARN
# as "arn:${aws}:..." and failing ARN checks on valid templates.
cfn_lint_copy() {
  local copy="$WORK/cfn-lint"
  rm -rf "$copy"
  cp -R node_modules/cfn-lint "$copy"
  cp node_modules/@aws-cdk/cfnspec/spec/specification.json "$copy/data/aws_resources_specification.json"
  local validator="$copy/lib/validator.js"
  local broken="replacementStr = replacementStr.replace(placeholder, placeholderValue);"
  grep -qF "$broken" "$validator" || { echo "cfn-lint changed: revisit the Fn::Sub fix in deploy.sh" >&2; exit 1; }
  sed -i.orig "s/replacementStr = replacementStr.replace(placeholder, placeholderValue);/replacementStr = replacementStr.split('\${' + placeholder + '}').join(placeholderValue);/" "$validator"
  echo "$copy/lib/index.js"
}

# ARN-shaped example values for a template's parameters that are ARNs and have no default.
arn_parameters() {
  awk '
    /^Parameters:/ { inParams = 1; next }
    inParams && /^[^ #]/ { inParams = 0 }
    inParams && /^  [A-Za-z0-9]+:$/ { name = $1; sub(":", "", name); hasDefault[name] = 0; order[++n] = name; next }
    inParams && /^    Default:/ { hasDefault[name] = 1 }
    END {
      sep = ""
      for (i = 1; i <= n; i++) {
        p = order[i]
        if (p ~ /Arn$/ && !hasDefault[p]) {
          printf "%s%s=arn:aws:lambda:us-east-1:123456789012:function:example-%s", sep, p, tolower(p)
          sep = ","
        }
      }
    }' "$1"
}

# ---------------------------------------------------------------------------------------------------------------------
# stages
# ---------------------------------------------------------------------------------------------------------------------

validate() {
  stage "validate"
  npm_tools
  local lint
  lint="$(cfn_lint_copy)"
  local failed=0 template params
  for template in cfn/*.yaml; do
    [[ "$template" == cfn/openapi.yaml ]] && continue
    params="$(arn_parameters "$template")"
    if node "$lint" validate "$template" ${params:+--parameters "$params"} > "$WORK/cfn-lint.out" 2>&1; then
      echo "cfn-lint ok: $template"
    else
      cat "$WORK/cfn-lint.out"
      echo "cfn-lint FAILED: $template" >&2
      failed=1
    fi
  done

  if [[ -f cfn/state-machine.asl.json ]]; then
    # Validate the definition as Step Functions sees it: with the DefinitionSubstitutions filled in.
    sed -e 's/\${QueryHandlerArn}/arn:aws:lambda:us-east-1:123456789012:function:query-handler:live/g' \
        -e 's/\${DataManagementHandlerArn}/arn:aws:lambda:us-east-1:123456789012:function:data-management-handler:live/g' \
        -e 's/\${ExecutionHandlerArn}/arn:aws:lambda:us-east-1:123456789012:function:execution-handler:live/g' \
        cfn/state-machine.asl.json > "$WORK/state-machine.asl.json"
    if node_modules/.bin/asl-validator --json-path "$WORK/state-machine.asl.json"; then
      echo "asl-validator ok: cfn/state-machine.asl.json"
    else
      echo "asl-validator FAILED: cfn/state-machine.asl.json" >&2
      failed=1
    fi
  elif [[ "$MODE" == full ]]; then
    echo "cfn/state-machine.asl.json is missing: nothing to deploy the state machine from" >&2
    failed=1
  else
    echo "asl-validator skipped: cfn/state-machine.asl.json is not on this branch"
  fi

  if node_modules/.bin/redocly lint cfn/openapi.yaml --extends minimal > "$WORK/redocly.out" 2>&1; then
    echo "OpenAPI ok: cfn/openapi.yaml"
  else
    cat "$WORK/redocly.out"
    echo "OpenAPI validation FAILED: cfn/openapi.yaml" >&2
    failed=1
  fi

  local file size
  for file in cfn/*.yaml cfn/*.json; do
    [[ -f "$file" ]] || continue
    size=$(wc -c < "$file")
    if ((size >= MAX_TEMPLATE_BYTES)); then
      echo "template too large: $file $size bytes (limit $MAX_TEMPLATE_BYTES)" >&2
      failed=1
    fi
  done
  echo "template sizes ok (each under $MAX_TEMPLATE_BYTES bytes)"

  if [[ "${SKIP_STATIC_ANALYSIS:-0}" != 1 ]]; then
    # Checkstyle (config/checkstyle.xml) and SpotBugs + FindSecBugs (config/spotbugs-include.xml) on the code that is
    # deployed (shared and the three handlers) and on local/ (the simulator and runtime users run on their machines);
    # fails on violations. Reviewed exceptions live in config/spotbugs-exclude.xml, each with its reason.
    mvn -B -o -q -Pstatic-analysis verify -DskipTests -DskipITs -pl shared,query-handler,data-management-handler,execution-handler,local -am \
      || { echo "static analysis FAILED" >&2; failed=1; }
    echo "static analysis done"
  fi
  ((failed == 0)) || exit 1
  stage_done
}

security() {
  stage "security"
  npm_tools
  node_modules/.bin/secretlint --secretlintignore .secretlintignore "**/*" || { echo "secret scan FAILED" >&2; exit 1; }
  echo "secret scan ok"
  # The IAM wildcard rule and least privilege are tests over the committed templates (tests/.../cfn/IamPolicyTest).
  mvn -B -o -q -pl tests -am test -Dtest=IamPolicyTest -Dsurefire.failIfNoSpecifiedTests=false \
    || { echo "IAM policy check FAILED" >&2; exit 1; }
  echo "IAM policies ok (no mutating action on *, query-handler read-only but its audit PutItem)"
  stage_done
}

tests() {
  stage "tests"
  mvn -B verify
  stage_done
}

package() {
  stage "package"
  mvn -B -q package -DskipTests -DskipITs -pl "$(IFS=,; echo "${HANDLERS[*]}")" -am
  local handler zip size failed=0
  for handler in "${HANDLERS[@]}"; do
    zip="$handler/target/$handler-lambda.zip"
    size=$(wc -c < "$zip")
    printf '%-26s %10d bytes (%5.1f MB)  Lambda limit %d, target %d\n' "$handler" "$size" \
      "$(echo "$size / 1048576" | bc -l)" "$LAMBDA_LIMIT_BYTES" "$TARGET_BYTES"
    ((size <= LAMBDA_LIMIT_BYTES)) || { echo "$zip exceeds the Lambda limit" >&2; failed=1; }
    ((size <= TARGET_BYTES)) || echo "warning: $zip is above the project's 30 MB target (docs/benchmarks.md)"
  done
  ((failed == 0)) || exit 1
  stage_done
}

require_aws() {
  if ! command -v aws > /dev/null || ! aws sts get-caller-identity > /dev/null 2>&1; then
    echo "no AWS credentials (aws sts get-caller-identity failed): stopping before deploy" >&2
    exit 3
  fi
  [[ -n "${ARTIFACT_BUCKET:-}" ]] || { echo "ARTIFACT_BUCKET is required to deploy" >&2; exit 2; }
}

upload_content_addressed() {
  local file="$1" name="$2" sum key
  sum=$(sha256sum "$file" | cut -c1-16)
  key="$PROJECT_NAME/$ENVIRONMENT/artifacts/$sum/$name"
  aws s3 cp --only-show-errors --sse aws:kms "$file" "s3://$ARTIFACT_BUCKET/$key" >&2
  echo "$key"
}

deploy() {
  stage "deploy"
  require_aws
  local release prefix
  release="$(git rev-parse --short HEAD)-$(cat cfn/*.yaml cfn/*.json | sha256sum | cut -c1-12)"
  prefix="$PROJECT_NAME/$ENVIRONMENT/templates/$release"
  aws s3 cp --only-show-errors --sse aws:kms --recursive --exclude "*" --include "*.yaml" --include "*.json" \
    cfn/ "s3://$ARTIFACT_BUCKET/$prefix/"
  local query_key dm_key exec_key
  query_key=$(upload_content_addressed query-handler/target/query-handler-lambda.zip query-handler-lambda.zip)
  dm_key=$(upload_content_addressed data-management-handler/target/data-management-handler-lambda.zip data-management-handler-lambda.zip)
  exec_key=$(upload_content_addressed execution-handler/target/execution-handler-lambda.zip execution-handler-lambda.zip)
  # shellcheck disable=SC2086 # STACK_PARAMETERS is a list of Key=Value words
  aws cloudformation deploy \
    --stack-name "$STACK_NAME" \
    --template-file cfn/master.yaml \
    --s3-bucket "$ARTIFACT_BUCKET" --s3-prefix "$prefix" \
    --capabilities CAPABILITY_NAMED_IAM CAPABILITY_AUTO_EXPAND \
    --no-fail-on-empty-changeset \
    --parameter-overrides \
      ProjectName="$PROJECT_NAME" Environment="$ENVIRONMENT" ArtifactBucket="$ARTIFACT_BUCKET" \
      TemplatePrefix="$prefix" QueryHandlerKey="$query_key" DataManagementHandlerKey="$dm_key" \
      ExecutionHandlerKey="$exec_key" ApiContractHash="$(sha256sum cfn/openapi.yaml | cut -c1-16)" \
      ${STACK_PARAMETERS:-}
  # AWS::ApiGateway::Deployment does not redeploy a changed body by itself: publish the stage explicitly.
  local api_id
  api_id=$(aws cloudformation describe-stacks --stack-name "$STACK_NAME" \
    --query "Stacks[0].Outputs[?OutputKey=='ApiUrl'].OutputValue" --output text | sed -E 's#https://([^.]+)\..*#\1#')
  aws apigateway create-deployment --rest-api-id "$api_id" --stage-name prod \
    --description "release $release" > /dev/null
  aws cloudformation describe-stacks --stack-name "$STACK_NAME" --query "Stacks[0].Outputs" --output table
  stage_done
}

lambda_only() {
  stage "lambda update"
  require_aws
  local handler function_name key version
  for handler in "${HANDLERS[@]}"; do
    function_name="$PROJECT_NAME-$handler-$ENVIRONMENT"
    key=$(upload_content_addressed "$handler/target/$handler-lambda.zip" "$handler-lambda.zip")
    aws lambda update-function-code --function-name "$function_name" --s3-bucket "$ARTIFACT_BUCKET" \
      --s3-key "$key" > /dev/null
    aws lambda wait function-updated-v2 --function-name "$function_name"
    version=$(aws lambda publish-version --function-name "$function_name" --description "code $key" \
      --query Version --output text)
    aws lambda wait published-version-active --function-name "$function_name:$version" 2> /dev/null \
      || aws lambda wait function-active-v2 --function-name "$function_name:$version"
    aws lambda update-alias --function-name "$function_name" --name live --function-version "$version" > /dev/null
    echo "$function_name: live -> version $version"
  done
  echo "note: the stack still names the previous keys; the next full deploy publishes from the stack again"
  stage_done
}

case "$MODE" in
  --validate-only)
    validate
    security
    ;;
  --lambda-only)
    tests
    package
    lambda_only
    ;;
  full)
    validate
    security
    tests
    package
    deploy
    ;;
esac
echo
echo "deploy.sh $ENVIRONMENT ${MODE#--}: ok"
