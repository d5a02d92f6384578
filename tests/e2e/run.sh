#!/usr/bin/env bash
# ctest entry of the browser tests: installs the pinned playwright-core (npm ci, from
# package-lock.json; it never downloads a browser), then drives Debian's chromium through the pages
# of a real daemon (pages.test.mjs). Needs Debian's chromium (scripts/deps.sh test) and Node.js >= 20
# with npm.
set -euo pipefail
cd "$(dirname "$0")"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -x /usr/bin/chromium ]; then
  echo "e2e: /usr/bin/chromium is missing: run scripts/deps.sh test (Debian package chromium)" >&2
  exit 1
fi
if ! command -v npm >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 20 ]; then
  echo "e2e: Node.js 20 or later with npm is needed (playwright-core $(sed -n 's/.*"playwright-core": "\(.*\)".*/\1/p' package.json))" >&2
  exit 1
fi
npm ci --no-audit --no-fund --loglevel=error
exec node pages.test.mjs
