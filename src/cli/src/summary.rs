//! The demo's report: what the filter measured (from Envoy's `/stats/prometheus`) next to what
//! the client measured.

use crate::load::Measured;
use llmtap_aggregator::prom_text::Exposition;
use std::fmt::Write as _;

const REQUESTS: &str = "llm_requests_total";
const TOKENS: &str = "llm_tokens_total";
const TTFT_MS: &str = "llm_time_to_first_token_milliseconds";
const GAP_US: &str = "llm_inter_chunk_gap_microseconds";
const MODEL: &str = "gen_ai_request_model";
const TOKEN_TYPE: &str = "gen_ai_token_type";

/// Per `gen_ai_request_model`.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelLine {
    pub model: String,
    pub requests: f64,
    pub output_tokens: f64,
    /// Milliseconds (NaN when the histogram is empty).
    pub ttft_p50_ms: f64,
}

/// The filter's numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct FilterSummary {
    /// Sum of `llm_requests_total` over all series.
    pub requests: f64,
    pub output_tokens: f64,
    pub input_tokens: f64,
    /// Observations in the TTFT histogram (after a flush).
    pub ttft_count: f64,
    /// Milliseconds.
    pub ttft_p50_ms: f64,
    pub ttft_p99_ms: f64,
    /// `_sum / _count`, in milliseconds (Envoy's sums are close approximations).
    pub ttft_mean_ms: f64,
    /// Milliseconds (the histogram is in microseconds).
    pub gap_p50_ms: f64,
    pub gap_p99_ms: f64,
    pub gap_mean_ms: f64,
    pub models: Vec<ModelLine>,
}

/// Reads the filter's numbers from a scrape. Quantiles sum every label set per bucket, then
/// interpolate like PromQL's `histogram_quantile` ([`llmtap_aggregator::histogram::Histogram::quantile`]).
pub fn filter_summary(e: &Exposition) -> FilterSummary {
    let quantile = |name: &str, matchers: &[(&str, &str)], q: f64| {
        e.histogram(name, matchers)
            .map_or(f64::NAN, |h| h.quantile(q))
    };
    let models = e
        .sum_by(REQUESTS, MODEL)
        .into_iter()
        .map(|(model, requests)| {
            let only = [(MODEL, model.as_str())];
            ModelLine {
                requests,
                output_tokens: e.sum(TOKENS, &[(MODEL, model.as_str()), (TOKEN_TYPE, "output")]),
                ttft_p50_ms: quantile(TTFT_MS, &only, 0.5),
                model,
            }
        })
        .collect();
    FilterSummary {
        requests: e.sum(REQUESTS, &[]),
        output_tokens: e.sum(TOKENS, &[(TOKEN_TYPE, "output")]),
        input_tokens: e.sum(TOKENS, &[(TOKEN_TYPE, "input")]),
        ttft_count: e.histogram(TTFT_MS, &[]).map_or(0.0, |h| h.count()),
        ttft_p50_ms: quantile(TTFT_MS, &[], 0.5),
        ttft_p99_ms: quantile(TTFT_MS, &[], 0.99),
        ttft_mean_ms: mean(e, TTFT_MS),
        gap_p50_ms: quantile(GAP_US, &[], 0.5) / 1000.0,
        gap_p99_ms: quantile(GAP_US, &[], 0.99) / 1000.0,
        gap_mean_ms: mean(e, GAP_US) / 1000.0,
        models,
    }
}

/// `sum(base_sum) / sum(base_count)`; NaN without observations.
fn mean(e: &Exposition, base: &str) -> f64 {
    let count = e.sum(&format!("{base}_count"), &[]);
    if count > 0.0 {
        e.sum(&format!("{base}_sum"), &[]) / count
    } else {
        f64::NAN
    }
}

/// The client's numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientSummary {
    pub requests: usize,
    /// Content events received (one token each).
    pub output_tokens: u64,
    /// Milliseconds.
    pub ttft_p50_ms: f64,
    pub ttft_p99_ms: f64,
    pub ttft_mean_ms: f64,
}

/// Exact quantiles of the client's TTFT samples (linear between the two closest ranks, like
/// PromQL's `quantile`).
pub fn client_summary(measured: &[Measured]) -> ClientSummary {
    let mut ms: Vec<f64> = measured
        .iter()
        .map(|m| m.ttft.as_secs_f64() * 1000.0)
        .collect();
    ms.sort_by(f64::total_cmp);
    ClientSummary {
        requests: ms.len(),
        output_tokens: measured.iter().map(|m| u64::from(m.content_events)).sum(),
        ttft_p50_ms: sample_quantile(&ms, 0.5),
        ttft_p99_ms: sample_quantile(&ms, 0.99),
        ttft_mean_ms: if ms.is_empty() {
            f64::NAN
        } else {
            ms.iter().sum::<f64>() / ms.len() as f64
        },
    }
}

