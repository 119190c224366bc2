"""One-off A/B of prompt sampling through Envoy (docs/prompt-sampling.md, "Cost"): three Envoys
(`llmtap run --print-bootstrap`, concurrency 2) in front of one `llmtap mock` - no sampling section,
rate 0, rate 1 (every prompt redacted and sent to a local receiver) - 300 interleaved
non-streaming chat requests each with a 1.9 KiB prompt; prints median and p90 client latency
(first 20 dropped). Run from tests/integration after `make wasm cli`:
    cd tests/integration && ../../.venv/bin/python ../../bench/prompt_sampling_latency.py
"""
import json, statistics, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, ".")
from harness import Mock, Envoy, CORPUS, http_request, chat_body, free_port, render_bootstrap
from samples_receiver import SamplesReceiver
tmp = Path(tempfile.mkdtemp())
mock = Mock(tmp, replay_dir=CORPUS)
rec = SamplesReceiver("t")
envs = {}
try:
    for name, sampling in (("off", None), ("rate1", {"rate": 1.0, "token": "t", "flush_interval_ms": 100}), ("rate0", {"rate": 0.0, "token": "t"})):
        d = tmp / name; d.mkdir()
        cfg = d / "c.json"
        conf = {"max_label_values": 1000}
        if sampling: conf["prompt_sampling"] = sampling
        cfg.write_text(json.dumps(conf))
        l, a = free_port(), free_port()
        extra = ["--aggregator", rec.url] if sampling else []
        text = render_bootstrap(mock.url, l, a, config=cfg, extra=extra)
        (d / "b.yaml").write_text(text)
        envs[name] = Envoy(d, bootstrap=d / "b.yaml", listen_port=l, admin_port=a)
    prompt = ("How do I configure a reverse proxy to stream server-sent events without buffering them? " * 20) + " mail jane@example.com card 4111 1111 1111 1111"
    times = {k: [] for k in envs}
    for i in range(300):
        for k, e in envs.items():
            r = http_request(e.port, "POST", "/v1/chat/completions", headers={"x-request-id": f"m-{k}-{i}"}, body=chat_body("measure", prompt, stream=False))
            assert r.status == 200
            times[k].append((r.ended - r.started) * 1000)
    for k, v in times.items():
        v = v[20:]
        print(k, "median %.3f ms  p90 %.3f ms" % (statistics.median(v), statistics.quantiles(v, n=10)[-1]))
    time.sleep(1)
    print("received", len(rec.samples()))
finally:
    for e in envs.values(): e.stop()
    rec.stop(); mock.stop()
