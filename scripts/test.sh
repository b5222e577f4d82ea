#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine, then runs every test.
# Used by the README and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
# PostgreSQL server binaries, for the throwaway cluster in the Postgres reader tests.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then need_apt+=(postgresql); fi
# Headless Chromium (driven by playwright-core) for the report test, and a font for charts drawn to PNG.
if ! command -v chromium >/dev/null 2>&1; then need_apt+=(chromium); fi
if [ ! -d /usr/share/fonts/truetype/dejavu ]; then need_apt+=(fonts-dejavu-core); fi
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing apt packages: ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# The native kernels (binding.gyp) are built by npm ci's install script; build them if a copy of
# node_modules came without them, and require them here so a broken build cannot pass unnoticed.
[ -f build/Release/segkit_kernels.node ] || node scripts/build-native.mjs
export SEGKIT_REQUIRE_NATIVE=1
# The web dashboard (web/, Vite): rebuilt only when a file under web/ or the lockfile is newer than the build.
if [ ! -f web/dist/index.html ] || [ -n "$(find web package-lock.json -type f -newer web/dist/index.html -not -path 'web/dist/*' | head -1)" ]; then
  npm run -s build
fi

npx tsc --noEmit -p .
node --import tsx --test --test-concurrency=2 $(find test -name "*.test.ts" | sort)
# The TypeScript fallback kernels stay correct too: the k-means tests again without the native build.
SEGKIT_KERNELS=ts node --import tsx --test test/cluster/kmeans.test.ts test/select/*.test.ts
