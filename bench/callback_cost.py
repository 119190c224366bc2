"""Envoy worker CPU per chunk when every chunk arrives alone (paced streams), for bare Envoy,
a no-op proxy-wasm module and llmtap: what a V8 body callback costs at low load.

    make bench            # builds everything this needs (or: make wasm cli, cargo build
                          # --release -p llmtap-bench, and the no-op module, see run.py)
    .venv/bin/python bench/callback_cost.py [--reps 3] [--seconds 4]

At saturation Envoy reads many events per socket read, so one body callback covers many
chunks and `bench/RESULTS.md`'s "added Envoy CPU µs/chunk" is small; with paced streams each
event is its own read and its own callback. The worker thread's CPU comes from
/proc/PID/task/*/schedstat (the `wrk:worker_0` thread, `--concurrency 1`); variants alternate.
Streams: 20 per second, 250 events of one token each, 1 ms apart (5,000 chunks/s).
"""

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402  (bench/run.py: Envoy, upstream and load-generator helpers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=4.0)
    args = parser.parse_args()
    if run.build_noop_module() is None:
        sys.exit("callback_cost: the no-op module does not build")
    for needed in (run.BENCH_BIN, run.LLMTAP_BIN, run.WASM):
        if not needed.exists():
            sys.exit(f"callback_cost: {needed} missing (run `make bench` first)")
    procs = run.Processes(Path(run.tempfile.mkdtemp(prefix="llmtap-callback-")))
    envoy_bin = run.envoy_binary()
    port = run.free_port()
    upstream = procs.start("upstream", [str(run.BENCH_BIN), "upstream", "--listen",
                                        f"127.0.0.1:{port}"])
    run.wait_port(port, upstream)
    variants = ["bare", "noop", "filter"]
    per_chunk: dict[str, list[float]] = {v: [] for v in variants}
    try:
        for rep in range(args.reps):
            for variant in variants if rep % 2 == 0 else list(reversed(variants)):
                envoy = run.start_envoy(procs, envoy_bin, port, variant, 1)
                run.load(envoy.url, {"events": 20, "tokens": 1, "gap_ms": 0}, 0.5, concurrency=4)
                before = run.worker_cpu_ns(envoy.proc.pid)
                result = run.load(envoy.url, {"events": 250, "tokens": 1, "gap_ms": 1},
                                  args.seconds, rate=20)
                used = run.worker_cpu_ns(envoy.proc.pid) - before
                chunks = result.get("chunks", 0)
                if chunks:
                    per_chunk[variant].append(used / 1000.0 / chunks)
                procs.stop(envoy.proc)
    finally:
        procs.stop_all()
    print(f"Envoy worker CPU per chunk, paced (20 streams/s × 250 one-token events, 1 ms apart), "
          f"{args.reps} alternating repetitions of {args.seconds:.0f} s; load average "
          f"{run.loadavg()}")
    print()
    print("| variant | µs per chunk, each repetition | median | added over bare | added over no-op |")
    print("|---|---|---|---|---|")
    med = {v: statistics.median(xs) for v, xs in per_chunk.items() if xs}
    for v in variants:
        if v not in med:
            continue
        over_noop = f"{med[v] - med['noop']:+.1f}" if v == "filter" and "noop" in med else ""
        print(f"| {v} | {', '.join(f'{x:.1f}' for x in per_chunk[v])} | {med[v]:.1f} | "
              f"{med[v] - med['bare']:+.1f} | {over_noop} |")


if __name__ == "__main__":
    main()
