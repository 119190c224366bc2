#!/usr/bin/env python3
"""Where Envoy's resident memory goes (issue #16): bare Envoy, Envoy with the no-op
proxy-wasm module and Envoy with llmtap.wasm, started as `bench/run.py`'s `startup()` starts
them (the same bootstraps, `--concurrency 2`, variants alternating), each measured at idle
(ready + 1 s) and after a 1 s saturating load of 8 streams (50 one-token events each).

Each Envoy's /proc/PID/smaps is split by mapping kind:

- `file`: file-backed mappings (Envoy's own binary, shared libraries);
- `anon_exec`: anonymous executable mappings (V8's code space: the TurboFan-compiled wasm
  code and V8's builtins/stubs);
- `wasm_linear`: the wasm linear memories (V8 reserves each with its guard region, 8 GiB+ on
  x86-64, and makes the memory's current pages read-write: the rw mapping right below the
  reservation; only the pages touched are resident), each listed;
- `anon_other`: every other anonymous mapping (tcmalloc's heap, V8's own heaps, thread
  stacks, `[heap]`).

Also Envoy's admin `/memory` (tcmalloc: allocated, heap_size, pageheap_free/unmapped).

Usage (after `make wasm noop-wasm cli` and `cargo build --release -p llmtap-bench`):

    .venv/bin/python bench/rss_breakdown.py --reps 3 [--release-bytes N] [--wasm other.wasm]
        [--config plugin.json] [--variants bare,noop,filter] [--keep-smaps DIR]

`--release-bytes N` adds the bootstrap's `memory_allocator_manager` (tcmalloc releases N
bytes of free pages to the system every `--release-interval`); then a third sample is
taken after the load plus 3 s. Prints one JSON line per Envoy start and a median table.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402  (bench/run.py: the bootstraps, Envoy start and load of `make bench`)

GIB = 1 << 30


def smaps_split(pid: int) -> dict:
    """RSS in KiB by mapping kind; each wasm linear memory's (accessible KiB, resident KiB)."""
    maps = []  # [start, end, perms, path, rss KiB]
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        fields = line.split()
        if fields and "-" in fields[0] and not fields[0].endswith(":"):
            start, end = (int(x, 16) for x in fields[0].split("-"))
            maps.append([start, end, fields[1], fields[5] if len(fields) > 5 else "", 0])
        elif fields and fields[0] == "Rss:":
            maps[-1][4] = int(fields[1])
    out = {"file": 0, "anon_exec": 0, "wasm_linear": 0, "anon_other": 0, "linear_memories": []}
    for i, (start, end, perms, path, rss) in enumerate(maps):
        after = maps[i + 1] if i + 1 < len(maps) else None
        if path.startswith("/"):
            out["file"] += rss
        elif "x" in perms:
            out["anon_exec"] += rss
        elif (after is not None and after[0] == end and after[2] == "---p"
              and after[1] - after[0] >= GIB and "rw" in perms):
            # V8 reserves a linear memory with its guard region (8 GiB+) and makes the
            # memory's current pages read-write: the rw mapping right below the reservation.
            out["wasm_linear"] += rss
            out["linear_memories"].append(((end - start) >> 10, rss))
        else:
            out["anon_other"] += rss
    return out


def rollup(pid: int) -> dict:
    """/proc/PID/smaps_rollup fields in KiB."""
    keep = {"Rss", "Pss", "Anonymous", "Pss_Anon", "Pss_File", "Shared_Clean", "Private_Dirty"}
    out = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        key, _, rest = line.partition(":")
        if key in keep:
            out[key] = int(rest.split()[0])
    return out


def admin_memory(admin: int) -> dict:
    """Envoy's /memory (tcmalloc's counters), bytes → KiB."""
    with urllib.request.urlopen(f"http://127.0.0.1:{admin}/memory", timeout=5) as resp:
        doc = json.load(resp)
    return {k: int(v) >> 10 for k, v in doc.items() if str(v).isdigit()}


def tcmalloc_stats(admin: int) -> str:
    """Envoy's /memory/tcmalloc: tcmalloc's own statistics text."""
    with urllib.request.urlopen(f"http://127.0.0.1:{admin}/memory/tcmalloc", timeout=5) as resp:
        return resp.read().decode()


def sample(envoy: run.Envoy) -> dict:
    pid = envoy.proc.pid
    return {"VmRSS": run.status_kib(pid, "VmRSS"), "rollup": rollup(pid),
            "smaps": smaps_split(pid), "memory": admin_memory(envoy.admin)}


