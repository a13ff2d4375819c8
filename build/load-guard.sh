#!/usr/bin/env bash
# Measures what the secret guard costs a real server: the guard test site's 100 KB page through Kestrel on
# 127.0.0.1, guard off (A) against guard on (B), interleaved runs, server CPU per request from /proc; then peak
# memory of a 1 GB streamed response through the guard against a 64 MB one.
# Usage: build/load-guard.sh [runs=5] [seconds=5]. Needs wrk (apt-get install -y wrk) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
seconds=${2:-5}
site=tests/sites/WidgetIdentity.GuardTestSite
dll=artifacts/bin/WidgetIdentity.GuardTestSite/release/WidgetIdentity.GuardTestSite.dll
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
dotnet build "$site" -c Release -v q -nologo >/dev/null

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

start() { # port guard-off
  ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=0 dotnet "$dll" --contentRoot "$PWD/$site" \
    --urls "http://127.0.0.1:$1" --Site:GuardOff="$2" --Logging:LogLevel:Default=Warning >/dev/null 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$1/big" -o /dev/null && return; sleep 0.2; done
  echo "server on port $1 did not start" >&2; exit 1
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

start 5101 true;  off=${pids[-1]}
start 5102 false; on=${pids[-1]}
for port in 5101 5102; do wrk -t1 -c4 -d2s "http://127.0.0.1:$port/big" >/dev/null; done # warm-up

measure() { # pid port -> microseconds of server CPU per request
  local before after requests
  before=$(cpu_ticks "$1")
  requests=$(wrk -t1 -c4 -d"${seconds}s" "http://127.0.0.1:$2/big" | awk '/requests in/ {print $1}')
  after=$(cpu_ticks "$1")
  echo $(( (after - before) * 1000000 / $(getconf CLK_TCK) / requests )) "$requests"
}

a=(); b=()
for run in $(seq "$runs"); do
  read -r ua ra < <(measure "$off" 5101)
  read -r ub rb < <(measure "$on" 5102)
  echo "run $run: guard off ${ua} us CPU/request ($ra requests), guard on ${ub} us CPU/request ($rb requests)"
  a+=("$ua"); b+=("$ub")
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
ma=$(median "${a[@]}"); mb=$(median "${b[@]}")
echo "median server CPU per request: guard off ${ma} us, guard on ${mb} us, ratio $(awk "BEGIN {printf \"%.3f\", $mb / $ma}")"

# Peak memory (VmHWM) of a fresh guarded server after a 64 MB and then a 1 GB streamed response.
start 5103 false; mem=${pids[-1]}
curl -sf "http://127.0.0.1:5103/stream?megabytes=64" -o /dev/null
after64=$(awk '/VmHWM/ {print $2}' "/proc/$mem/status")
curl -sf "http://127.0.0.1:5103/stream?megabytes=1024" -o /dev/null
after1g=$(awk '/VmHWM/ {print $2}' "/proc/$mem/status")
echo "peak memory of the guarded server: after 64 MB streamed ${after64} kB, after 1 GB streamed ${after1g} kB"
