#!/usr/bin/env bash
# Sourced by the deploy scripts that need a Debian package: installs it as root, or says which
# package to install and fails.
#
#   apt_install SCRIPT WHAT PACKAGE...     e.g. apt_install install-chromium "chromium (about a minute)" chromium

apt_install() {
    local script="$1" what="$2"
    shift 2
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
        echo "$script: $* missing; install it (sudo apt-get install $*)" >&2
        return 1
    fi
    echo "$script: installing $what"
    export DEBIAN_FRONTEND=noninteractive
    # Other test projects may be installing packages at the same moment: wait for dpkg's lock.
    apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null
    apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$@" >/dev/null
}
