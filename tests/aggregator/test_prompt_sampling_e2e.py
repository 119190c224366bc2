"""Prompt sampling end to end (issue #18): a real Envoy running llmtap samples prompts at rate 1,
redacts them and sends NDJSON batches from its root context to a real `llmtap aggregate` with the
real sentence encoder (`llmtap run --aggregator URL` adds the cluster). The aggregator counts what
it received, embeds every prompt and keeps the per-model sums; Envoy counts the batches as sent.
The two halves are tested alone in tests/integration/test_prompt_sampling.py (a receiver that
implements the wire contract) and test_prompt_embedding.py (prompts POSTed by hand)."""

from __future__ import annotations

import json
import yaml

import harness
from test_prompt_embedding import MODEL_DIR, TOKEN, coding, metrics, wait_embedded


def test_envoy_samples_reach_the_aggregator_and_are_embedded(artifacts, tmp_path):
    model_dir = MODEL_DIR
    assert (model_dir / "model.safetensors").exists(), f"no embedding model at {model_dir}: `make embedding-model`"
    port = harness.free_port()
    agg = harness.Proc(
        "aggregate-e2e",
        [harness.LLMTAP_BIN, "aggregate", "--prometheus", "http://127.0.0.1:1", "--listen", f"127.0.0.1:{port}",
         "--embedding-model", model_dir, "--prompt-samples-token", TOKEN, "--evaluate-every", "1h"],
        tmp_path / "aggregate.log",
    )
    (tmp_path / "mock").mkdir()
    mock = harness.Mock(tmp_path / "mock", replay_dir=harness.CORPUS)
    envoy = None
    try:
        agg.wait_for_log(r"llmtap aggregate listening on", timeout=120)
        base = f"http://127.0.0.1:{port}"
        config = tmp_path / "plugin-config.json"
        config.write_text(json.dumps({"prompt_sampling": {"rate": 1.0, "token": TOKEN, "flush_interval_ms": 100}}))
        listen, admin = harness.free_port(), harness.free_port()
        text = harness.render_bootstrap(mock.url, listen, admin, config=config, extra=["--aggregator", base])
        assert "llmtap_aggregator" in [c["name"] for c in yaml.safe_load(text)["static_resources"]["clusters"]]
        bootstrap = tmp_path / "bootstrap.yaml"
        bootstrap.write_text(text)
        envoy = harness.Envoy(tmp_path, bootstrap=bootstrap, listen_port=listen, admin_port=admin)

        prompts = coding()[:12]
        prompts[0] += " Mail the result to jane.doe@example.com."
        for i, prompt in enumerate(prompts):
            resp = harness.http_request(
                envoy.port, "POST", "/v1/chat/completions", headers={"x-request-id": f"e2e-{i}"},
                body=harness.chat_body("e2e-model", prompt, stream=i % 2 == 0),
            )
            assert resp.status == 200, resp.body[:300]
        text = wait_embedded(base, len(prompts))
        assert f"llmtap_prompt_samples_received_total {len(prompts)}\n" in text, text[:2000]
        counts = [line for line in text.splitlines()
                  if line.startswith("llmtap_prompt_embedding_count{") and '"e2e-model"' in line]
        assert len(counts) == 1 and float(counts[0].rsplit(" ", 1)[1]) == len(prompts), counts
        m = envoy.wait_for(lambda m: m.total("llm_prompt_samples_total", result="sent") >= len(prompts))
        assert m.total("llm_prompt_samples_total", result="sent") == len(prompts)
        assert m.total("llm_prompt_samples_total", result="dropped") == 0
        assert "jane.doe" not in metrics(base)
    finally:
        if envoy:
            envoy.stop()
        mock.stop()
        agg.stop()
