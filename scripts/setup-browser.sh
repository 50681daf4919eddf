#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests of the HTML report (playwright-core drives it;
# playwright's and puppeteer's own browser downloads cannot work on this project's machines).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
sudo_if() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
sudo_if apt-get update -qq
DEBIAN_FRONTEND=noninteractive sudo_if apt-get install -y -qq chromium
