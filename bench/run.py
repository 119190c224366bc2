#!/usr/bin/env python3
"""`make bench`: A/B benchmarks of Envoy 1.40 with and without llmtap.wasm, the core's
microbenchmarks, instructions and allocations per chunk, and a LiteLLM peer; writes
bench/RESULTS.md (or, with --quick, a smoke run to bench/out/quick-RESULTS.md).

Every speed figure is a ratio or a distribution taken in the same run: the bare and the
filtered Envoy run side by side with the same bootstrap (the filtered one minus its wasm
filter), and each scenario alternates A and B (ABBA...) so drifting background load hits both.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import os
import platform
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
BENCH_BIN = REPO / "target/release/llmtap-bench"
LLMTAP_BIN = REPO / "target/release/llmtap"
WASM = REPO / "build/llmtap.wasm"
# A proxy-wasm module that only copies each response chunk (src/filter/examples/noop_module.rs):
# what any V8 module costs, as a baseline for what llmtap adds.
NOOP_WASM = REPO / "target/wasm32-wasip1/wasm/examples/noop_module.wasm"
LITELLM_VENV = REPO / "bench/.litellm-venv"
CHAT_PATH = "/v1/chat/completions"


# --------------------------------------------------------------------------- helpers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sh(cmd: list[str], **kw) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def worker_cpu_ns(pid: int) -> int:
    """CPU used so far by Envoy's worker threads (`wrk:*`), from /proc/PID/task/*/schedstat."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            if (task / "comm").read_text().strip().startswith("wrk:"):
                total += int((task / "schedstat").read_text().split()[0])
        except OSError:
            continue
    return total


def children_cpu_ns() -> int:
    """CPU used so far by this script's waited-for children (the load generator runs)."""
    import resource
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return int((r.ru_utime + r.ru_stime) * 1e9)


def try_sh(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unavailable"


def envoy_binary() -> Path:
    if os.environ.get("ENVOY_BIN"):
        return Path(os.environ["ENVOY_BIN"])
    found = sorted(glob.glob(str(REPO / ".venv/lib/python3*/site-packages/envoy/_bin/envoy")))
    if not found:
        sys.exit("bench: no Envoy binary (run `make setup` or set ENVOY_BIN)")
    return Path(found[0])


def process_cpu_ns(pid: int) -> int:
    """CPU time of every thread of `pid`, in ns (/proc/PID/task/*/schedstat, first field:
    time spent on the CPU; proc(5)). Finer than the 10 ms ticks of /proc/PID/stat."""
    total = 0
    for stat in glob.glob(f"/proc/{pid}/task/*/schedstat"):
        try:
            total += int(Path(stat).read_text().split()[0])
        except (OSError, ValueError, IndexError):
            pass
    return total


def tree_cpu_ns(pid: int) -> int:
    """`process_cpu_ns` of a process and all its descendants (LiteLLM forks workers)."""
    pids = [pid]
    seen = set()
    while pids:
        p = pids.pop()
        if p in seen:
            continue
        seen.add(p)
        for children in glob.glob(f"/proc/{p}/task/*/children"):
            try:
                pids.extend(int(c) for c in Path(children).read_text().split())
            except OSError:
                pass
    return sum(process_cpu_ns(p) for p in seen)


def status_kib(pid: int, key: str) -> int:
    """A `kB` field of /proc/PID/status (VmRSS, VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def machine_busy() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def other_processes() -> str:
    """The busiest processes right now (what else shares the 2 cores)."""
    out = try_sh(["ps", "-eo", "pcpu,comm", "--sort=-pcpu", "--no-headers"])
    rows = [r.split(None, 1) for r in out.splitlines()[:6] if r.strip()]
    return ", ".join(f"{name.strip()} {cpu}%" for cpu, name in rows if cpu != "0.0")


def percentile_from_buckets(buckets: list[tuple[int, int]], q: float) -> float:
    """Quantile (µs) of merged HdrHistogram buckets [(highest equivalent ns, count)]."""
    total = sum(c for _, c in buckets)
    if total == 0:
        return float("nan")
    want = max(1, int(q * total + 0.999999))
    seen = 0
    for value, count in sorted(buckets):
        seen += count
        if seen >= want:
            return value / 1000.0
    return sorted(buckets)[-1][0] / 1000.0


def merge_buckets(runs: list[dict], key: str) -> list[tuple[int, int]]:
    merged: dict[int, int] = {}
    for run in runs:
        for value, count in run[key]["buckets_ns"]:
            merged[value] = merged.get(value, 0) + count
    return list(merged.items())


def fmt(x: float, digits: int = 1) -> str:
    if x != x:  # NaN
        return "–"
    return f"{x:,.{digits}f}"


def wait_http(url: str, timeout: float, ok=lambda status, body: status == 200) -> float:
    """Polls `url` every 2 ms until `ok`; returns the seconds waited."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if ok(r.status, r.read()):
                    return time.monotonic() - start
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.002)
    raise TimeoutError(f"{url} not ready after {timeout} s")


# --------------------------------------------------------------------------- processes


@dataclass
class Proc:
    name: str
    popen: subprocess.Popen
    log: Path

    @property
    def pid(self) -> int:
        return self.popen.pid

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()


# Measured processes (Envoy, upstream, load generator, LiteLLM) run at this nice value, the
# same for A and B, so compilers and tests sharing the machine disturb them less. Needs root
# (or CAP_SYS_NICE); otherwise they run at the default priority and the report says so.
NICE = -10


def raise_priority() -> None:
    try:
        os.nice(NICE)
    except OSError:
        pass


def priority_note() -> str:
    probe = subprocess.run([sys.executable, "-c", f"import os; os.nice({NICE}); print(os.nice(0))"],
                           capture_output=True, text=True)
    if probe.returncode == 0:
        return f"nice {NICE} for Envoy, upstream, load generator and LiteLLM (other work: nice 0)"
    return "default priority (raising it was not permitted)"