/// `q`-quantile of sorted samples; NaN when empty.
pub fn sample_quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = q.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let lower = rank.floor() as usize;
    let upper = (lower + 1).min(sorted.len() - 1);
    let weight = rank - rank.floor();
    sorted[lower] * (1.0 - weight) + sorted[upper] * weight
}

/// Context lines of the report.
#[derive(Debug, Clone)]
pub struct DemoFacts {
    pub requests: u32,
    pub concurrency: u32,
    /// Range of mock TTFTs, in milliseconds.
    pub ttft_ms: (u64, u64),
    /// Mock delay between tokens, in milliseconds.
    pub token_delay_ms: u64,
    /// Range of completion tokens.
    pub tokens: (u32, u32),
    /// Envoy's admin address, `host:port`.
    pub admin: String,
}

/// The printed report.
pub fn render(facts: &DemoFacts, filter: &FilterSummary, client: &ClientSummary) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\nllmtap demo: {} streaming chat completions, {} at a time, client -> Envoy + llmtap -> mock LLM",
        facts.requests, facts.concurrency
    );
    let _ = writeln!(
        out,
        "  mock LLM: time to first token {}-{} ms, {} ms between tokens, {}-{} tokens per answer\n",
        facts.ttft_ms.0, facts.ttft_ms.1, facts.token_delay_ms, facts.tokens.0, facts.tokens.1
    );
    let _ = writeln!(
        out,
        "What the filter measured (http://{}/stats/prometheus):",
        facts.admin
    );
    let _ = writeln!(out, "  requests               {:.0}", filter.requests);
    let _ = writeln!(out, "  output tokens          {:.0}", filter.output_tokens);
    let _ = writeln!(out, "  input tokens           {:.0}", filter.input_tokens);
    quantile_row(
        &mut out,
        "time to first token",
        [filter.ttft_p50_ms, filter.ttft_p99_ms, filter.ttft_mean_ms],
    );
    quantile_row(
        &mut out,
        "inter-chunk gap",
        [filter.gap_p50_ms, filter.gap_p99_ms, filter.gap_mean_ms],
    );
    let _ = writeln!(out, "  by model:");
    for m in &filter.models {
        let _ = writeln!(
            out,
            "    {:<24} {:>5.0} requests  {:>7.0} output tokens  TTFT p50 {}",
            m.model,
            m.requests,
            m.output_tokens,
            ms(m.ttft_p50_ms)
        );
    }
    let _ = writeln!(out, "\nWhat the client measured:");
    let _ = writeln!(out, "  requests               {}", client.requests);
    let _ = writeln!(out, "  output tokens          {}", client.output_tokens);
    quantile_row(
        &mut out,
        "time to first token",
        [client.ttft_p50_ms, client.ttft_p99_ms, client.ttft_mean_ms],
    );
    let _ = writeln!(
        out,
        "\nFilter quantiles are estimated from Envoy's histogram buckets, interpolated linearly\n\
         inside a bucket as PromQL's histogram_quantile does, so they are only as fine as the\n\
         buckets (gaps: 10, 25, 50 ms ...); means are _sum / _count. The client's are exact."
    );
    let _ = writeln!(out, "\nPut the same filter in front of your own server:");
    let _ = writeln!(
        out,
        "  llmtap run --upstream http://YOUR-LLM-SERVER:8000 --listen 127.0.0.1:10000 --admin 127.0.0.1:9901"
    );
    let _ = writeln!(
        out,
        "  curl -s 127.0.0.1:9901/stats/prometheus | grep ^llm_"
    );
    out
}

/// One timing line: `label`, then p50, p99 and mean in milliseconds.
fn quantile_row(out: &mut String, label: &str, [p50, p99, mean]: [f64; 3]) {
    let _ = writeln!(
        out,
        "  {label:<22} p50 {}   p99 {}   mean {}",
        ms(p50),
        ms(p99),
        ms(mean)
    );
}

