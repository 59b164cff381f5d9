#!/usr/bin/env bash
# The API's hot path against bare Kestrel (issue 11). See bench/README.md "API throughput".
#
#   bench/api-throughput.sh                 wrk: GET /api/v1/goals/{id}/milestones (20 milestones, a valid key)
#                                           against bare Kestrel serving the same bytes, alternating rounds
#   bench/api-throughput.sh --sql           SQL commands per request (list at 1 and 200, move/append at 10 and 500, a 429)
#   bench/api-throughput.sh --trace         as the default, then a CPU trace of the app under load (dotnet-trace, top methods)
#
# Options: --rounds N (3)  --duration S (10)  --connections C (32)  --warmup S (60, the app's warm-up under wrk)
#          --ref GIT_REF (measure the app as built from that commit instead of the working tree; the bare
#          endpoint always comes from the working tree).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

mode=wrk rounds=3 duration=10 connections=32 ref="" warmup=60
while [[ $# -gt 0 ]]; do
    case "$1" in
        --sql) mode=sql ;;
        --trace) mode=trace ;;
        --rounds) rounds=$2; shift ;;
        --warmup) warmup=$2; shift ;;
        --duration) duration=$2; shift ;;
        --connections) connections=$2; shift ;;
        --ref) ref=$2; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

