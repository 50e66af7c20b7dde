#!/usr/bin/env bash
# Installs Debian's Chromium unless it is there: the browser tests drive it through Playwright
# (Playwright's own browser download is not reachable from the machines).
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "install-chromium: /usr/bin/chromium is missing; install Debian's chromium (sudo apt-get install chromium)" >&2
    exit 1
fi
echo "install-chromium: installing chromium (about a minute)"
export DEBIAN_FRONTEND=noninteractive
# Other test projects may be installing packages at the same moment: wait for dpkg's lock.
apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium >/dev/null