class Processes:
    """Every process the run started, stopped (by pid) on exit."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.procs: list[Proc] = []

    def start(self, name: str, cmd: list[str], env: dict | None = None) -> Proc:
        log = self.workdir / f"{name}.log"
        popen = subprocess.Popen(
            cmd,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
            start_new_session=True,
            preexec_fn=raise_priority,
        )
        proc = Proc(name, popen, log)
        self.procs.append(proc)
        return proc

    def stop(self, proc: Proc) -> None:
        proc.stop()
        self.procs.remove(proc)

    def stop_all(self) -> None:
        for proc in reversed(self.procs):
            proc.stop()
        self.procs.clear()


@dataclass
class Envoy:
    variant: str  # "bare" or "filter" (or "tokenizer")
    proc: Proc
    listen: int
    admin: int
    start_to_ready_s: float

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listen}{CHAT_PATH}"


def render_bootstrap(upstream_port: int, listen: int, admin: int, variant: str,
                     plugin_config: Path | None) -> str:
    """`llmtap run --print-bootstrap`; for the bare variant the wasm filter is removed and
    nothing else changes; the noop variant loads the no-op module instead of llmtap's."""
    wasm = NOOP_WASM if variant == "noop" else WASM
    cmd = [str(LLMTAP_BIN), "run", "--upstream", f"http://127.0.0.1:{upstream_port}",
           "--listen", f"127.0.0.1:{listen}", "--admin", f"127.0.0.1:{admin}",
           "--wasm", str(wasm), "--print-bootstrap"]
    if plugin_config is not None:
        cmd += ["--config", str(plugin_config)]
    text = sh(cmd)
    if variant != "bare":
        return text
    doc = yaml.safe_load(text)
    for listener in doc["static_resources"]["listeners"]:
        for chain in listener["filter_chains"]:
            for f in chain["filters"]:
                hcm = f["typed_config"]
                before = len(hcm["http_filters"])
                hcm["http_filters"] = [h for h in hcm["http_filters"]
                                       if h["name"] != "envoy.filters.http.wasm"]
                if len(hcm["http_filters"]) != before - 1:
                    sys.exit("bench: the rendered bootstrap has no wasm filter to strip")
    return yaml.safe_dump(doc, sort_keys=False)


def start_envoy(procs: Processes, envoy_bin: Path, upstream_port: int, variant: str,
                concurrency: int, plugin_config: Path | None = None) -> Envoy:
    listen, admin = free_port(), free_port()
    config = procs.workdir / f"envoy-{variant}-{listen}.yaml"
    config.write_text(render_bootstrap(upstream_port, listen, admin, variant, plugin_config))
    start = time.monotonic()
    proc = procs.start(f"envoy-{variant}-{listen}", [
        str(envoy_bin), "-c", str(config), "--base-id", str(listen),
        "--concurrency", str(concurrency), "-l", "warning"])
    try:
        wait_http(f"http://127.0.0.1:{admin}/ready", 60)
    except TimeoutError:
        sys.exit(f"bench: Envoy ({variant}) did not become ready; log: {proc.log}\n"
                 + proc.log.read_text()[-2000:])
    return Envoy(variant, proc, listen, admin, time.monotonic() - start)


def load(url: str, shape: dict, duration: float, rate: float | None = None,
         concurrency: int | None = None, extra: list[str] | None = None) -> dict:
    cmd = [str(BENCH_BIN), "load", "--url", url, "--duration-s", str(duration),
           "--events", str(shape["events"]), "--tokens", str(shape["tokens"]),
           "--gap-ms", str(shape["gap_ms"])]
    cmd += ["--rate", str(rate)] if rate is not None else ["--concurrency", str(concurrency)]
    cmd += extra or []
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True,
                                     preexec_fn=raise_priority).stdout)


# --------------------------------------------------------------------------- A/B scenarios


@dataclass
class Scenario:
    name: str
    what: str
    events: int
    tokens: int
    gap_ms: int
    rate: float | None = None
    concurrency: int | None = None
    # Also run through Envoy with the no-op module (the floor any V8 module that reads the
    # body pays), so what llmtap adds beyond it shows in the same run.
    with_noop: bool = False

    @property
    def shape(self) -> dict:
        return {"events": self.events, "tokens": self.tokens, "gap_ms": self.gap_ms}


# A hosted model's token cadence (issue #16): every event is one read that wakes the VM cold.
CADENCE = Scenario("cadence-20ms", "open loop 64 streams/s, 50 events × 1 token, 20 ms apart "
                   "(≈64 streams open, one read per token), bare / no-op module / llmtap",
                   50, 1, 20, rate=64, with_noop=True)
FULL_SCENARIOS = [
    CADENCE,
    Scenario("paced-1tok", "open loop 100 streams/s, 50 events × 1 token, 1 ms apart", 50, 1, 1, rate=100),
    Scenario("paced-64tok", "open loop 100 streams/s, 50 events × 64 tokens, 1 ms apart", 50, 64, 1, rate=100),
    Scenario("many-streams", "open loop 200 streams/s, 50 events × 1 token, 20 ms apart (≈200 streams open)", 50, 1, 20, rate=200),
    Scenario("sat-1tok", "saturation, 8 streams in flight, 200 events × 1 token, no pause", 200, 1, 0, concurrency=8),
    Scenario("sat-64tok", "saturation, 8 streams in flight, 200 events × 64 tokens, no pause", 200, 64, 0, concurrency=8),
    Scenario("sat-1tok-64streams", "saturation, 64 streams in flight, 200 events × 1 token, no pause", 200, 1, 0, concurrency=64),
]
QUICK_SCENARIOS = [CADENCE, FULL_SCENARIOS[1], FULL_SCENARIOS[4]]
# The smoke run (part of `make test`) leaves out the peer (a large pip install) and the
# criterion statistics (minutes); everything else runs briefly.
QUICK_SKIPS = {"litellm", "criterion"}


@dataclass
class Measured:
    runs: list[dict] = field(default_factory=list)
    cpu_ns: int = 0
    upstream_ns: int = 0
    client_ns: int = 0
    busy: int = 0
    total: int = 0

    def add(self, run: dict, cpu_ns: int, busy: int, total: int) -> None:
        self.runs.append(run)
        self.cpu_ns += cpu_ns
        self.busy += busy
        self.total += total

    def sum(self, key: str) -> float:
        return sum(r[key] for r in self.runs)

    def rate(self, key: str) -> float:
        elapsed = self.sum("elapsed_s")
        return self.sum(key) / elapsed if elapsed else float("nan")

    def chunks_per_s(self) -> float:
        return self.rate("chunks")

    def streams_per_s(self) -> float:
        return self.rate("streams_completed")

    def cpu_us_per_chunk(self) -> float:
        chunks = self.sum("chunks")
        return self.cpu_ns / 1000.0 / chunks if chunks else float("nan")

    def quantile(self, key: str, q: float) -> float:
        return percentile_from_buckets(merge_buckets(self.runs, key), q)

    def failed(self) -> int:
        return int(self.sum("streams_failed"))

    def machine_busy_pct(self) -> float:
        return 100.0 * self.busy / self.total if self.total else float("nan")