work=$(mktemp -d /tmp/strive-api-bench.XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [[ -n "$ref" && -d "$work/src" ]]; then git -C "$root" worktree remove --force "$work/src" >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

if [[ $mode == sql ]]; then
    # Run from the repository, not a publish folder: the in-process app (WebApplicationFactory) finds its
    # content root by walking up to Strive.Web.sln.
    echo "== SQL commands per request (the real app in-process, EF Core command interceptor)"
    dotnet run -c Release --project bench/ApiThroughput -v q -- sql
    exit 0
fi

echo "== publishing (Release)"
dotnet publish bench/ApiThroughput -c Release -o "$work/bench" -v q -nologo >/dev/null

if ! command -v wrk >/dev/null; then
    if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null
    else echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; fi
fi

app_src=$root
if [[ -n "$ref" ]]; then
    git -C "$root" worktree add --detach "$work/src" "$ref" >/dev/null 2>&1
    app_src=$work/src
fi
dotnet publish "$app_src/Strive.Web" -c Release -o "$work/app" -v q -nologo >/dev/null

app_port=5181 bare_port=5182
app_url=http://127.0.0.1:$app_port bare_url=http://127.0.0.1:$bare_port

# The app as deployed (Production, appsettings.json logging), over a fresh SQLite file, on core 0.
# The rate limit is raised so that wrk measures the work, not 429s.
settings=(ASPNETCORE_ENVIRONMENT=Production "ASPNETCORE_URLS=$app_url" "ConnectionStrings__Strive=Data Source=$work/strive.db"
    Database__Provider=Sqlite Api__RateLimit__PermitsPerMinute=1000000000 Deadlines__ScanInterval=1.00:00:00
    Logging__LogLevel__Microsoft.AspNetCore.DataProtection=Error)
(
    cd "$work/app"
    env "${settings[@]}" ./Strive.Web admin create-user --email bench@example.test --password 'Bench-passw0rd!' >/dev/null
    env "${settings[@]}" ./Strive.Web admin create-api-key --email bench@example.test --name bench \
        --scopes goals:read,goals:write,milestones:read,milestones:write >"$work/key"
    exec env "${settings[@]}" taskset -c 0 ./Strive.Web >"$work/app.log" 2>&1
) &
pids+=($!)   # the subshell execs env, which execs taskset, which execs the app: this is the app's pid
app_pid=$!
for _ in $(seq 1 300); do curl -sf "$app_url/status" >/dev/null && break; sleep 0.5; done
curl -sf "$app_url/status" >/dev/null || { echo "the app did not start:"; cat "$work/app.log"; exit 1; }

key=$(grep -o 'sk_live_[0-9a-f]\{64\}' "$work/key")
auth="Authorization: Bearer $key"
goal=$(curl -sf -H "$auth" -H 'Content-Type: application/json' -d '{"title": "Run a marathon"}' \
    "$app_url/api/v1/goals" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
for i in $(seq 1 20); do
    curl -sf -o /dev/null -H "$auth" -H 'Content-Type: application/json' \
        -d "{\"content\": \"Milestone $i: run $((i * 2)) km without stopping\", \"description\": \"Week $i of the plan.\", \"subtasks\": [{\"content\": \"Warm up\", \"completed\": true}, {\"content\": \"Stretch\", \"completed\": false}]}" \
        "$app_url/api/v1/goals/$goal/milestones"
done
list=$app_url/api/v1/goals/$goal/milestones
curl -sf -H "$auth" "$list" >"$work/list.json"

(exec taskset -c 0 dotnet "$work/bench/ApiThroughput.dll" bare --urls "$bare_url" --file "$work/list.json" >"$work/bare.log" 2>&1) &
pids+=($!)
bare_pid=$!
for _ in $(seq 1 60); do curl -sf -o /dev/null "$bare_url/" && break; sleep 0.5; done

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version)"
echo "== app: ${ref:-working tree} ($(git -C "$app_src" rev-parse --short HEAD)); body $(wc -c <"$work/list.json") bytes; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# CPU seconds the process has used (user + system), in clock ticks; per request it is the figure a busy machine
# disturbs least (the other sessions take core 0 away, they do not make a request cost more cycles).
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
cpu_us() { awk -v t="$1" -v hz="$hz" -v n="$2" 'BEGIN { printf "%.0f", (n > 0) ? t / hz * 1e6 / n : 0 }'; }

# wrk --latency prints "50%  1.23ms" and "99%  4.56ms"; convert to milliseconds.
ms() { awk -v p="$1" '$1 == p { v = $2; u = v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v);
    f = (u == "us") ? 0.001 : (u == "s") ? 1000 : 1; printf "%.2f", v * f }'; }
measure() { # url, extra header, pid, seconds -> "rps p50 p99 non2xx cpu_us_per_request"
    local out t0 t1
    t0=$(ticks "$3")
    if [[ -n "$2" ]]; then out=$(taskset -c 1 wrk -t1 -c"$connections" -d"${4}s" --latency -H "$2" "$1")
    else out=$(taskset -c 1 wrk -t1 -c"$connections" -d"${4}s" --latency "$1"); fi
    t1=$(ticks "$3")
    local rps p50 p99 bad n
    rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
    n=$(awk '/requests in/ { print $1 }' <<<"$out")
    p50=$(ms 50% <<<"$out"); p99=$(ms 99% <<<"$out")
    bad=$(awk '/Non-2xx/ { print $NF }' <<<"$out"); echo "$rps $p50 $p99 ${bad:-0} $(cpu_us $((t1 - t0)) "$n")"
}

# Warm both, unmeasured. The app runs tiered compilation with dynamic PGO: its hot path is compiled three times
# (quick, instrumented, optimized) by a background thread that shares core 0 with the requests, which takes
# tens of seconds under load (bare Kestrel's few methods settle in a few). Warm the app for --warmup seconds in
# 10 s steps and print the ramp: the rounds then measure the app as it runs, not its JIT.
echo "== warm-up: the app for $warmup s (10 s steps), bare Kestrel for 5 s"
for step in $(seq 10 10 "$warmup"); do
    read -r wrps _ _ _ wcpu <<<"$(measure "$list" "$auth" "$app_pid" 10)"
    echo "   app after $step s: $wrps req/s, $wcpu CPU µs per request"
done
read -r wrps _ _ _ wcpu <<<"$(measure "$bare_url/" "" "$bare_pid" 5)"
echo "   bare after 5 s: $wrps req/s, $wcpu CPU µs per request"

printf '\n| round | app req/s | app p50 ms | app p99 ms | app CPU µs/req | bare req/s | bare p50 ms | bare p99 ms | bare CPU µs/req | ratio |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
ratios=() app_p99s=() app_cpus=() bare_cpus=()
for r in $(seq 1 "$rounds"); do
    # Alternate which goes first, so neither always gets the quieter half of a round.
    if (( r % 2 )); then a=$(measure "$list" "$auth" "$app_pid" "$duration"); b=$(measure "$bare_url/" "" "$bare_pid" "$duration")
    else b=$(measure "$bare_url/" "" "$bare_pid" "$duration"); a=$(measure "$list" "$auth" "$app_pid" "$duration"); fi
    read -r arps ap50 ap99 abad acpu <<<"$a"; read -r brps bp50 bp99 _ bcpu <<<"$b"
    [[ $abad != 0 ]] && echo "warning: $abad non-2xx answers from the app in round $r" >&2
    ratio=$(awk -v a="$arps" -v b="$brps" 'BEGIN { printf "%.3f", a / b }')
    ratios+=("$ratio"); app_p99s+=("$ap99"); app_cpus+=("$acpu"); bare_cpus+=("$bcpu")
    printf '| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$r" "$arps" "$ap50" "$ap99" "$acpu" "$brps" "$bp50" "$bp99" "$bcpu" "$ratio"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "median ratio (authenticated list / bare Kestrel): $(median "${ratios[@]}")   (done when >= 0.20)"
echo "median p99 of the list: $(median "${app_p99s[@]}") ms at $connections connections   (done when <= 10 ms)"
echo "median CPU per request: app $(median "${app_cpus[@]}") µs, bare $(median "${bare_cpus[@]}") µs (user + system time of each process)"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ $mode == trace ]]; then
    echo; echo "== CPU trace of the app under load (dotnet-trace, $duration s)"
    dotnet tool restore >/dev/null
    taskset -c 1 wrk -t1 -c"$connections" -d"$((duration + 6))s" -H "$auth" "$list" >/dev/null &
    wrk_pid=$!
    sleep 2
    dotnet dotnet-trace collect -p "$app_pid" --profile dotnet-sampled-thread-time --duration "00:00:00:$duration" \
        -o "$work/app.nettrace" >/dev/null
    wait "$wrk_pid" || true
    dotnet dotnet-trace report "$work/app.nettrace" topN -n 60 --inclusive
    cp "$work/app.nettrace" "${TRACE_OUT:-/tmp/strive-api.nettrace}" && echo "trace kept at ${TRACE_OUT:-/tmp/strive-api.nettrace}"
fi
