#!/usr/bin/env bash
# Installs Debian's chromium (the browser the Playwright tests drive) when it is missing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "chromium is missing: run 'sudo apt-get install -y chromium'" >&2; exit 1; }
  sudo="sudo -n"
fi
echo "Installing Debian's chromium for the browser tests..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
