#!/usr/bin/env bash
# Sets everything up, then runs every check and test of every package (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export BRIEFS_SHARED="${BRIEFS_SHARED:-$(cd .. && pwd)/shared}"
rm -f packages/*/.vitest-report.json apps/*/.vitest-report.json
status=0
pnpm turbo run typecheck lint test --continue --output-logs=new-only --log-order=grouped || status=$?
node scripts/test-summary.mjs || status=$?
exit "$status"
