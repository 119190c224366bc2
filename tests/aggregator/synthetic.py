"""Synthetic llmtap series as OpenMetrics text (for `promtool tsdb create-blocks-from
openmetrics`), and the independent oracles the tests check the aggregator against."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

# A subset of the filter's token buckets (src/core/src/metrics/catalogue.rs TOKEN_BUCKETS).
TOKEN_LE = [1, 2, 4, 5, 10, 16, 20, 50, 64, 100, 200, 256, 500, 1000, 1024, 2000, 4096, 5000, 10000]


@dataclass
class Model:
    name: str
    requests_per_step: int
    # Median prompt length (tokens) as a function of time (Unix seconds).
    prompt_median: callable
    # Refusal probability as a function of time.
    refusal_p: callable


@dataclass
class Series:
    """Cumulative counters of one model."""

    prompt_buckets: list[int] = field(default_factory=lambda: [0] * (len(TOKEN_LE) + 1))
    prompt_sum: float = 0.0
    requests: int = 0
    refusals: int = 0
    stop: int = 0
    content_filter: int = 0


def bucket_index(value: float) -> int:
    for i, le in enumerate(TOKEN_LE):
        if value <= le:
            return i
    return len(TOKEN_LE)


def generate(models: list[Model], start: int, end: int, step: int, seed: int = 7) -> str:
    """OpenMetrics text with one sample per `step` seconds in [start, end]."""
    rng = random.Random(seed)
    state = {m.name: Series() for m in models}
    rows: dict[str, list[str]] = {k: [] for k in ("prompt", "requests", "refusals", "finish")}
    for t in range(start, end + 1, step):
        for m in models:
            s = state[m.name]
            median = m.prompt_median(t)
            p = m.refusal_p(t)
            for _ in range(m.requests_per_step):
                tokens = max(1.0, round(rng.lognormvariate(math.log(median), 0.6)))
                s.prompt_buckets[bucket_index(tokens)] += 1
                s.prompt_sum += tokens
                s.requests += 1
                if rng.random() < p:
                    s.refusals += 1
                    s.content_filter += 1
                else:
                    s.stop += 1
            labels = f'gen_ai_request_model="{m.name}",gen_ai_provider_name="openai",gen_ai_operation_name="chat"'
            cumulative = 0
            for le, count in zip([*map(str, TOKEN_LE), "+Inf"], s.prompt_buckets):
                cumulative += count
                rows["prompt"].append(f'llm_prompt_tokens_bucket{{{labels},le="{le}"}} {cumulative} {t}')
            rows["prompt"].append(f"llm_prompt_tokens_count{{{labels}}} {cumulative} {t}")
            rows["prompt"].append(f"llm_prompt_tokens_sum{{{labels}}} {s.prompt_sum} {t}")
            rows["requests"].append(f'llm_requests_total{{{labels},outcome="complete"}} {s.requests} {t}')
            rows["refusals"].append(
                f'llm_refusals_total{{{labels},refusal_source="content_filter"}} {s.refusals} {t}'
            )
            rows["finish"].append(f'llm_finish_reasons_total{{{labels},finish_reason="stop"}} {s.stop} {t}')
            rows["finish"].append(
                f'llm_finish_reasons_total{{{labels},finish_reason="content_filter"}} {s.content_filter} {t}'
            )
    # OpenMetrics wants each family contiguous and each series in time order.
    def by_series(lines: list[str]) -> list[str]:
        return sorted(lines, key=lambda l: (l.rsplit(" ", 2)[0], int(l.rsplit(" ", 1)[1])))

    out = ["# TYPE llm_prompt_tokens histogram", *by_series(rows["prompt"])]
    out += ["# TYPE llm_requests counter", *by_series(rows["requests"])]
    out += ["# TYPE llm_refusals counter", *by_series(rows["refusals"])]
    out += ["# TYPE llm_finish_reasons counter", *by_series(rows["finish"])]
    out.append("# EOF")
    return "\n".join(out) + "\n"


def evidently_fractions(counts: list[float]) -> list[float]:
    """Evidently's zero-bin replacement (documented in src/aggregator/src/stats/divergence.rs)."""
    total = sum(counts)
    fractions = [c / total for c in counts]
    smallest = min(f for f in fractions if f > 0)
    fill = smallest / 1e6 if smallest <= 0.0001 else 0.0001
    return [f if f > 0 else fill for f in fractions]


def psi(reference: list[float], current: list[float]) -> float:
    r, c = evidently_fractions(reference), evidently_fractions(current)
    return sum((ci - ri) * math.log(ci / ri) for ri, ci in zip(r, c))


def kl(reference: list[float], current: list[float]) -> float:
    r, c = evidently_fractions(reference), evidently_fractions(current)
    return sum(ci * math.log(ci / ri) for ri, ci in zip(r, c))


def js_bits(reference: list[float], current: list[float]) -> float:
    rt, ct = sum(reference), sum(current)
    total = 0.0
    for r, c in zip(reference, current):
        p, q = r / rt, c / ct
        m = (p + q) / 2
        if p > 0:
            total += 0.5 * p * math.log2(p / m)
        if q > 0:
            total += 0.5 * q * math.log2(q / m)
    return total
