#!/bin/sh
# web-test.sh: builds the browser version (the `web` preset) and tests the page
# in headless Chromium (tests/web/page_test.js): first frame, the picture,
# lock and stretch with mouse, keys and touch, the frame rate and page weight.
# Needs Debian's emscripten and chromium (scripts/setup.sh emscripten chromium dpkg-dev)
# and playwright-core from npm (installed into build/web-test). Says so and
# exits 0 (skipped) when emscripten, chromium, node or npm is missing.
set -eu
cd "$(dirname "$0")/.."
chromium=/usr/lib/chromium/chromium
for tool in emcc node npm dpkg-source "$chromium"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "web-test: SKIPPED: $tool not found (install with: scripts/setup.sh emscripten chromium dpkg-dev)"
        exit 0
    fi
done
cmake --preset web >/dev/null
cmake --build --preset web -j2
if [ ! -f build/web-test/node_modules/playwright-core/package.json ]; then
    npm install --prefix build/web-test --no-audit --no-fund --silent playwright-core@1.65.2
fi
NODE_PATH="$PWD/build/web-test/node_modules" CHROMIUM="$chromium" node tests/web/page_test.js build/web build/web-test
