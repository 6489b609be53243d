#!/usr/bin/env bash
# Sets everything up, then runs every check and test of every package (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The shared material (corpus, gold annotation) sits beside the checkout. A clone made elsewhere
# from a local checkout finds it beside the checkout it was cloned from.
if [ -z "${BRIEFS_SHARED:-}" ]; then
  BRIEFS_SHARED="$(cd .. && pwd)/shared"
  origin="$(git remote get-url origin 2>/dev/null || true)"
  if [ ! -d "$BRIEFS_SHARED" ] && [ -d "$origin" ] && [ -d "$origin/../shared" ]; then
    BRIEFS_SHARED="$(cd "$origin/../shared" && pwd)"
  fi
fi
[ -d "$BRIEFS_SHARED" ] || echo "test.sh: no shared material at $BRIEFS_SHARED (set BRIEFS_SHARED): the corpus tests will fail" >&2
export BRIEFS_SHARED
rm -f packages/*/.vitest-report.json apps/*/.vitest-report.json
status=0
pnpm turbo run typecheck lint test --continue --output-logs=new-only --log-order=grouped || status=$?
node scripts/test-summary.mjs || status=$?
exit "$status"
