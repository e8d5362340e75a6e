#!/usr/bin/env bash
# Runs before `npm test` (and `npm run test:e2e`): what the tests need that npm cannot bring here.
# - Debian's Chromium at /usr/bin/chromium, for the browser tests (Playwright cannot download its own here);
# - Debian's redis-server, which the tests of several websocket instances start for themselves (unless REDIS_URL
#   names a Redis to use).
# A bare Debian machine with only Node would otherwise fail late, after the unit tests and the build. As root with
# apt-get it installs what is missing; elsewhere it says how.
set -euo pipefail

chromium=/usr/bin/chromium
packages=()

if [ ! -x "$chromium" ]; then
  packages+=(chromium fonts-liberation)
fi
if [ -z "${REDIS_URL:-}" ] && ! command -v redis-server >/dev/null 2>&1 && [ ! -x /usr/bin/redis-server ]; then
  packages+=(redis-server)
fi

if [ "${#packages[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-test-tools: the tests need Debian packages that are missing: ${packages[*]}" >&2
  echo "ensure-test-tools: install them, then run the tests again:" >&2
  echo "    sudo apt-get install ${packages[*]}" >&2
  exit 1
fi

echo "ensure-test-tools: installing ${packages[*]} with apt-get (running as root)"
echo "ensure-test-tools: apt-get update"
apt-get update -qq
echo "ensure-test-tools: DEBIAN_FRONTEND=noninteractive apt-get install -y ${packages[*]}"
# The package's own service is not wanted: the tests start redis-server themselves, on a port of their own.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null

if [ ! -x "$chromium" ]; then
  echo "ensure-test-tools: apt-get finished but $chromium is still missing; the browser tests cannot run." >&2
  exit 1
fi
if [ -z "${REDIS_URL:-}" ] && ! command -v redis-server >/dev/null 2>&1 && [ ! -x /usr/bin/redis-server ]; then
  echo "ensure-test-tools: apt-get finished but redis-server is still missing; the tests of several instances cannot run." >&2
  exit 1
fi
echo "ensure-test-tools: installed ${packages[*]}"