def run_ab(envoys: list[Envoy], upstream: Proc, scenario: Scenario, reps: int,
           duration: float) -> dict[str, Measured]:
    envoys = [e for e in envoys if e.variant != "noop" or scenario.with_noop]
    results = {e.variant: Measured() for e in envoys}
    for rep in range(reps):
        order = envoys if rep % 2 == 0 else list(reversed(envoys))
        for envoy in order:
            cpu0, up0, cl0 = process_cpu_ns(envoy.proc.pid), process_cpu_ns(upstream.pid), children_cpu_ns()
            busy0, total0 = machine_busy()
            run = load(envoy.url, scenario.shape, duration, scenario.rate, scenario.concurrency)
            busy1, total1 = machine_busy()
            m = results[envoy.variant]
            m.add(run, process_cpu_ns(envoy.proc.pid) - cpu0, busy1 - busy0, total1 - total0)
            m.upstream_ns += process_cpu_ns(upstream.pid) - up0
            m.client_ns += children_cpu_ns() - cl0
    return results


# --------------------------------------------------------------------------- native figures


def build_noop_module() -> Path | None:
    """Builds the no-op baseline module; None (and the report says so) if it does not build."""
    try:
        sh(["cargo", "build", "--quiet", "--profile", "wasm", "--target", "wasm32-wasip1",
            "-p", "llmtap-filter", "--example", "noop_module"], cwd=REPO)
    except subprocess.CalledProcessError:
        return None
    return NOOP_WASM if NOOP_WASM.exists() else None


def cargo_executable(subcommand: str, target: list[str], quick: bool) -> Path:
    """Builds a core target (a no-op when `make` already built it) and returns its path.
    The smoke run uses the `test` profile, which `cargo test --workspace` has already built
    the core for; the real run uses the `callgrind` profile (example: the shipped module's
    optimisation settings, natively) or bench (benches)."""
    profile = ["--profile", "test"] if quick else (
        ["--profile", "callgrind"] if subcommand == "build" else [])
    extra = ["--no-run"] if subcommand == "bench" else []
    out = sh(["cargo", subcommand, "--quiet", "-p", "llmtap-core", *profile, *target, *extra,
              "--message-format=json"], cwd=REPO)
    for line in out.splitlines():
        msg = json.loads(line) if line.startswith("{") else {}
        if msg.get("reason") == "compiler-artifact" and msg.get("executable") \
                and msg["target"]["name"] == target[-1]:
            return Path(msg["executable"])
    raise RuntimeError(f"cargo built no executable for {target}")



def callgrind_instructions(example: Path, args: list[str]) -> int:
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          str(example), *args], capture_output=True, text=True, check=True)
    match = re.search(r"Collected : (\d+)", out.stderr)
    if not match:
        raise RuntimeError("callgrind printed no instruction count:\n" + out.stderr[-1000:])
    return int(match.group(1))


def instructions_per_chunk(quick: bool) -> list[tuple[str, float, str]]:
    """(case, instructions per on_response_body call, how) from two callgrind runs that
    differ only in the number of calls."""
    rows = []
    example = cargo_executable("build", ["--example", "chunk_instructions"], quick)
    small, large = (50, 250) if quick else (100, 600)
    for tokens in (1, 64):
        a = callgrind_instructions(example, ["synthetic", "4", str(small), str(tokens)])
        b = callgrind_instructions(example, ["synthetic", "4", str(large), str(tokens)])
        rows.append((f"OpenAI chat, {tokens} token(s) per event, one event per call",
                     (b - a) / (4 * (large - small)), "steady state: Δ instructions / Δ calls"))
    labels = ["openai_chat", "anthropic", "bedrock_converse"] if not quick else ["anthropic"]
    for label in labels:
        a = callgrind_instructions(example, ["corpus", label, "5"])
        b = callgrind_instructions(example, ["corpus", label, "30"])
        calls = int(re.search(r"calls: (\d+)", sh([str(example), "corpus", label, "25"])).group(1))
        rows.append((f"corpus `{label}`, 256-byte reads", (b - a) / calls,
                     "whole streams: Δ instructions / Δ calls (includes each stream's open and close)"))
    return rows


def instruction_breakdown(quick: bool, workdir: Path) -> list[tuple[str, float]]:
    """Share of instructions by function (self cost) for 1-token OpenAI chunks: a run long
    enough that per-chunk work dominates start-up."""
    example = cargo_executable("build", ["--example", "chunk_instructions"], quick)
    out_file = workdir / "callgrind.out"
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}",
                    str(example), "synthetic", "4", "2000" if quick else "3000", "1"],
                   capture_output=True, check=True)
    text = sh(["callgrind_annotate", str(out_file)])
    rows = []
    for line in text.splitlines():
        m = re.match(r"\s*[\d,]+ \(\s*([\d.]+)%\)\s+(?:\S*?:)?(.+?) \[", line)
        if m and "PROGRAM TOTALS" not in line:
            rows.append((m.group(2), float(m.group(1))))
    return rows[:12]


def allocations(quick: bool) -> list[dict]:
    binary = cargo_executable("bench", ["--bench", "alloc_per_chunk"], quick)
    out = sh([str(binary), "--bench"], cwd=REPO)
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def criterion(quick: bool) -> list[tuple[str, float, float | None]]:
    """(benchmark id, ns per iteration, MB/s) from criterion's estimates."""
    extra = ["--warm-up-time", "0.2", "--measurement-time", "0.3", "--sample-size", "10"] if quick \
        else ["--warm-up-time", "0.5", "--measurement-time", "1.5"]
    subprocess.run(["cargo", "bench", "--quiet", "-p", "llmtap-core", "--bench", "core", "--",
                    *extra], cwd=REPO, check=True, capture_output=True, text=True)
    rows = []
    root = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target")) / "criterion"
    for est in sorted(root.glob("*/*/new/estimates.json")):
        bench_file = est.parent / "benchmark.json"
        info = json.loads(bench_file.read_text())
        if info.get("group_id") not in {"framing", "frame_and_extract", "whole_stream",
                                        "per_chunk", "refusal_scan"}:
            continue
        ns = json.loads(est.read_text())["mean"]["point_estimate"]
        throughput = info.get("throughput") or {}
        nbytes = throughput.get("Bytes")
        mbps = nbytes / ns * 1000.0 if nbytes else None
        rows.append((info["full_id"], ns, mbps))
    return rows


# --------------------------------------------------------------------------- LiteLLM peer


