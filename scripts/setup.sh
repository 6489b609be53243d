#!/usr/bin/env bash
# Sets up a fresh Debian machine with Node 20 for briefs: system packages, pnpm, dependencies,
# build. Idempotent and fast when everything is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")

# System packages: canvas builds from source here (cairo, pango…), fonts for PDFs and charts,
# poppler/qpdf to check PDFs, LibreOffice to open the tables as a spreadsheet program would.
APT_PACKAGES=(
  build-essential pkg-config python3
  libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev
  fonts-noto-core fonts-dejavu-core fontconfig
  poppler-utils qpdf
  libreoffice-calc-nogui
)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm@$PNPM_VERSION" >&2
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1
fi

export npm_config_nodedir="${npm_config_nodedir:-/usr}"
export JOBS=max
pnpm install --frozen-lockfile --reporter=silent
pnpm turbo run build --output-logs=errors-only >&2
