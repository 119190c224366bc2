"""`llmtap demo` end to end: Envoy + the filter + `llmtap aggregate` over the scripted scenario.
The aggregator must find exactly what the script changed — prompt-length drift on one model, a
refusal spike on another, a TTFT drift on a third — and nothing on the control; the printed
story must carry each verdict with its figures; and `llmtap drift --once` on the saved state
must reach the same verdicts."""

from __future__ import annotations

import json
import shlex

import harness

LONGER_PROMPTS = "gpt-4o-mini"
REFUSAL_BURST = "llama-3.1-8b-instruct"
SLOW_FIRST_TOKEN = "qwen2.5-7b"
CONTROL = "mistral-7b-instruct"


def drift(report: dict, model: str, feature: str) -> dict:
    (entry,) = [d for d in report["drift"] if d["gen_ai_request_model"] == model and d["feature"] == feature]
    return entry


def spike(report: dict, model: str, signal: str) -> dict:
    (entry,) = [s for s in report["spikes"] if s["gen_ai_request_model"] == model and s["signal"] == signal]
    return entry


def assert_scripted_verdicts(report: dict) -> None:
    assert report["healthy"], report["errors"]
    prompt = drift(report, LONGER_PROMPTS, "prompt_tokens")
    assert prompt["verdict"] == "drift", prompt
    assert prompt["statistics"]["psi"] > prompt["statistics"]["critical_psi"]
    ttft = drift(report, SLOW_FIRST_TOKEN, "ttft")
    assert ttft["verdict"] == "drift", ttft
    refusals = spike(report, REFUSAL_BURST, "refusal_rate")
    assert refusals["verdict"] == "spike", refusals
    assert refusals["statistics"]["current_rate"] > refusals["statistics"]["three_sigma_threshold"]
    # What the script did not change stays quiet on those models.
    assert drift(report, LONGER_PROMPTS, "ttft")["verdict"] != "drift"
    assert drift(report, SLOW_FIRST_TOKEN, "prompt_tokens")["verdict"] != "drift"
    assert spike(report, SLOW_FIRST_TOKEN, "refusal_rate")["verdict"] == "no_spike"
    # The control: compared (enough volume) and found steady.
    control = [d for d in report["drift"] if d["gen_ai_request_model"] == CONTROL]
    assert {d["feature"] for d in control} >= {"prompt_tokens", "output_tokens", "ttft", "inter_chunk_gap"}
    assert drift(report, CONTROL, "prompt_tokens")["verdict"] == "no_drift"
    assert drift(report, CONTROL, "ttft")["verdict"] == "no_drift"
    assert [d["feature"] for d in control if d["verdict"] == "drift"] == []
    assert [s["signal"] for s in report["spikes"] if s["gen_ai_request_model"] == CONTROL
            and s["verdict"] in ("spike", "sustained_rise")] == []


def test_the_demo_finds_what_was_scripted_and_nothing_on_the_control(demo_run):
    assert demo_run.returncode == 0, demo_run.stdout + demo_run.stderr
    assert_scripted_verdicts(demo_run.report())


def test_the_story_gives_each_verdict_with_its_figures_and_the_report(demo_run):
    out = demo_run.stdout
    assert "What the filter measured" in out and "What the aggregator concluded" in out
    lines = out.splitlines()
    assert any(line.strip().startswith("drift  prompt_tokens") and "PSI" in line and "> critical" in line for line in lines), out
    assert any(line.strip().startswith("drift  ttft") and "> critical" in line for line in lines), out
    assert any(line.strip().startswith("spike  refusal_rate") and "binomial p" in line and "3σ threshold" in line
               for line in lines), out
    assert f"{CONTROL} — scripted: control" in out
    assert "Every scripted change was found, and nothing on the control." in out
    assert "Answer labels:" in out and "Topic drift" in out
    assert f"Report: {demo_run.out / 'report.html'}" in out
    assert (demo_run.out / "report.html").read_text().startswith("<!DOCTYPE html>")
    # The filter's own figures: prompts 6x longer in the incident on the first model.
    (row,) = [line for line in lines if line.strip().startswith(LONGER_PROMPTS)
              and "→" in line and "scripted" not in line]
    prompt_before, prompt_after = (float(x) for x in row.split()[4:7:2])
    assert 5 < prompt_after / prompt_before < 7, row


def test_drift_once_on_the_saved_state_reaches_the_same_verdicts(demo_run, tmp_path):
    assert demo_run.returncode == 0, demo_run.stderr
    (again,) = [line.strip() for line in demo_run.stdout.splitlines() if line.strip().startswith("llmtap drift --once")]
    argv = shlex.split(again)[1:]
    html = tmp_path / "again.html"
    argv[argv.index("--html") + 1] = str(html)
    r = harness.run_cmd([harness.LLMTAP_BIN, *argv, "--json"], timeout=120)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["windows"] == demo_run.report()["windows"]
    assert_scripted_verdicts(report)
    assert html.read_text().count("<svg") > 20
