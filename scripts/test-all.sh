#!/usr/bin/env bash
# Every test of Batch Lab: typecheck, lint, format, unit, build, end-to-end in Debian Chromium.
# Installs Debian's Chromium first when it is missing (no browser is ever downloaded by npm).
set -euo pipefail
cd "$(dirname "$0")/.."

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export DEBIAN_FRONTEND=noninteractive

declare -a TIMINGS=()
step() { # step NAME CMD...
  local name="$1"; shift
  local t0=$SECONDS
  echo "::: ${name}"
  "$@"
  TIMINGS+=("$(printf '%-10s %4ss' "$name" "$((SECONDS - t0))")")
}

install_chromium() {
  if [ -x "$CHROMIUM_PATH" ]; then
    echo "chromium present: $("$CHROMIUM_PATH" --version 2>/dev/null)"
    return 0
  fi
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
  "$CHROMIUM_PATH" --version 2>/dev/null
}

[ -d node_modules ] || step npm-ci npm ci --no-audit --no-fund
step chromium  install_chromium
step typecheck npm run -s typecheck
step lint      npm run -s lint
step format    npm run -s format:check
mkdir -p reports
step unit      npx vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json
step build     npm run -s build
step e2e       npx playwright test

echo
echo "::: timings"
printf '  %s\n' "${TIMINGS[@]}"

# One plain closing line (neither Vitest nor Playwright prints one CI recognises).
node -e '
const fs = require("fs");
const u = JSON.parse(fs.readFileSync("reports/unit.json", "utf8"));
const e = JSON.parse(fs.readFileSync("reports/e2e.json", "utf8")).stats;
const passed = u.numPassedTests + e.expected;
const failed = u.numFailedTests + e.unexpected + e.flaky;
const skipped = u.numPendingTests + u.numTodoTests + e.skipped;
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
process.exit(failed ? 1 : 0);
'
