#!/usr/bin/env bash
# Times the aggregator's analysis (drift on every histogram and category feature, spike rules
# on every signal) over N synthetic histogram series (default 10 000 = 5 families × 2000 label
# sets). Prints the machine and the JSON figures of `llmtap drift --once --bench-series N`.
# No thresholds: the figures go to bench/aggregator/RESULTS.md by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
series="${1:-10000}"
cargo build --release -q -p llmtap-cli
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
./target/release/llmtap drift --once --bench-series "$series"
