#!/usr/bin/env bash
# Runs before `npm test` (and `npm run test:e2e`): the browser tests need Debian's Chromium at /usr/bin/chromium,
# which neither npm nor Playwright can bring here, so a bare Debian machine with only Node would otherwise fail
# late, after the unit tests and the build. As root with apt-get it installs it; elsewhere it says how.
set -euo pipefail

chromium=/usr/bin/chromium
packages=(chromium fonts-liberation)

if [ -x "$chromium" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-test-tools: the browser tests need Debian's Chromium at $chromium, which is missing." >&2
  echo "ensure-test-tools: install it, then run the tests again:" >&2
  echo "    sudo apt-get install ${packages[*]}" >&2
  exit 1
fi

echo "ensure-test-tools: $chromium is missing; installing ${packages[*]} with apt-get (running as root)"
echo "ensure-test-tools: apt-get update"
apt-get update -qq
echo "ensure-test-tools: DEBIAN_FRONTEND=noninteractive apt-get install -y ${packages[*]}"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null

if [ ! -x "$chromium" ]; then
  echo "ensure-test-tools: apt-get finished but $chromium is still missing; the browser tests cannot run." >&2
  exit 1
fi
echo "ensure-test-tools: installed $("$chromium" --version 2>/dev/null || echo "$chromium")"
