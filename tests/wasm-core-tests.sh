#!/usr/bin/env bash
# Runs llmtap-core's unit tests compiled to wasm32-unknown-unknown under Node with
# wasm-bindgen-test-runner, and proves they ran: the number of tests that passed in wasm
# must equal the number of native tests minus those that only exist natively (they read
# files, which wasm under Node cannot; they live in modules named `native_only`). A run that
# executes 0 tests fails.
set -euo pipefail
cd "$(dirname "$0")/.."

native=$(cargo test --quiet -p llmtap-core --lib -- --list 2>/dev/null | grep -c ': test$')
native_only=$(cargo test --quiet -p llmtap-core --lib -- --list 2>/dev/null | grep ': test$' | grep -c '::native_only::' || true)
expected=$((native - native_only))

log=$(mktemp)
trap 'rm -f "$log"' EXIT
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p llmtap-core --lib --target wasm32-unknown-unknown 2>&1 | tee "$log" | grep -E '^test result|^running' || true
ran=$(sed -n 's/^test result: ok\. \([0-9]*\) passed.*/\1/p' "$log" | head -n1)
if ! grep -q '^test result: ok\.' "$log"; then
  tail -n 40 "$log"
  echo "wasm tests FAILED"
  exit 1
fi
if [ "${ran:-0}" -ne "$expected" ] || [ "$expected" -eq 0 ]; then
  echo "wasm tests: $ran passed under Node, expected $expected (native $native minus $native_only native-only)"
  exit 1
fi
echo "wasm tests: $ran passed under Node (wasm32-unknown-unknown), as many as natively"