def litellm(procs: Processes, upstream_port: int, filtered: Envoy, quick: bool) -> dict:
    """LiteLLM's proxy (Prometheus callback on) in front of the same upstream, against
    Envoy + llmtap and the upstream direct. Returns what was measured or why not."""
    exe = LITELLM_VENV / "bin/litellm"
    if not exe.exists():
        log = REPO / "bench/out/litellm-install.log"
        why = log.read_text()[-1500:] if log.exists() else "no install log"
        return {"skipped": f"{exe.relative_to(REPO)} is not installed: `make bench-peer` "
                           f"(`pip install -r bench/litellm-requirements.txt`) failed:\n\n```\n{why}\n```"}
    version = try_sh([str(LITELLM_VENV / "bin/python"), "-c",
                      "import importlib.metadata as m; print(m.version('litellm'))"])
    port = free_port()
    config = procs.workdir / "litellm.yaml"
    config.write_text(yaml.safe_dump({
        "model_list": [{"model_name": "bench-model", "litellm_params": {
            "model": "openai/bench-model", "api_base": f"http://127.0.0.1:{upstream_port}/v1",
            "api_key": "bench"}}],
        "litellm_settings": {"callbacks": ["prometheus"], "telemetry": False},
    }))
    proc = procs.start("litellm", [str(exe), "--config", str(config), "--host", "127.0.0.1",
                                   "--port", str(port), "--num_workers", "1"],
                       env={"LITELLM_TELEMETRY": "False", "NO_DOCS": "True",
                            "LITELLM_LOG": "ERROR", "DISABLE_SCHEMA_UPDATE": "True"})
    try:
        started = wait_http(f"http://127.0.0.1:{port}/health/liveliness", 120)
    except TimeoutError:
        procs.stop(proc)
        return {"skipped": "LiteLLM did not start: " + proc.log.read_text()[-1500:]}
    url = f"http://127.0.0.1:{port}{CHAT_PATH}"
    shape = {"events": 50, "tokens": 1, "gap_ms": 0}
    duration = 2.0 if quick else 6.0
    out = {"version": version, "start_s": started, "rows": []}
    targets = [("LiteLLM proxy", url, proc.pid, True), ("Envoy + llmtap", filtered.url,
               filtered.proc.pid, False)]
    load(url, shape, 1.0, concurrency=4)  # warm-up (first request imports providers)
    for name, target, pid, tree in targets:
        cpu0 = tree_cpu_ns(pid) if tree else process_cpu_ns(pid)
        sat = load(target, shape, duration, concurrency=16)
        cpu = (tree_cpu_ns(pid) if tree else process_cpu_ns(pid)) - cpu0
        paced = load(target, {"events": 20, "tokens": 1, "gap_ms": 5}, duration, rate=2)
        out["rows"].append({"name": name, "sat": sat, "cpu_ns": cpu, "paced": paced})
    direct = load(f"http://127.0.0.1:{upstream_port}{CHAT_PATH}",
                  {"events": 20, "tokens": 1, "gap_ms": 5}, duration, rate=2)
    out["direct"] = direct
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as r:
            metrics = r.read().decode()
        out["prometheus_series"] = sum(1 for line in metrics.splitlines()
                                       if line.startswith("litellm_"))
    except (urllib.error.URLError, OSError) as err:
        out["prometheus_series"] = f"unavailable ({err})"
    procs.stop(proc)
    return out


# --------------------------------------------------------------------------- report


def per_core(row: dict) -> float:
    """Streams per second per CPU core the proxy used during the saturation run."""
    sat = row["sat"]
    cores = row["cpu_ns"] / 1e9 / sat["elapsed_s"] if sat["elapsed_s"] else 0.0
    return sat["streams_per_s"] / cores if cores else float("nan")


def litellm_ratio(lite: dict) -> float | None:
    rows = {r["name"]: per_core(r) for r in lite.get("rows", [])}
    if rows.get("LiteLLM proxy") and rows.get("Envoy + llmtap"):
        return rows["Envoy + llmtap"] / rows["LiteLLM proxy"]
    return None


def cadence_figures(res: dict) -> dict | None:
    """llmtap against the no-op module in one scenario (both minus bare Envoy), or None."""
    if not {"bare", "noop", "filter"} <= set(res):
        return None
    a, n, b = res["bare"], res["noop"], res["filter"]
    noop_added = n.cpu_us_per_chunk() - a.cpu_us_per_chunk()
    filter_added = b.cpu_us_per_chunk() - a.cpu_us_per_chunk()
    return {
        "noop_added": noop_added, "filter_added": filter_added,
        "own": filter_added - noop_added,
        "ratio": filter_added / noop_added if noop_added > 0 else float("nan"),
        "noop_ttfb": n.quantile("ttfb", .5) - a.quantile("ttfb", .5),
        "filter_ttfb": b.quantile("ttfb", .5) - a.quantile("ttfb", .5),
        "noop_delivery": n.quantile("chunk_delivery", .5) - a.quantile("chunk_delivery", .5),
        "filter_delivery": b.quantile("chunk_delivery", .5) - a.quantile("chunk_delivery", .5),
    }


def ratio_text(c: dict) -> str:
    """The ratio of added costs, or why there is none (the no-op module measured at or
    below bare Envoy: the run's noise exceeded its cost)."""
    if c["ratio"] != c["ratio"]:
        return "– (no-op module not above bare in this run: noise)"
    return f"{c['ratio']:.2f}×"


def goal(ok: bool | None) -> str:
    return "–" if ok is None else ("met" if ok else "**not met**")


