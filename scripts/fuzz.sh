#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/targets/*.cpp) with clang in build/fuzz and runs each for N
# seconds (default 60), as many side by side as there are cores (FUZZ_JOBS overrides), on its seed
# corpus plus what earlier runs found.
# Prints per target: executions, executions per second, edges covered (cov) and features (ft).
# Usage: scripts/fuzz.sh [seconds_per_target] [target ...]     Exit status 1 if any target found a bug;
# the input that triggers it is kept in build/fuzz/findings/<target>/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
build="$root/build/fuzz"

if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for source in "$root"/fuzz/targets/*.cpp; do targets+=("$(basename "$source" .cpp)"); done
fi

CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCINELOCAL_FUZZ=ON >/dev/null
cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}" 2>&1 | tail -n 20  # the last lines: progress, or the error

jobs=${FUZZ_JOBS:-$(nproc)}  # targets run side by side, one core each; each still gets its full time
results="$build/results"
rm -rf "$results"
mkdir -p "$results"

# One target: its summary line goes to $results/<target> (printed in order once all are done).
run_target() {
  local target=$1
  local work="$build/corpus/$target"       # inputs libFuzzer adds; the committed seeds stay read-only
  local findings="$build/findings/$target"
  local log="$build/logs/$target.log"
  mkdir -p "$work" "$findings" "$(dirname "$log")"
  local status=ok
  "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -print_final_stats=1 -max_len=8192 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="$findings/" "$work" "$root/fuzz/corpus/$target" >"$log" 2>&1 || status=FINDING
  local executions per_second cov ft
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
  [ "$status" = ok ] || status="FINDING (see $log and $findings)"
  printf '%-20s %12s %10s %8s %8s  %s\n' "$target" "${executions:-?}" "${per_second:-?}" "${cov:-?}" "${ft:-?}" "$status" \
    >"$results/$target"
}

running=0
for target in "${targets[@]}"; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  run_target "$target" &
  running=$((running + 1))
done
wait

found=0
printf '%-20s %12s %10s %8s %8s  %s\n' target executions exec/s cov ft result
for target in "${targets[@]}"; do
  if [ -f "$results/$target" ]; then
    cat "$results/$target"
    grep -q ' ok$' "$results/$target" || found=1
  else
    printf '%-20s did not report\n' "$target"
    found=1
  fi
done
exit $found
