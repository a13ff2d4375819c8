#!/usr/bin/env bash
# Compares the guard's scan at two commits, A and B: the library of each commit with this checkout's benchmark
# project, built in a git worktree; then N processes of each, alternating A and B, each printing the median time of
# IndexOf over the 100 KB page, the scan of that page and the scan of the prefix-heavy adversarial input (the
# scanner alone, in writes of the given size). Every process gets its own JIT outcome, which moves a scan's time by
# 10-30%, so the medians are over processes. Prints each process's line, then per side the median of each case, the
# ratio B/A, and the median over processes of each case's time over IndexOf's time in the same process (which takes
# out how fast the machine was while that process ran). Environment settings pass through (DOTNET_EnableAVX512=0 runs the AVX2 path).
# Usage: build/scan-ab.sh <commit A> <commit B> [processes per side=8] [write size=4096]
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 2 ]] || { echo "usage: build/scan-ab.sh <commit A> <commit B> [processes=8] [write size=4096]" >&2; exit 2; }
commits=("$1" "$2"); processes=${3:-8}; write=${4:-4096}
work=$(mktemp -d)
cleanup() { for side in a b; do git worktree remove --force "$work/$side" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

for i in 0 1; do
  side=$([[ $i == 0 ]] && echo a || echo b)
  git worktree add -q --detach "$work/$side" "${commits[$i]}"
  rm -rf "$work/$side/build/benchmarks"
  cp -r build/benchmarks "$work/$side/build/benchmarks"
  rm -rf "$work/$side/build/benchmarks/"*/bin "$work/$side/build/benchmarks/"*/obj
  dotnet build "$work/$side/build/benchmarks/WidgetIdentity.Benchmarks" -c Release -v q -nologo >/dev/null
done

results=$(mktemp)
for run in $(seq "$processes"); do
  for side in a b; do
    line=$(dotnet "$work/$side/artifacts/bin/WidgetIdentity.Benchmarks/release/WidgetIdentity.Benchmarks.dll" --scan-ratio "$write")
    echo "$side $line" | tee -a "$results"
  done
done

echo
echo "Medians over $processes processes per side (us), writes of $write bytes; A = ${commits[0]}, B = ${commits[1]}:"
awk '
  {
    for (f = 2; f < NF; f += 2) { v[$1, $f] = v[$1, $f] " " $(f + 1); names[$f] = 1; if ($f == "indexof") base = $(f + 1) }
    for (f = 2; f < NF; f += 2) r[$1, $f] = r[$1, $f] " " $(f + 1) / base
  }
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    for (name in names) {
      ma = median(v["a", name]); mb = median(v["b", name])
      printf "%-12s A %8.2f  B %8.2f  B/A %.3f   over IndexOf in its process: A %.3f  B %.3f\n", name, ma, mb, mb / ma, median(r["a", name]), median(r["b", name])
    }
  }' "$results"
rm -f "$results"
