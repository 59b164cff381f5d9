#!/usr/bin/env bash
# Issue 15: server memory per open board. Builds bench/CircuitMemory in Release and runs it; it publishes
# Strive.Web (Release) into a temp folder and measures that app in a process of its own.
# Usage: bench/circuit-memory.sh [--boards N] [--milestones M] [--warm-boards K] [--rounds R] [--gcdump DIR] [--smaps DIR]
#        (defaults: 20 boards, 20 milestones, 40 warm-up boards, 3 rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -x /usr/bin/chromium ]]; then
  echo "/usr/bin/chromium is missing: apt-get install -y chromium" >&2
  exit 2
fi
dotnet tool restore > /dev/null
dotnet build -c Release bench/CircuitMemory -v quiet -nologo
exec dotnet run -c Release --no-build --project bench/CircuitMemory -- "$@"