fn ms(value: f64) -> String {
    if value.is_finite() {
        format!("{value:.1} ms")
    } else {
        "n/a".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use llmtap_aggregator::prom_text::parse;
    use std::time::Duration;

    fn scrape() -> Exposition {
        let mut text = String::new();
        for (model, n, out, lo) in [("gpt-4o-mini", 2, 80, 1), ("qwen2.5-7b", 1, 41, 0)] {
            text += &format!(
                "llm_requests_total{{gen_ai_request_model=\"{model}\",outcome=\"complete\"}} {n}\n\
                 llm_tokens_total{{gen_ai_request_model=\"{model}\",gen_ai_token_type=\"output\"}} {out}\n\
                 llm_tokens_total{{gen_ai_request_model=\"{model}\",gen_ai_token_type=\"input\"}} 10\n\
                 llm_time_to_first_token_milliseconds_bucket{{gen_ai_request_model=\"{model}\",le=\"60\"}} 0\n\
                 llm_time_to_first_token_milliseconds_bucket{{gen_ai_request_model=\"{model}\",le=\"80\"}} {lo}\n\
                 llm_time_to_first_token_milliseconds_bucket{{gen_ai_request_model=\"{model}\",le=\"100\"}} {n}\n\
                 llm_time_to_first_token_milliseconds_bucket{{gen_ai_request_model=\"{model}\",le=\"+Inf\"}} {n}\n\
                 llm_time_to_first_token_milliseconds_count{{gen_ai_request_model=\"{model}\"}} {n}\n\
                 llm_time_to_first_token_milliseconds_sum{{gen_ai_request_model=\"{model}\"}} {}\n\
                 llm_inter_chunk_gap_microseconds_bucket{{gen_ai_request_model=\"{model}\",le=\"10000\"}} 0\n\
                 llm_inter_chunk_gap_microseconds_bucket{{gen_ai_request_model=\"{model}\",le=\"25000\"}} 100\n\
                 llm_inter_chunk_gap_microseconds_bucket{{gen_ai_request_model=\"{model}\",le=\"+Inf\"}} 100\n",
                n * 85
            );
        }
        parse(&text).unwrap()
    }

    #[test]
    fn summary_from_a_scrape() {
        let s = filter_summary(&scrape());
        assert_eq!(s.requests, 3.0);
        assert_eq!(s.output_tokens, 121.0);
        assert_eq!(s.input_tokens, 20.0);
        assert_eq!(s.ttft_count, 3.0);
        // Summed buckets: le=80 → 1, le=100 → 3; rank 1.5 → 80 + 20 × 0.5/2.
        assert_eq!(s.ttft_p50_ms, 85.0);
        assert_eq!(s.ttft_mean_ms, 85.0);
        assert!(s.gap_mean_ms.is_nan(), "no _sum/_count for gaps");
        // Gaps: 200 in (10 ms, 25 ms]; rank 100 → 10 + 15 × 100/200 = 17.5 ms.
        assert_eq!(s.gap_p50_ms, 17.5);
        assert_eq!(s.models.len(), 2);
        assert_eq!(s.models[0].model, "gpt-4o-mini");
        assert_eq!(s.models[0].requests, 2.0);
        assert_eq!(s.models[0].output_tokens, 80.0);
        assert_eq!(s.models[0].ttft_p50_ms, 80.0);
        assert_eq!(s.models[1].ttft_p50_ms, 90.0);
    }

    #[test]
    fn empty_scrape_gives_zeros_and_nan() {
        let s = filter_summary(&Exposition::default());
        assert_eq!(s.requests, 0.0);
        assert!(s.ttft_p50_ms.is_nan());
        assert!(s.models.is_empty());
    }

    fn measured(ttft_ms: u64) -> Measured {
        Measured {
            ttft: Duration::from_millis(ttft_ms),
            content_events: 3,
        }
    }

    #[test]
    fn client_quantiles_are_exact() {
        let d: Vec<Measured> = [30, 10, 20, 40].into_iter().map(measured).collect();
        let c = client_summary(&d);
        assert_eq!(c.requests, 4);
        assert_eq!(c.output_tokens, 12);
        assert!((c.ttft_p50_ms - 25.0).abs() < 1e-9);
        assert!((c.ttft_p99_ms - 39.7).abs() < 1e-9);
        assert!((c.ttft_mean_ms - 25.0).abs() < 1e-9);
        assert!(client_summary(&[]).ttft_p50_ms.is_nan());
    }

    #[test]
    fn report_mentions_everything() {
        let facts = DemoFacts {
            requests: 3,
            concurrency: 2,
            ttft_ms: (60, 100),
            token_delay_ms: 15,
            tokens: (38, 42),
            admin: "127.0.0.1:9999".into(),
        };
        let text = render(
            &facts,
            &filter_summary(&scrape()),
            &client_summary(&[measured(81)]),
        );
        for want in [
            "requests               3",
            "output tokens          121",
            "p50 85.0 ms",
            "p50 17.5 ms",
            "gpt-4o-mini",
            "http://127.0.0.1:9999/stats/prometheus",
            "What the client measured:\n  requests               1\n  output tokens          3\n",
            "p50 81.0 ms",
            "llmtap run --upstream http://YOUR-LLM-SERVER:8000 --listen 127.0.0.1:10000 --admin 127.0.0.1:9901",
            "grep ^llm_",
        ] {
            assert!(text.contains(want), "missing {want:?} in\n{text}");
        }
    }
}
