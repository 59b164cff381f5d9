#!/usr/bin/env bash
# Issue 15: server memory per open board. Builds in Release and runs bench/CircuitMemory.
# Usage: bench/circuit-memory.sh [--boards N] [--milestones M] [--gcdump FILE]   (defaults: 20 boards, 20 milestones)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -x /usr/bin/chromium ]]; then
  echo "/usr/bin/chromium is missing: apt-get install -y chromium" >&2
  exit 2
fi
dotnet tool restore > /dev/null
dotnet build -c Release bench/CircuitMemory -v quiet -nologo
exec dotnet run -c Release --no-build --project bench/CircuitMemory -- "$@"
