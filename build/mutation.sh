#!/usr/bin/env bash
# Mutation score of the suites (Stryker.NET, a local dotnet tool: dotnet-tools.json). Slow (tens of minutes on two
# cores), so build/test.sh does not run it; run it before a release and after changing the code it covers.
#
#   build/mutation.sh                 # both scopes
#   build/mutation.sh rendering-core  # Rendering, Hashing, Users, Dialects, Configuration, TagHelpers
#   build/mutation.sh guard-http      # the guard's HTTP side: Guard/*.cs (not Guard/Scanning)
#   build/mutation.sh rendering-core -- --mutate '**/Dialects/CustomAttributeValues.cs'
#                                     # arguments after -- go to Stryker: here, one changed file of the scope
#
# Each scope's settings are in build/mutation/<scope>.json; its HTML and JSON reports go to
# artifacts/mutation/<scope>/reports. Stryker builds the test projects with mutated code in their own output
# folders: build again (dotnet build -c Release) before running the tests yourself.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

scopes=()
stryker_args=()
while (($# > 0)); do
  if [[ $1 == -- ]]; then
    shift
    stryker_args=("$@")
    break
  fi
  scopes+=("$1")
  shift
done
if ((${#scopes[@]} == 0)); then
  scopes=(rendering-core guard-http)
fi

dotnet tool restore >/dev/null
root=$PWD
for scope in "${scopes[@]}"; do
  config="$root/build/mutation/$scope.json"
  [[ -f $config ]] || { echo "unknown scope '$scope' (build/mutation/*.json lists them)" >&2; exit 2; }
  output="$root/artifacts/mutation/$scope"
  rm -rf "$output"
  (cd src/WidgetIdentity.AspNetCore && dotnet dotnet-stryker --config-file "$config" --output "$output" "${stryker_args[@]}")
  report=$(find "$output" -name 'mutation-report.json' | head -n 1)
  python3 - "$scope" "$report" <<'PY'
import json, sys
scope, path = sys.argv[1:3]
counts = {}
for file in json.load(open(path))["files"].values():
    for mutant in file["mutants"]:
        counts[mutant["status"]] = counts.get(mutant["status"], 0) + 1
killed = counts.get("Killed", 0) + counts.get("Timeout", 0)
valid = killed + counts.get("Survived", 0) + counts.get("NoCoverage", 0)
print(f"{scope}: {100 * killed / valid:.2f}% killed ({counts.get('Killed', 0)} killed, {counts.get('Timeout', 0)} timeouts, "
      f"{counts.get('Survived', 0)} survived, {counts.get('NoCoverage', 0)} without coverage)")
PY
done
