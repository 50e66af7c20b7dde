#!/usr/bin/env bash
# Installs Noto Sans CJK (Debian's fonts-noto-cjk) unless a font for Simplified Chinese is there.
# The simulator's charts draw their text with it; without it their Chinese labels come out empty.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"

if command -v fc-list >/dev/null && [ -n "$(fc-list ':lang=zh-cn' family 2>/dev/null | grep -i 'Noto Sans CJK SC' || true)" ]; then
    exit 0
fi
apt_install install-cjk-font "fonts-noto-cjk (about 10 s)" fonts-noto-cjk fontconfig
fc-cache -f >/dev/null