def write_report(path: Path, ctx: dict) -> None:
    L: list[str] = []
    w = L.append
    q = ctx["quick"]
    w("# llmtap benchmarks" + (" (quick smoke run: durations too short to quote)" if q else ""))
    w("")
    w(f"Generated by `{ctx['command']}` on {ctx['date']} in {ctx['elapsed_s']:.0f} s. "
      "Every speed figure below is a ratio or a distribution taken in this run; A (bare Envoy) "
      "and B (Envoy + llmtap.wasm, same bootstrap) run side by side and alternate "
      "(A B, B A, …). Method: `bench/README.md`.")
    w("")
    w("## Machine, versions, load situation")
    w("")
    for k, v in ctx["machine"].items():
        w(f"- {k}: {v}")
    w("")
    sections = ctx["sections"]

    # ---- A/B
    ab = sections.get("ab")
    if ab:
        w("## End-to-end A/B on loopback (Envoy `--concurrency %d`)" % ctx["ab_concurrency"])
        w("")
        w(f"{ctx['reps']} alternating repetitions of {ctx['duration']:g} s per variant and "
          "scenario. Load generator: `llmtap-bench load` (open loop: fixed start schedule, "
          "latency from the scheduled start). Upstream: `llmtap-bench upstream` (one write per "
          "event, each content event stamped with its send time, CLOCK_MONOTONIC). "
          "Delivery latency = arrival at the client − send stamp. Envoy CPU from "
          "/proc/PID/task/*/schedstat; \"machine busy\" is all CPUs from /proc/stat during the "
          "runs (everything: Envoy, upstream, load generator and other users of the machine).")
        w("")
        w("| scenario | variant | chunks/s | streams/s | delivery p50 / p99 / p99.9 µs | TTFB p50 / p99 µs | Envoy CPU µs/chunk | machine busy | failed |")
        w("|---|---|---|---|---|---|---|---|---|")
        for sc, res in ab:
            for variant in res:
                m = res[variant]
                w(f"| {sc.name} | {variant} | {fmt(m.chunks_per_s(), 0)} | {fmt(m.streams_per_s(), 1)} | "
                  f"{fmt(m.quantile('chunk_delivery', .5))} / {fmt(m.quantile('chunk_delivery', .99))} / "
                  f"{fmt(m.quantile('chunk_delivery', .999))} | {fmt(m.quantile('ttfb', .5))} / "
                  f"{fmt(m.quantile('ttfb', .99))} | {fmt(m.cpu_us_per_chunk(), 2)} | "
                  f"{fmt(m.machine_busy_pct(), 0)} % | {m.failed()} |")
        w("")
        w("Scenarios: " + "; ".join(f"`{sc.name}` = {sc.what}" for sc, _ in ab) + ".")
        w("")
        w("### Filter vs bare (B − A, B / A)")
        w("")
        w("| scenario | throughput B/A (chunks/s) | added delivery p50 / p99 / p99.9 µs | added TTFB p50 / p99 µs | added Envoy CPU µs/chunk |")
        w("|---|---|---|---|---|")
        for sc, res in ab:
            a, b = res["bare"], res["filter"]
            d = lambda key, qq: b.quantile(key, qq) - a.quantile(key, qq)  # noqa: E731
            ratio = b.chunks_per_s() / a.chunks_per_s() if a.chunks_per_s() else float("nan")
            w(f"| {sc.name} | {fmt(ratio, 3)} | {fmt(d('chunk_delivery', .5))} / "
              f"{fmt(d('chunk_delivery', .99))} / {fmt(d('chunk_delivery', .999))} | "
              f"{fmt(d('ttfb', .5))} / {fmt(d('ttfb', .99))} | "
              f"{fmt(b.cpu_us_per_chunk() - a.cpu_us_per_chunk(), 2)} |")
        w("")
        for sc, res in ab:
            c = cadence_figures(res)
            if c:
                w(f"### At a token cadence: llmtap vs a no-op module (`{sc.name}`)")
                w("")
                w("Same run, same load: the no-op module (`src/filter/examples/noop_module.rs`) "
                  "only copies each response chunk into the VM, the floor any V8 module that reads "
                  "the body pays. llmtap's own cost = its added Envoy CPU − the no-op module's.")
                w("")
                w("| figure | value |")
                w("|---|---|")
                w(f"| added Envoy CPU per chunk, no-op module | {c['noop_added']:+.2f} µs |")
                w(f"| added Envoy CPU per chunk, llmtap | {c['filter_added']:+.2f} µs |")
                w(f"| llmtap's own cost per chunk (llmtap − no-op) | **{c['own']:+.2f} µs** |")
                w(f"| llmtap's added cost / no-op's added cost | **{ratio_text(c)}** |")
                w(f"| added TTFB p50, no-op / llmtap | {c['noop_ttfb']:+.1f} µs / {c['filter_ttfb']:+.1f} µs |")
                w(f"| added delivery p50, no-op / llmtap | {c['noop_delivery']:+.1f} µs / {c['filter_delivery']:+.1f} µs |")
                w("")
        w("Open-loop rows measure latency at a load both variants sustain (their throughput "
          "ratio is ≈ 1 by construction); saturation rows measure throughput (their latency "
          "includes queueing). A difference smaller than the run-to-run spread of the bare "
          "variant is noise: compare with the repetitions below.")
        w("")
        w("Per repetition (A and B interleaved): chunks/s, delivery p50 µs; and the CPU of "
          "the other two processes (cores used on average over the runs), which share the "
          "machine with Envoy:")
        w("")
        w("| scenario | variant | chunks/s per repetition | delivery p50 per repetition | upstream cores | load generator cores |")
        w("|---|---|---|---|---|---|")
        for sc, res in ab:
            for variant in res:
                m = res[variant]
                el = m.sum("elapsed_s") or float("nan")
                w(f"| {sc.name} | {variant} | {', '.join(fmt(r['chunks_per_s'], 0) for r in m.runs)} | "
                  f"{', '.join(fmt(r['chunk_delivery']['p50_us']) for r in m.runs)} | "
                  f"{fmt(m.upstream_ns / 1e9 / el, 2)} | {fmt(m.client_ns / 1e9 / el, 2)} |")
        w("")

    # ---- start / RSS
    st = sections.get("startup")
    if st:
        w("## Start time, memory, module size (Envoy `--concurrency 2`)")
        w("")
        w(f"Module `build/llmtap.wasm`: **{ctx['wasm_bytes']:,} bytes**. "
          "Start → ready = Envoy spawned → admin `/ready` answers 200 (polled every 2 ms; the "
          "filter's VMs are created before the listener is ready). RSS after a 1 s saturating "
          "load of 8 streams; alternating starts.")
        w("")
        w("| variant | start → ready (s), each start | VmRSS MiB (median) | VmHWM MiB (median) |")
        w("|---|---|---|---|")
        for variant, rows in st.items():
            med = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731
            w(f"| {variant} | {', '.join(f'{r[0]:.3f}' for r in rows)} | "
              f"{med([r[1] for r in rows]) / 1024:.1f} | {med([r[2] for r in rows]) / 1024:.1f} |")
        if "bare" in st and "filter" in st:
            med = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731
            ratio = med([r[1] for r in st["filter"]]) / med([r[1] for r in st["bare"]])
            added = med([r[0] for r in st["filter"]]) - med([r[0] for r in st["bare"]])
            w("")
            w(f"RSS filter / bare: **{ratio:.2f}×**; start → ready added by the filter (median): "
              f"**{added * 1000:.0f} ms**.")
            if "noop" in st:
                noop_ratio = med([r[1] for r in st["noop"]]) / med([r[1] for r in st["bare"]])
                over_noop = med([r[1] for r in st["filter"]]) / med([r[1] for r in st["noop"]])
                noop_added = med([r[0] for r in st["noop"]]) - med([r[0] for r in st["bare"]])
                w("")
                w(f"Baseline `noop` = a proxy-wasm module that only copies each response chunk "
                  f"(`src/filter/examples/noop_module.rs`, {NOOP_WASM.stat().st_size:,} bytes): "
                  f"what any V8 module costs this Envoy. No-op / bare: **{noop_ratio:.2f}×** RSS, "
                  f"+{noop_added * 1000:.0f} ms start; llmtap / no-op: **{over_noop:.2f}×** RSS.")
        w("")

    # ---- native
    instr = sections.get("instructions")
    if instr:
        w("## Instructions per chunk (callgrind, native build of the core)")
        w("")
        w("`valgrind --tool=callgrind` on `src/core/examples/chunk_instructions.rs` (`callgrind` profile: "
          "the release build with the shipped module's whole-program LTO), the whole per-stream state machine (`llmtap_core::stream`) behind a host whose "
          "calls cost nothing; two runs that differ only in the number of chunks, so start-up and "
          "per-stream work cancel out. Stable on a noisy machine; excludes the proxy-wasm ABI "
          "(body copy into the VM, host calls) and V8's code quality.")
        w("")
        w("| case | instructions per call | how |")
        w("|---|---|---|")
        for case, n, how in instr:
            w(f"| {case} | {n:,.0f} | {how} |")
        w("")
        breakdown = sections.get("breakdown")
        if breakdown:
            w("Where they go (1-token OpenAI chunks, self cost by function, top 12; the rest of "
              "the run is start-up and the refusal automaton's construction):")
            w("")
            w("| function | share of all instructions |")
            w("|---|---|")
            for name, pct in breakdown:
                w(f"| `{name}` | {pct:.1f} % |")
            w("")
    allocs = sections.get("allocations")
    if allocs:
        w("## Heap allocations per chunk (counting global allocator)")
        w("")
        w("`cargo bench -p llmtap-core --bench alloc_per_chunk`: a stream already open and "
          "streaming is fed more chunks; every `alloc`/`realloc` during those calls is counted.")
        w("")
        w("| case | calls | allocations | bytes | allocations per call |")
        w("|---|---|---|---|---|")
        for row in allocs:
            if "missing" in row:
                w(f"| {row['case']} | – | corpus file missing: {row['missing']} | | |")
                continue
            w(f"| {row['case']} | {row['chunks']:,} | {row['allocations']:,} | {row['bytes']:,} | "
              f"{row['allocations_per_chunk']:.4f} |")
        w("")
        w("(The `…per_stream` row is per stream, not per chunk: opening, first reads and closing "
          "a stream, including the header strings the `Host` trait returns.)")
        w("")
    crit = sections.get("criterion")
    if crit:
        w("## Microbenchmarks of the core (criterion, native)")
        w("")
        w("`cargo bench -p llmtap-core --bench core` (`src/core/benches/core.rs`; corpus files "
          "per format in `benches/support/mod.rs`). Mean time per iteration; MB/s over the "
          "input bytes.")
        w("")
        w("| benchmark | time per iteration | MB/s |")
        w("|---|---|---|")
        for name, ns, mbps in crit:
            t = f"{ns:,.0f} ns" if ns < 100_000 else f"{ns / 1000:,.1f} µs"
            w(f"| `{name}` | {t} | {fmt(mbps, 0) if mbps else '–'} |")
        w("")
    w("## Tokenizer (issue #4)")
    w("")
    tok = sections.get("tokenizer")
    if tok:
        w(tok)
    else:
        w("Token counting (MB/s, native and V8, against tiktoken-rs in the same run) and Envoy "
          "RSS in each tokenizer mode: `bench/tokenizer/RESULTS.md` (commands in "
          "`bench/tokenizer/README.md`). `bench/run.py --tokenizer-config FILE` adds a third "
          "Envoy variant started with that plugin configuration to the start → ready and RSS "
          "table above (e.g. `{\"tokenizer\": {\"preload\": true}}`).")
    w("")

    lite = sections.get("litellm")
    if lite:
        w("## Peer: LiteLLM proxy on the same streams")
        w("")
        if "skipped" in lite:
            w(f"Not measured: {lite['skipped']}")
        else:
            w(f"LiteLLM {lite['version']} (`litellm --num_workers 1`, `callbacks: [\"prometheus\"]`; "
              f"{lite['prometheus_series']} `litellm_*` lines on its /metrics after the run; "
              f"start → /health/liveliness {lite['start_s']:.1f} s) and Envoy + llmtap "
              "(`--concurrency %d`) in front of the same `llmtap-bench upstream`. Saturation: 16 "
              "streams in flight, 50 events × 1 token, no pause. TTFT: open loop 2 streams/s (a rate LiteLLM sustains), "
              "20 events 5 ms apart; added = p50 through the proxy − p50 direct to the upstream "
              "in the same run. Throughput per core = streams/s ÷ (proxy CPU seconds per "
              "second; LiteLLM's whole process tree)." % ctx["ab_concurrency"])
            w("")
            w("| proxy | streams/s | chunks/s | proxy CPU cores used | streams/s per core | TTFT p50 / p99 ms | added TTFT p50 ms | failed |")
            w("|---|---|---|---|---|---|---|---|")
            direct = lite["direct"]["ttft"]["p50_us"]
            per_core = {}
            for row in lite["rows"]:
                sat = row["sat"]
                cores = row["cpu_ns"] / 1e9 / sat["elapsed_s"] if sat["elapsed_s"] else float("nan")
                per_core[row["name"]] = sat["streams_per_s"] / cores if cores else float("nan")
                p = row["paced"]["ttft"]
                w(f"| {row['name']} | {fmt(sat['streams_per_s'], 1)} | {fmt(sat['chunks_per_s'], 0)} | "
                  f"{fmt(cores, 2)} | {fmt(per_core[row['name']], 0)} | {p['p50_us'] / 1000:.2f} / "
                  f"{p['p99_us'] / 1000:.2f} | {(p['p50_us'] - direct) / 1000:.2f} | "
                  f"{sat['streams_failed'] + row['paced']['streams_failed']} |")
            d = lite["direct"]["ttft"]
            w(f"| (direct to upstream) | | | | | {d['p50_us'] / 1000:.2f} / {d['p99_us'] / 1000:.2f} | 0 | "
              f"{lite['direct']['streams_failed']} |")
            ratio = litellm_ratio(lite)
            if ratio is not None:
                w("")
                w(f"Envoy + llmtap / LiteLLM, streams per second per core: **{ratio:.1f}×**.")
        w("")

    # ---- goals
    w("## Goals (issues #8 and #16) and where we stand")
    w("")
    w("| goal | measured here | status |")
    w("|---|---|---|")
    for g in ctx["goals"]:
        w(f"| {g[0]} | {g[1]} | {g[2]} |")
    w("")
    w("## Commands")
    w("")
    w("```sh")
    for c in ctx["commands"]:
        w(c)
    w("```")
    w("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(L))


def goals(ctx: dict) -> list[tuple[str, str, str]]:
    out = []
    ab = dict((sc.name, res) for sc, res in ctx["sections"].get("ab", []))
    sat = [res for name, res in ab.items() if name.startswith("sat")]
    if sat:
        ratios = [r["filter"].chunks_per_s() / r["bare"].chunks_per_s() for r in sat]
        out.append(("saturated throughput ≥ 0.85× bare Envoy",
                    "B/A chunks/s " + ", ".join(f"{x:.3f}" for x in ratios),
                    goal(min(ratios) >= 0.85)))
        cpu = [r["filter"].cpu_us_per_chunk() - r["bare"].cpu_us_per_chunk() for r in sat]
        out.append(("added CPU per chunk ≤ 1 µs p50 / ≤ 5 µs p99",
                    "mean added Envoy CPU per chunk at saturation " + ", ".join(f"{x:.2f} µs" for x in cpu)
                    + " (per-chunk p50/p99 are not observable from outside the VM; see callgrind)",
                    goal(max(cpu) <= 1.0) if cpu else "–"))
    paced = [res for name, res in ab.items() if not name.startswith("sat")]
    if paced:
        d99 = [r["filter"].quantile("chunk_delivery", .99) - r["bare"].quantile("chunk_delivery", .99) for r in paced]
        t99 = [r["filter"].quantile("ttfb", .99) - r["bare"].quantile("ttfb", .99) for r in paced]
        d50 = [r["filter"].quantile("chunk_delivery", .5) - r["bare"].quantile("chunk_delivery", .5) for r in paced]
        names = [name for name in ab if not name.startswith("sat")]
        out.append(("added delivery latency p99 ≤ 20 µs per chunk",
                    "open-loop scenarios, p99 (p50): " + ", ".join(
                        f"{n} {x:+.1f} µs ({y:+.1f} µs)" for n, x, y in zip(names, d99, d50))
                    + "; a negative p99 means the bare run's own tail was longer: compare the "
                    "repetitions above", goal(max(d99) <= 20)))
        out.append(("added TTFB p99 ≤ 50 µs", ", ".join(f"{n} {x:+.1f} µs" for n, x in zip(names, t99)),
                    goal(max(t99) <= 50)))
    st = ctx["sections"].get("startup")
    if st and "bare" in st and "filter" in st:
        med = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731
        ratio = med([r[1] for r in st["filter"]]) / med([r[1] for r in st["bare"]])
        measured = f"{ratio:.2f}×"
        if "noop" in st:
            noop_ratio = med([r[1] for r in st["noop"]]) / med([r[1] for r in st["bare"]])
            measured += (f" (a no-op proxy-wasm module alone: {noop_ratio:.2f}×, so no V8 module "
                         f"meets this here; llmtap over the no-op module: "
                         f"{ratio / noop_ratio:.2f}×)")
        out.append(("Envoy RSS ≤ 1.3× bare, no tokenizer (`--concurrency 2`)", measured,
                    goal(ratio <= 1.3)))
    out += cadence_goals(ctx)
    allocs = ctx["sections"].get("allocations")
    if allocs:
        per_chunk = [r for r in allocs if "per_stream" not in r["case"] and "missing" not in r]
        worst = max(r["allocations_per_chunk"] for r in per_chunk)
        out.append(("zero allocations per chunk in steady state (core)",
                    f"max {worst:.4f} per call over {len(per_chunk)} cases (core only; the filter "
                    "glue's body copy is outside this count)", goal(worst == 0)))
    ratio = litellm_ratio(ctx["sections"].get("litellm") or {})
    if ratio is not None:
        out.append(("≥ 10× LiteLLM's throughput per core", f"{ratio:.1f}×", goal(ratio >= 10)))
    elif ctx["sections"].get("litellm"):
        out.append(("≥ 10× LiteLLM's throughput per core", "not measured (see the LiteLLM section)", "–"))
    return out


def cadence_goals(ctx: dict) -> list[tuple[str, str, str]]:
    """Issue #16's goals: cheap at a real token cadence, fast start, little memory."""
    out = []
    ab = dict((sc.name, res) for sc, res in ctx["sections"].get("ab", []))
    c = cadence_figures(ab.get(CADENCE.name, {}))
    if c:
        out.append(("#16: at the 20 ms cadence, llmtap's own cost beyond the no-op module ≤ 5 µs "
                    "per chunk and ≤ 1.3× the no-op module's added cost",
                    f"{c['own']:+.2f} µs per chunk; {ratio_text(c)} (no-op {c['noop_added']:+.2f} µs, "
                    f"llmtap {c['filter_added']:+.2f} µs)",
                    goal(c["own"] <= 5 and c["ratio"] <= 1.3)))
        out.append(("#16: added TTFB p50 over bare ≤ 100 µs (20 ms cadence)",
                    f"{c['filter_ttfb']:+.1f} µs (no-op module {c['noop_ttfb']:+.1f} µs)",
                    goal(c["filter_ttfb"] <= 100)))
    sat = ab.get("sat-1tok")
    if sat:
        added = sat["filter"].cpu_us_per_chunk() - sat["bare"].cpu_us_per_chunk()
        out.append(("#16: at saturation ≤ +0.5 µs per event", f"sat-1tok {added:+.2f} µs",
                    goal(added <= 0.5)))
    st = ctx["sections"].get("startup")
    if st and "bare" in st and "filter" in st:
        med = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731
        added = med([r[0] for r in st["filter"]]) - med([r[0] for r in st["bare"]])
        ratio = med([r[1] for r in st["filter"]]) / med([r[1] for r in st["bare"]])
        out.append(("#16: start → ready added ≤ 300 ms", f"{added * 1000:+.0f} ms (median)",
                    goal(added <= 0.3)))
        out.append(("#16: RSS ≤ 1.45× bare", f"{ratio:.2f}×", goal(ratio <= 1.45)))
    return out


# --------------------------------------------------------------------------- main


def machine_info(envoy_bin: Path) -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?")
    mem = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), "?")
    envoy_version = try_sh([str(envoy_bin), "--version"]).split("version:")[-1].strip()
    return {
        "CPU": f"{cpu}, {os.cpu_count()} logical CPUs",
        "memory": mem,
        "kernel": platform.release(),
        "rustc": try_sh(["rustc", "--version"]),
        "Envoy": envoy_version,
        "valgrind": try_sh(["valgrind", "--version"]),
        "Python": platform.python_version(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smoke run (CI): short, no LiteLLM")
    parser.add_argument("--out", type=Path, help="report path")
    parser.add_argument("--skip", action="append", default=[],
                        choices=["ab", "startup", "instructions", "allocations", "criterion", "litellm"])
    parser.add_argument("--tokenizer-config", type=Path,
                        help="plugin configuration (JSON) of an extra Envoy variant with a tokenizer")
    args = parser.parse_args()
    quick = args.quick
    out = (args.out.resolve() if args.out else None) or (REPO / ("bench/out/quick-RESULTS.md" if quick else "bench/RESULTS.md"))
    for needed in (BENCH_BIN, LLMTAP_BIN, WASM):
        if not needed.exists():
            sys.exit(f"bench: {needed} missing (run `make bench`, which builds it)")
    envoy_bin = envoy_binary()
    began = time.monotonic()
    command = "make bench-quick" if quick else "make bench"
    ctx: dict = {"quick": quick, "command": command, "sections": {},
                 "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                 "ab_concurrency": 1, "reps": 1 if quick else 3, "duration": 1.0 if quick else 4.0,
                 "wasm_bytes": WASM.stat().st_size}
    ctx["machine"] = machine_info(envoy_bin)
    ctx["machine"]["priority"] = priority_note()
    load_before = loadavg()
    others_before = other_processes()
    busy0 = machine_busy()
    workdir = Path(tempfile.mkdtemp(prefix="llmtap-bench-"))
    procs = Processes(workdir)

    timings: dict[str, float] = {}
    last = [time.monotonic(), ""]

    def section(name: str) -> bool:
        if last[1]:
            timings[last[1]] = time.monotonic() - last[0]
        last[:] = [time.monotonic(), ""]
        if name in args.skip or (quick and name in QUICK_SKIPS):
            return False
        print(f"bench: {name} …", flush=True)
        last[1] = name
        return True

    try:
        upstream_port = free_port()
        upstream = procs.start("upstream", [str(BENCH_BIN), "upstream", "--listen",
                                            f"127.0.0.1:{upstream_port}"])
        wait_port(upstream_port, upstream)
        filtered = None
        if section("ab"):
            envoys = [start_envoy(procs, envoy_bin, upstream_port, "bare", 1),
                      start_envoy(procs, envoy_bin, upstream_port, "filter", 1)]
            filtered = envoys[1]
            if build_noop_module():
                envoys.insert(1, start_envoy(procs, envoy_bin, upstream_port, "noop", 1))
            for e in envoys:  # warm-up: connections, VM code paths, stats
                load(e.url, {"events": 20, "tokens": 1, "gap_ms": 0}, 0.5, concurrency=4)
            scenarios = QUICK_SCENARIOS if quick else FULL_SCENARIOS
            ctx["sections"]["ab"] = []
            for sc in scenarios:
                print(f"bench:   {sc.name}", flush=True)
                ctx["sections"]["ab"].append((sc, run_ab(envoys, upstream, sc, ctx["reps"],
                                                         ctx["duration"])))
        if section("startup"):
            ctx["sections"]["startup"] = startup(procs, envoy_bin, upstream_port, quick,
                                                 args.tokenizer_config)
        if section("litellm"):
            if filtered is None:
                filtered = start_envoy(procs, envoy_bin, upstream_port, "filter", 1)
            ctx["sections"]["litellm"] = litellm(procs, upstream_port, filtered, quick)
        procs.stop_all()
        if section("instructions"):
            ctx["sections"]["instructions"] = instructions_per_chunk(quick)
            ctx["sections"]["breakdown"] = instruction_breakdown(quick, workdir)
        if section("allocations"):
            ctx["sections"]["allocations"] = allocations(quick)
        if section("criterion"):
            ctx["sections"]["criterion"] = criterion(quick)
        section("")
    finally:
        procs.stop_all()
    busy1 = machine_busy()
    ctx["elapsed_s"] = time.monotonic() - began
    ctx["machine"]["load average (1/5/15 min) before → after"] = f"{load_before} → {loadavg()}"
    ctx["machine"]["busiest other processes at start (ps %CPU)"] = others_before or "none"
    ctx["machine"]["seconds per section"] = ", ".join(f"{k} {v:.0f}" for k, v in timings.items())
    ctx["machine"]["all CPUs busy over the whole run"] = \
        f"{100.0 * (busy1[0] - busy0[0]) / max(1, busy1[1] - busy0[1]):.0f} % (this benchmark included)"
    ctx["commands"] = [
        f"{command}   # = setup wasm noop-wasm cli bench-tools{'' if quick else ' bench-peer'}, then:",
        "cargo build --release -p llmtap-bench",
        f".venv/bin/python bench/run.py{' --quick' if quick else ''}",
        "# run.py builds: cargo build " + ("--profile test" if quick else "--profile callgrind")
        + " -p llmtap-core --example chunk_instructions; cargo bench -p llmtap-core --no-run",
        "# inside: llmtap run … --print-bootstrap (bare: wasm filter removed), envoy -c … --concurrency N,",
        "#         llmtap-bench upstream / load, valgrind --tool=callgrind, cargo bench -p llmtap-core",
    ]
    if ctx["sections"].get("tokenizer") is None and args.tokenizer_config:
        ctx["sections"]["tokenizer"] = "(tokenizer variant: see the start/memory table)"
    ctx["goals"] = goals(ctx)
    write_report(out, ctx)
    for sc, res in ctx["sections"].get("ab", []):
        c = cadence_figures(res)
        if c:
            print(f"bench: {sc.name}: added Envoy CPU per chunk: no-op module {c['noop_added']:+.2f} µs, "
                  f"llmtap {c['filter_added']:+.2f} µs; llmtap's own {c['own']:+.2f} µs per chunk, "
                  f"{ratio_text(c)} the no-op module's; added TTFB p50 {c['filter_ttfb']:+.1f} µs")
    shown = out.relative_to(REPO) if out.is_relative_to(REPO) else out
    print(f"bench: wrote {shown} in {ctx['elapsed_s']:.0f} s")


def wait_port(port: int, proc: Proc) -> None:
    for _ in range(500):
        if proc.popen.poll() is not None:
            sys.exit(f"bench: {proc.name} exited: {proc.log.read_text()[-1000:]}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.01)
    sys.exit(f"bench: {proc.name} does not listen on {port}")


def startup(procs: Processes, envoy_bin: Path, upstream_port: int, quick: bool,
            tokenizer_config: Path | None) -> dict:
    """Start → ready and RSS at --concurrency 2, variants alternating."""
    noop = ["noop"] if build_noop_module() else []
    variants = ["bare", *noop, "filter"] + (["tokenizer"] if tokenizer_config else [])
    rows: dict[str, list[tuple[float, int, int]]] = {v: [] for v in variants}
    for rep in range(1 if quick else 3):
        for variant in (variants if rep % 2 == 0 else list(reversed(variants))):
            cfg = tokenizer_config if variant == "tokenizer" else None
            envoy = start_envoy(procs, envoy_bin, upstream_port,
                                "filter" if variant == "tokenizer" else variant, 2, cfg)
            load(envoy.url, {"events": 50, "tokens": 1, "gap_ms": 0}, 1.0, concurrency=8)
            rows[variant].append((envoy.start_to_ready_s, status_kib(envoy.proc.pid, "VmRSS"),
                                  status_kib(envoy.proc.pid, "VmHWM")))
            procs.stop(envoy.proc)
    return rows


if __name__ == "__main__":
    main()
