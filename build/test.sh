#!/usr/bin/env bash
# Builds the solution, installs what the tests need that is missing (Debian's chromium for the browser tests),
# runs every test project (the consumer tests among them: both packages packed, apps from `dotnet new` set up by the
# README's quick start, so they need the machine's NuGet sources), runs the guard's unit tests again with AVX-512 and
# with all hardware intrinsics disabled, and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

build/install-chromium.sh || echo "warning: Chromium could not be installed; the browser tests will fail and say how to install it." >&2

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build WidgetIdentity.sln -c Release; then
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

# The guard's unit tests again on the narrower instruction sets, which an AVX-512 machine never runs otherwise: AVX-512
# without VBMI (the nibble-table 512-bit loop; .NET 10 groups VBMI in DOTNET_EnableAVX512v2), without AVX-512 (the AVX2
# path; .NET 10 reads DOTNET_EnableAVX512, earlier versions DOTNET_EnableAVX512F) and without any hardware intrinsics
# (the scalar path).
for setting in "DOTNET_EnableAVX512v2=0" "DOTNET_EnableAVX512F=0 DOTNET_EnableAVX512=0" "DOTNET_EnableHWIntrinsic=0"; do
  name=$(sed 's/DOTNET_Enable//g; s/=0//g; s/ /-/g' <<<"$setting")
  env $setting dotnet test tests/WidgetIdentity.AspNetCore.Tests -c Release --no-build \
    --filter "FullyQualifiedName~WidgetIdentity.Tests.Guard" \
    --logger "trx;LogFileName=WidgetIdentity.AspNetCore.Tests.Guard.no-$name.trx" --results-directory "$results" || status=1
done

passed=0
failed=0
for trx in "$results"/*.trx; do
  [[ -f $trx ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

if ((status != 0 && failed == 0)); then
  failed=1 # a test project that crashed or did not run counts as a failure
fi
echo "$passed passed, $failed failed"
((failed == 0 && passed > 0))
