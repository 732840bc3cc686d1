#!/usr/bin/env bash
# Starts the stack's Kedro job once, waits for the run, and fails unless it succeeded.
#   STACK  the stack whose jobId output names the job
set -euo pipefail
: "${STACK:?STACK is required}"
job_id=$(pulumi stack output jobId --stack "$STACK" 2>/dev/null || true)
if [ -z "$job_id" ]; then
  echo "::error title=No job to run::Stack $STACK has no jobId output: the smoke run needs job: true (pulumi config set job true --stack $STACK)."
  exit 1
fi
# run-now waits for the run to end; its JSON says how it ended.
set +e
databricks jobs run-now "$job_id" --timeout 3h --output json > run.json
status=$?
set -e
result=$(jq -r '.state.result_state // "UNKNOWN"' run.json 2>/dev/null || echo UNKNOWN)
page=$(jq -r '.run_page_url // ""' run.json 2>/dev/null || true)
echo "Run of job $job_id: $result $page"
if [ "$status" -ne 0 ] || [ "$result" != SUCCESS ]; then
  echo "::error title=Smoke run failed::The run of job $job_id ended $result (CLI exit $status). $page"
  exit 1
fi
