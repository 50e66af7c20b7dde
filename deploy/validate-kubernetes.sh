#!/usr/bin/env bash
# Validates the Kubernetes manifests against the Kubernetes API schemas, offline.
#
#   deploy/validate-kubernetes.sh [FILE.yaml...]     (default: deploy/kubernetes/*.yaml)
#
# The schemas come from the kubernetes-models package pinned in deploy/kubernetes-validate
# (package.json and its lock file); this script installs it there with npm ci when the lock file
# changed, and installs Debian's nodejs and npm first when node is missing and we are root.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
tool="$here/kubernetes-validate"
source "$here/apt-install.sh"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    apt_install validate-kubernetes "nodejs and npm" nodejs npm
fi

lock_sum="$(sha256sum "$tool/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$tool/node_modules/.lock-sha256" 2>/dev/null)" != "$lock_sum" ]; then
    # Two test runs may install at once: one at a time.
    exec 9>"$tool/.install-lock"
    flock 9
    if [ "$(cat "$tool/node_modules/.lock-sha256" 2>/dev/null)" != "$lock_sum" ]; then
        (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
        echo "$lock_sum" >"$tool/node_modules/.lock-sha256"
    fi
    flock -u 9
fi

if [ "$#" -eq 0 ]; then
    set -- "$here"/kubernetes/*.yaml
fi
exec node "$tool/validate.mjs" "$@"
