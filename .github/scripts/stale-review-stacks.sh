#!/usr/bin/env bash
# Prints stacks=<JSON list> to GITHUB_OUTPUT: the pr-<number> stacks whose pull
# request is closed or was last updated more than TTL_DAYS days ago.
set -euo pipefail
: "${REPO:?}" "${TTL_DAYS:?}"
cutoff=$(date -u -d "-${TTL_DAYS} days" +%s)
stale=()
for stack in $(pulumi stack ls --json | jq -r '.[].name | split("/") | last' | grep -E '^pr-[0-9]+$' || true); do
  number=${stack#pr-}
  if ! info=$(gh pr view "$number" --repo "$REPO" --json state,updatedAt 2>/dev/null); then
    stale+=("$stack")   # no such pull request any more
    continue
  fi
  state=$(jq -r .state <<<"$info")
  updated=$(date -u -d "$(jq -r .updatedAt <<<"$info")" +%s)
  if [ "$state" != OPEN ] || [ "$updated" -lt "$cutoff" ]; then stale+=("$stack"); fi
done
json=$(printf '%s\n' "${stale[@]}" | jq -R . | jq -cs 'map(select(. != ""))')
echo "Review stacks to remove: $json"
echo "stacks=$json" >> "${GITHUB_OUTPUT:-/dev/stdout}"
