#!/usr/bin/env bash
# Installs curl and jq (Debian's packages) unless both are there: README's API example uses them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"

if command -v curl >/dev/null && command -v jq >/dev/null; then
    exit 0
fi
apt_install install-api-tools "curl and jq" curl jq
