#!/usr/bin/env bash
# Installs curl and jq (Debian's packages) unless both are there: README's API example uses them.
set -euo pipefail

if command -v curl >/dev/null && command -v jq >/dev/null; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "install-api-tools: curl or jq is missing; install them (sudo apt-get install curl jq)" >&2
    exit 1
fi
echo "install-api-tools: installing curl and jq"
export DEBIAN_FRONTEND=noninteractive
# Other test projects may be installing packages at the same moment: wait for dpkg's lock.
apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends curl jq >/dev/null
