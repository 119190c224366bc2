#!/usr/bin/env bash
# Usage: fuzz/run.sh [N] [TARGET...]. Runs every fuzz target (or the TARGETs named) for N
# seconds each (default 15) from its seed corpus (fuzz/seeds/<target>, copied to a scratch
# corpus so the committed seeds stay as they are) and prints execs and findings per target.
# A crash, or an input running over 10 s (a hang), fails the run and leaves the input in
# fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-15}"
targets=(sse_framer ndjson_framer aws_eventstream json_reader decoders refusal_matcher config stream)
if [ $# -gt 1 ]; then targets=("${@:2}"); fi
for target in "${targets[@]}"; do
  work="target/corpus/$target"
  mkdir -p "$work" "artifacts/$target"
  cp -n seeds/"$target"/* "$work"/ 2>/dev/null || true
  log="target/$target.log"
  if ! cargo +nightly fuzz run "$target" "$work" -- -max_total_time="$seconds" -max_len=65536 \
       -rss_limit_mb=1024 -timeout=10 -print_final_stats=1 >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "fuzz $target: FAILED (input in fuzz/artifacts/$target)"
    exit 1
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  echo "fuzz $target: ${execs:-?} executions in ${seconds}s, no crash"
done
