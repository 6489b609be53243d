#!/usr/bin/env bash
# Sets everything up, then runs the main job on the project's own examples: briefs, pack, tables
# and ASTs of examples/ under out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
pack=()
[ -f examples/pack.yaml ] && pack=(--pack examples/pack.yaml)
pnpm --silent briefs build examples --out out "${pack[@]}"
echo "briefs: outputs in out/ (pack.pdf, briefs/, data/, ast/)" >&2
