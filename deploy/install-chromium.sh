#!/usr/bin/env bash
# Installs Debian's Chromium unless it is there: the browser tests drive it through Playwright
# (Playwright's own browser download is not reachable from the machines).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"

if [ -x /usr/bin/chromium ]; then
    exit 0
fi
apt_install install-chromium "chromium (about a minute)" chromium
