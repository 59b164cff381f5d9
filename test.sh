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

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Strive.Web.sln "$@" 2>&1 | tee "$log" || status=$?

# One closing line over every test project, from the runner's own per-project summaries.
awk '/(Passed|Failed)! +- +Failed:/ {
        gsub(",", ""); for (i = 1; i <= NF; i++) {
            if ($i == "Failed:") f += $(i + 1); if ($i == "Passed:") p += $(i + 1); if ($i == "Skipped:") s += $(i + 1)
        }
    }
    END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
