#!/usr/bin/env bash
# Makes the stack's config whole before a pulumi command, on a fresh checkout.
#
#   STACK        the stack (dev, prod, pr-<number>)
#   COMMAND      the pulumi command that follows (up, preview, destroy); only up creates a review stack
#   GIT_COMMIT   the Kedro project's commit to deploy; empty: the one deployed last
#   REVIEW       true for a review stack: its config is rebuilt from dev's on every run
#   KEDRO_BRANCH review stacks only: "dev" (default) deploys dev's branch and commit; "pr-head"
#                deploys the pull request's branch and commit (HEAD_REF, HEAD_SHA), for a stack
#                that lives in the Kedro project's own repository
#
# A review stack's Pulumi.<stack>.yaml exists only in the checkout that made it, so it is made
# again each time from dev's, with `pulumi config cp`, which re-encrypts dev's secrets for it.
set -euo pipefail
: "${STACK:?STACK is required}"
review="${REVIEW:-false}"

if [ "$review" = true ]; then
  case "$STACK" in pr-[0-9]*) ;; *) echo "::error::A review stack is named pr-<number>, not '$STACK'."; exit 1 ;; esac
  if [ "${COMMAND:-up}" = up ]; then pulumi stack select --create "$STACK"; else pulumi stack select "$STACK"; fi
  pulumi config cp --stack dev --dest "$STACK"
  setting() { pulumi config get "$1" --stack "$STACK" 2>/dev/null || true; }
  if [ "$(setting workspace)" = create ]; then
    echo "::error title=Review stack refused::dev has workspace: create. A review stack deploys into an existing workspace and never creates one: give dev a databricks:host, or review on dev itself."
    exit 1
  fi
  if [ "$(setting githubRepository)" = create ]; then
    # Reuse the repository dev created; a review stack never creates (or archives) one.
    url=$(pulumi stack output gitRepositoryUrl --stack dev)
    pulumi config set githubRepository existing --stack "$STACK"
    pulumi config set gitUrl "$url" --stack "$STACK"
    pulumi config rm githubOwner --stack "$STACK" || true
    pulumi config rm githubRepositoryName --stack "$STACK" || true
  fi
  # dev's own paths would make this stack write, and on destroy delete, dev's Repo and notebook.
  pulumi config rm repoPath --stack "$STACK" || true
  pulumi config rm notebookPath --stack "$STACK" || true
  pulumi config set protect false --stack "$STACK"
  # The deploying service principal may hold one Git credential per provider, and dev's stack owns it.
  pulumi config set gitCredential shared --stack "$STACK"
  # A review stack's job never runs on a schedule. Set only where there is one: elsewhere the
  # program would warn on every run that the key is ignored.
  if [ "$(setting job)" = true ] && [ -n "$(setting jobSchedule)" ]; then
    pulumi config set jobSchedulePaused true --stack "$STACK"
  fi
  case "${KEDRO_BRANCH:-dev}" in
    dev)
      # dev's gitBranch, as copied, at the commit dev's Repo is on.
      GIT_COMMIT="${GIT_COMMIT:-$(pulumi stack output repoCommit --stack dev 2>/dev/null || true)}"
      ;;
    pr-head)
      : "${HEAD_REF:?HEAD_REF is required with KEDRO_BRANCH=pr-head}" "${HEAD_SHA:?HEAD_SHA is required with KEDRO_BRANCH=pr-head}"
      pulumi config set gitBranch "$HEAD_REF" --stack "$STACK"
      GIT_COMMIT="$HEAD_SHA"
      ;;
    *) echo "::error::KEDRO_BRANCH is '$KEDRO_BRANCH'; allowed: dev or pr-head."; exit 1 ;;
  esac
else
  # Never create a stack here: a typo must fail, not make a new, empty environment.
  pulumi stack select "$STACK"
fi

# The commit to deploy, else the one the Repo is on: gitCommit is never in the committed stack file.
if [ -z "${GIT_COMMIT:-}" ]; then
  GIT_COMMIT=$(pulumi stack output repoCommit --stack "$STACK" 2>/dev/null || true)
fi
if [ -n "${GIT_COMMIT:-}" ]; then
  pulumi config set gitCommit "$GIT_COMMIT" --stack "$STACK"
fi
