#!/usr/bin/env bash
# Runs every test: unit, integration (real app + SQLite), bUnit and browser tests (Debian Chromium).
set -euo pipefail
cd "$(dirname "$0")"

if [[ ! -x /usr/bin/chromium ]]; then
    if [[ $(id -u) -eq 0 ]]; then
        echo "Installing Debian's chromium for the browser tests..."
        apt-get update
        apt-get install -y chromium
    else
        echo "warning: /usr/bin/chromium is missing; run as root or 'sudo apt-get install -y chromium'." >&2
    fi
fi

dotnet test Strive.Web.sln "$@"
