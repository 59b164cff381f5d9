#!/usr/bin/env bash
# Runs every test: unit, integration (real app + SQLite), bUnit and browser tests (Debian Chromium).
set -euo pipefail
cd "$(dirname "$0")"

# The tools the browser and scale-out tests start; Debian's locations unless the environment names others.
chromium=${STRIVE_CHROMIUM:-/usr/bin/chromium}
redis_server=${STRIVE_REDIS_SERVER:-/usr/bin/redis-server}
nginx=${STRIVE_NGINX:-/usr/sbin/nginx}

if [[ ! -x $chromium ]]; then
    if [[ $(id -u) -eq 0 ]]; then
        echo "Installing Debian's chromium for the browser tests..."
        apt-get update
        apt-get install -y chromium
    else
        echo "warning: $chromium is missing; run as root or 'sudo apt-get install -y chromium'." >&2
    fi
fi

# The scale-out tests (issue 14) start a real redis-server and nginx; Debian's packages, as for Chromium.
missing=()
[[ -x $redis_server ]] || missing+=(redis-server)
[[ -x $nginx ]] || missing+=(nginx)
if (( ${#missing[@]} > 0 )); then
    if [[ $(id -u) -eq 0 ]]; then
        echo "Installing ${missing[*]} for the scale-out tests..."
        apt-get update
        # The package's own service is not wanted: the tests start their own on free ports.
        DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
        service redis-server stop >/dev/null 2>&1 || true
        service nginx stop >/dev/null 2>&1 || true
    else
        echo "warning: ${missing[*]} missing; run as root or 'sudo apt-get install -y ${missing[*]}'." >&2
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
