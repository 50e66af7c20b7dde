#!/usr/bin/env bash
# Installs Noto Sans CJK (Debian's fonts-noto-cjk) unless a font for Simplified Chinese is there.
# The simulator's charts draw their text with it; without it their Chinese labels come out empty.
set -euo pipefail

if command -v fc-list >/dev/null && [ -n "$(fc-list ':lang=zh-cn' family 2>/dev/null | grep -i 'Noto Sans CJK SC' || true)" ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "install-cjk-font: Noto Sans CJK SC is missing; install Debian's fonts-noto-cjk (sudo apt-get install fonts-noto-cjk)" >&2
    exit 1
fi
echo "install-cjk-font: installing fonts-noto-cjk (about 10 s)"
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends fonts-noto-cjk fontconfig >/dev/null
fc-cache -f >/dev/null
