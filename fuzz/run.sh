#!/usr/bin/env bash
# Runs every fuzz target for N seconds (default 20) from its seed corpus (fuzz/seeds/<target>,
# copied to a scratch corpus so the committed seeds stay as they are) and prints execs and
# findings per target. A crash fails the run and leaves the input in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-20}"
for target in sse_framer json_reader config stream; do
  work="target/corpus/$target"
  mkdir -p "$work" "artifacts/$target"
  cp -n seeds/"$target"/* "$work"/ 2>/dev/null || true
  log="target/$target.log"
  if ! cargo +nightly fuzz run "$target" "$work" -- -max_total_time="$seconds" -max_len=65536 \
       -rss_limit_mb=1024 -print_final_stats=1 >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "fuzz $target: FAILED (input in fuzz/artifacts/$target)"
    exit 1
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  echo "fuzz $target: ${execs:-?} executions in ${seconds}s, no crash"
done
