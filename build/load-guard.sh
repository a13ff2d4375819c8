#!/usr/bin/env bash
# Measures what the secret guard costs a real server through Kestrel on 127.0.0.1, guard off (A) against guard on
# (B), interleaved runs, server CPU per request from /proc, for each way a response is written:
#   - a 100 KB HTML page through Response.Body.WriteAsync in 4 KB, 16 KB and 64 KB writes, through the response
#     PipeWriter, and as a static file (MapStaticAssets); a 1 KB JSON answer (Results.Json): all on the lean
#     load site (build/benchmarks/WidgetIdentity.LoadSite), minimal API endpoints as a new user writes them;
#   - the sample site's 100 KB Razor page (/Catalog);
# then the peak memory of a 1 GB streamed response through the guard against a 64 MB one.
# Servers run on CPU 1 and wrk on CPU 0 (taskset) where the machine has two, so the load generator does not skew
# the server CPU measured; only one server is under load at a time.
# Usage: [WARMUP=30] build/load-guard.sh [runs=9] [seconds=3] [only=regex over the row labels]. Needs wrk (apt-get install -y wrk)
# and curl. Prints one line per round, a median line per path, and a summary table.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
seconds=${2:-3}
only=${3:-.}
warmup=${WARMUP:-30} # seconds of load on each server before a path's rounds (the Razor page: 90)
server_cpu=(); client_cpu=()
if (($(nproc) >= 2)) && command -v taskset >/dev/null; then
  server_cpu=(taskset -c 1); client_cpu=(taskset -c 0)
fi
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
dotnet build sample-site -c Release -v q -nologo >/dev/null
dotnet build tests/sites/WidgetIdentity.GuardTestSite -c Release -v q -nologo >/dev/null
dotnet build build/benchmarks/WidgetIdentity.LoadSite -c Release -v q -nologo >/dev/null

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

wait_for() { # url
  for _ in $(seq 100); do curl -sf "$1" -o /dev/null && return; sleep 0.2; done
  echo "server for $1 did not start" >&2; exit 1
}

start_sample() { # port guard-off
  (cd sample-site && WidgetIdentity__Secret="BENCHMARK-ONLY-load-test-secret-0123" ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=0 \
    exec "${server_cpu[@]}" dotnet ../artifacts/bin/SampleSite/release/SampleSite.dll --urls "http://127.0.0.1:$1" \
    --ConnectionStrings:SampleSite="Data Source=$work/sample-$1.db" --SampleSite:Benchmark:GuardOff="$2" \
    --Logging:LogLevel:Default=Warning >/dev/null 2>&1) &
  pids+=($!)
  wait_for "http://127.0.0.1:$1/Catalog"
}

start_test_site() { # port guard-off
  ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=0 "${server_cpu[@]}" dotnet artifacts/bin/WidgetIdentity.GuardTestSite/release/WidgetIdentity.GuardTestSite.dll \
    --contentRoot "$PWD/tests/sites/WidgetIdentity.GuardTestSite" --urls "http://127.0.0.1:$1" --Site:GuardOff="$2" \
    --Logging:LogLevel:Default=Warning >/dev/null 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$1/big"
}

start_load_site() { # port guard-off
  ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=0 "${server_cpu[@]}" dotnet artifacts/bin/WidgetIdentity.LoadSite/release/WidgetIdentity.LoadSite.dll \
    --contentRoot "$PWD/build/benchmarks/WidgetIdentity.LoadSite" --urls "http://127.0.0.1:$1" --LoadSite:GuardOff="$2" >/dev/null 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$1/json"
}

server_pid() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

measure() { # port path -> microseconds of server CPU per request, requests
  local pid before after requests
  pid=$(server_pid "$1")
  before=$(cpu_ticks "$pid")
  requests=$("${client_cpu[@]}" wrk -t1 -c4 -d"${seconds}s" "http://127.0.0.1:$1$2" | awk '/requests in/ {print $1}')
  after=$(cpu_ticks "$pid")
  awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN {printf "%.2f %d\n", ticks * 1000000 / hz / n, n}'
}

summary=()
compare() { # label path port-off port-on [warm-up seconds=$WARMUP]
  [[ $1 =~ $only ]] || return 0
  local a=() b=() ua ra ub rb
  # Warm-up: tiered compilation needs tens of seconds under load to reach its optimized code on a server pinned to one
  # busy core, the guarded server longer (it has more to compile: after 24 s under load, Kestrel's send path there still
  # ran instrumented code), a Razor page longer still.
  for port in "$3" "$4"; do "${client_cpu[@]}" wrk -t1 -c4 -d"${5:-$warmup}s" "http://127.0.0.1:$port$2" >/dev/null; done
  for run in $(seq "$runs"); do
    read -r ua ra < <(measure "$3" "$2")
    read -r ub rb < <(measure "$4" "$2")
    echo "$1 run $run: guard off ${ua} us CPU/request ($ra requests), guard on ${ub} us CPU/request ($rb requests)"
    a+=("$ua"); b+=("$ub")
  done
  local ma mb
  ma=$(median "${a[@]}"); mb=$(median "${b[@]}")
  local ratio
  ratio=$(awk "BEGIN {printf \"%.3f\", $mb / $ma}")
  echo "$1 median server CPU per request: guard off ${ma} us, guard on ${mb} us, ratio $ratio"
  summary+=("| $1 | \`$2\` | $ma | $mb | $ratio |")
}

start_load_site 5101 true
start_load_site 5102 false
compare "100 KB, Stream, 4 KB writes" /stream/4096 5101 5102
compare "100 KB, Stream, 16 KB writes" /stream/16384 5101 5102
compare "100 KB, Stream, 64 KB writes" /stream/65536 5101 5102
compare "100 KB, PipeWriter" /pipe 5101 5102
compare "100 KB, static file" /page.html 5101 5102
compare "1 KB JSON" /json 5101 5102

start_sample 5103 true
start_sample 5104 false
compare "100 KB Razor page (sample site)" /Catalog 5103 5104 90

echo
echo "| Path | Endpoint | Guard off (us CPU/request) | Guard on (us CPU/request) | Ratio |"
echo "| --- | --- | ---: | ---: | ---: |"
printf '%s\n' "${summary[@]}"
echo
[[ "memory" =~ $only ]] || exit 0

# Peak memory (VmHWM) of a fresh guarded server after a 64 MB and then a 1 GB streamed response.
start_test_site 5105 false
mem=$(server_pid 5105)
curl -sf "http://127.0.0.1:5105/stream?megabytes=64" -o /dev/null
after64=$(awk '/VmHWM/ {print $2}' "/proc/$mem/status")
curl -sf "http://127.0.0.1:5105/stream?megabytes=1024" -o /dev/null
after1g=$(awk '/VmHWM/ {print $2}' "/proc/$mem/status")
echo "peak memory of the guarded server: after 64 MB streamed ${after64} kB, after 1 GB streamed ${after1g} kB"