def with_release(text: str, bytes_to_release: int, interval: str) -> str:
    doc = yaml.safe_load(text)
    doc["memory_allocator_manager"] = {"bytes_to_release": bytes_to_release,
                                       "memory_release_interval": interval}
    return yaml.safe_dump(doc, sort_keys=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--variants", default="bare,noop,filter")
    ap.add_argument("--wasm", type=Path, help="the filter variant loads this module instead")
    ap.add_argument("--config", type=Path, help="the filter variant's plugin configuration")
    ap.add_argument("--release-bytes", type=int, default=0)
    ap.add_argument("--release-interval", default="0.5s")
    ap.add_argument("--keep-smaps", type=Path, help="copy each sample's smaps here")
    args = ap.parse_args()

    if args.wasm:
        run.WASM = args.wasm.resolve()
    if args.release_bytes:
        render = run.render_bootstrap
        run.render_bootstrap = lambda *a: with_release(render(*a), args.release_bytes,
                                                       args.release_interval)
    variants = args.variants.split(",")
    envoy_bin = run.envoy_binary()
    rows: dict[str, list[dict]] = {v: [] for v in variants}
    with tempfile.TemporaryDirectory() as tmp:
        procs = run.Processes(Path(tmp))
        try:
            upstream_port = run.free_port()
            upstream = procs.start("upstream", [str(run.BENCH_BIN), "upstream", "--listen",
                                                f"127.0.0.1:{upstream_port}"])
            run.wait_port(upstream_port, upstream)
            for rep in range(args.reps):
                for variant in (variants if rep % 2 == 0 else list(reversed(variants))):
                    envoy = run.start_envoy(procs, envoy_bin, upstream_port, variant, 2,
                                            args.config if variant == "filter" else None)
                    time.sleep(1.0)
                    row = {"variant": variant, "rep": rep, "idle": sample(envoy)}
                    if args.keep_smaps:
                        args.keep_smaps.mkdir(parents=True, exist_ok=True)
                        (args.keep_smaps / f"{variant}-{rep}-idle.smaps").write_text(
                            Path(f"/proc/{envoy.proc.pid}/smaps").read_text())
                    run.load(envoy.url, {"events": 50, "tokens": 1, "gap_ms": 0}, 1.0,
                             concurrency=8)
                    row["load"] = sample(envoy)
                    if args.keep_smaps:
                        (args.keep_smaps / f"{variant}-{rep}-load.smaps").write_text(
                            Path(f"/proc/{envoy.proc.pid}/smaps").read_text())
                        (args.keep_smaps / f"{variant}-{rep}-load.tcmalloc").write_text(
                            tcmalloc_stats(envoy.admin))
                    if args.release_bytes:
                        time.sleep(3.0)
                        row["load+3s"] = sample(envoy)
                    print(json.dumps(row), flush=True)
                    rows[variant].append(row)
                    procs.stop(envoy.proc)
        finally:
            procs.stop_all()

    def med(variant: str, point: str, get) -> str:
        vals = [get(r[point]) for r in rows[variant] if point in r]
        return f"{statistics.median(vals) / 1024:.1f}" if vals else "–"

    cols = [("VmRSS", lambda s: s["VmRSS"]),
            ("file", lambda s: s["smaps"]["file"]),
            ("anon exec", lambda s: s["smaps"]["anon_exec"]),
            ("wasm linear", lambda s: s["smaps"]["wasm_linear"]),
            ("anon other", lambda s: s["smaps"]["anon_other"]),
            ("tcmalloc allocated", lambda s: s["memory"].get("allocated", 0)),
            ("heap_size", lambda s: s["memory"].get("heap_size", 0)),
            ("pageheap_free", lambda s: s["memory"].get("pageheap_free", 0)),
            ("pageheap_unmapped", lambda s: s["memory"].get("pageheap_unmapped", 0))]
    print("| variant | point | " + " | ".join(c for c, _ in cols) + " | linear memories (n) |")
    print("|---|---|" + "---|" * (len(cols) + 1))
    for variant in variants:
        for point in ("idle", "load", "load+3s"):
            if not any(point in r for r in rows[variant]):
                continue
            n = statistics.median(len(r[point]["smaps"]["linear_memories"]) for r in rows[variant])
            print(f"| {variant} | {point} | "
                  + " | ".join(med(variant, point, g) for _, g in cols) + f" | {n:g} |")


if __name__ == "__main__":
    main()
