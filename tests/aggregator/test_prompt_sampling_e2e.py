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
from test_prompt_embedding import MODEL_DIR, TOKEN, coding, metrics, start_aggregator, wait_embedded


def test_envoy_samples_reach_the_aggregator_and_are_embedded(artifacts, tmp_path):
    assert (MODEL_DIR / "model.safetensors").exists(), f"no embedding model at {MODEL_DIR}: `make embedding-model`"
    (tmp_path / "mock").mkdir()
    mock = harness.Mock(tmp_path / "mock", replay_dir=harness.CORPUS)
    agg, envoy = None, None
    try:
        agg, base = start_aggregator(tmp_path, MODEL_DIR)
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
        if agg:
            agg.stop()
