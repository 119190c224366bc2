//! The demo's story on stdout: what the filter measured per model and phase (from Envoy's
//! own metrics), what the aggregator concluded (each drift and spike verdict with its
//! figures, read from its JSON `/report`), whether that matches the script, and where the
//! report is. Pure: figures and report in, text out.

use super::script::{DemoWindows, Expected, MODELS};
use llmtap_aggregator::prom_text::Exposition;
use serde_json::Value;
use std::fmt::Write as _;
use std::path::Path;

/// What the filter measured for one model: the baseline phase and the incident phase.
#[derive(Debug, Clone, PartialEq)]
pub struct PhaseFigures {
    pub model: &'static str,
    pub baseline: Figures,
    pub incident: Figures,
}

/// Per-phase figures of one model (from the filter's counters and histograms).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Figures {
    pub requests: f64,
    /// Mean prompt tokens per request.
    pub prompt_tokens: f64,
    /// Mean output tokens per request.
    pub output_tokens: f64,
    /// Median time to first token (from the histogram), in milliseconds.
    pub ttft_p50_ms: f64,
    pub refusals: f64,
}

/// A histogram family of one model, `later − earlier` per bucket.
fn histogram_between(
    earlier: &Exposition,
    later: &Exposition,
    base: &str,
    model: &str,
) -> llmtap_aggregator::histogram::Histogram {
    let m = [("gen_ai_request_model", model)];
    let before = earlier.histogram(base, &m);
    let pairs = later
        .histogram(base, &m)
        .map(|h| {
            h.buckets()
                .iter()
                .map(|(le, c)| {
                    let b = before
                        .as_ref()
                        .and_then(|h| h.buckets().iter().find(|(x, _)| x == le))
                        .map_or(0.0, |(_, c)| *c);
                    (*le, c - b)
                })
                .collect()
        })
        .unwrap_or_default();
    llmtap_aggregator::histogram::Histogram::from_cumulative(pairs)
}

impl Figures {
    /// The figures of `model` between two scrapes of Envoy's metrics.
    pub fn between(earlier: &Exposition, later: &Exposition, model: &str) -> Figures {
        let m = [("gen_ai_request_model", model)];
        let diff = |name: &str| later.sum(name, &m) - earlier.sum(name, &m);
        let mean = |base: &str| {
            let count = diff(&format!("{base}_count"));
            if count > 0.0 {
                diff(&format!("{base}_sum")) / count
            } else {
                f64::NAN
            }
        };
        Figures {
            requests: diff("llm_requests_total"),
            prompt_tokens: mean("llm_prompt_tokens"),
            output_tokens: mean("llm_output_tokens"),
            ttft_p50_ms: histogram_between(
                earlier,
                later,
                "llm_time_to_first_token_milliseconds",
                model,
            )
            .quantile(0.5),
            refusals: diff("llm_refusals_total"),
        }
    }
}

impl PhaseFigures {
    /// `at_incident`: Envoy's metrics when the incident began; `at_end`: after the load.
    pub fn of(model: &'static str, at_incident: &Exposition, at_end: &Exposition) -> Self {
        PhaseFigures {
            model,
            baseline: Figures::between(&Exposition::default(), at_incident, model),
            incident: Figures::between(at_incident, at_end, model),
        }
    }
}

/// Everything the story is told from.
pub struct Story<'a> {
    pub seconds: f64,
    pub requests: u64,
    pub windows: DemoWindows,
    pub figures: &'a [PhaseFigures],
    /// The aggregator's JSON report covering the incident.
    pub report: &'a Value,
    pub html: &'a Path,
    pub json: &'a Path,
    /// The `llmtap drift --once` command that computes the report again from the state.
    pub again: &'a str,
}

fn num(v: &Value) -> Option<f64> {
    v.as_f64()
}

/// A number for a table: 3 significant figures, `-` when unknown.
fn fig(v: f64) -> String {
    if !v.is_finite() {
        return "-".to_owned();
    }
    if v.abs() >= 100.0 {
        format!("{v:.0}")
    } else if v.abs() >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

fn opt(v: Option<f64>) -> String {
    v.map_or("-".to_owned(), fig)
}

fn pct(v: Option<f64>) -> String {
    v.map_or("-".to_owned(), |r| format!("{}%", fig(r * 100.0)))
}

fn model_of(entry: &Value) -> &str {
    entry["gen_ai_request_model"].as_str().unwrap_or("")
}

/// The figures of a drift entry: `PSI 2.31 > critical 0.094 (n = 240 reference / 150 current)`.
pub fn drift_line(d: &Value) -> String {
    let s = &d["statistics"];
    let (psi, critical) = (num(&s["psi"]), num(&s["critical_psi"]));
    let relation = match psi.zip(critical) {
        Some((p, c)) if p > c => ">",
        Some(_) => "≤",
        None => "vs",
    };
    format!(
        "PSI {} {relation} critical {} (n = {} reference / {} current)",
        opt(psi),
        opt(critical),
        opt(num(&s["reference_samples"])),
        opt(num(&s["current_samples"])),
    )
}

/// The figures of a spike entry.
pub fn spike_line(s: &Value) -> String {
    let st = &s["statistics"];
    format!(
        "{} of {} = {} in the last {{spike}} vs trailing mean {} ± {} (3σ threshold {}), binomial p {}",
        st["current"]["events"].as_u64().unwrap_or(0),
        st["current"]["trials"].as_u64().unwrap_or(0),
        pct(num(&st["current_rate"])),
        pct(num(&st["trailing_mean_rate"])),
        pct(num(&st["trailing_sd_rate"])),
        pct(num(&st["three_sigma_threshold"])),
        num(&st["binomial_p_value"]).map_or("-".to_owned(), |p| format!("{p:.1e}")),
    )
}

fn is_drift(d: &Value) -> bool {
    d["verdict"] == "drift"
}

fn is_spike_alarm(s: &Value) -> bool {
    s["verdict"] == "spike" || s["verdict"] == "sustained_rise"
}

fn entries<'a>(report: &'a Value, section: &str) -> impl Iterator<Item = &'a Value> {
    report[section].as_array().into_iter().flatten()
}

/// Whether `report` holds the verdict `expected` for `model`.
fn found(report: &Value, model: &str, expected: Expected) -> bool {
    match expected {
        Expected::Drift(feature) => entries(report, "drift")
            .any(|d| model_of(d) == model && d["feature"] == feature && is_drift(d)),
        Expected::Spike(signal) => entries(report, "spikes")
            .any(|s| model_of(s) == model && s["signal"] == signal && s["verdict"] == "spike"),
    }
}

/// What differs from the script: a scripted verdict not found, or any alarm on the control.
pub fn check(report: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for m in &MODELS {
        match m.role.expected() {
            Some(expected) if !found(report, m.name, expected) => {
                problems.push(format!("{}: expected {expected:?}, not found", m.name));
            }
            Some(_) => {}
            None => {
                for d in entries(report, "drift").filter(|d| model_of(d) == m.name && is_drift(d)) {
                    problems.push(format!(
                        "{} (control): drift on {}: {}",
                        m.name,
                        d["feature"].as_str().unwrap_or("?"),
                        drift_line(d)
                    ));
                }
                for s in
                    entries(report, "spikes").filter(|s| model_of(s) == m.name && is_spike_alarm(s))
                {
                    problems.push(format!(
                        "{} (control): {} on {}",
                        m.name,
                        s["verdict"].as_str().unwrap_or("?"),
                        s["signal"].as_str().unwrap_or("?")
                    ));
                }
            }
        }
    }
    problems
}

/// A count (requests, refusals) as a whole number.
fn count(v: f64) -> String {
    if v.is_finite() {
        format!("{v:.0}")
    } else {
        "-".to_owned()
    }
}

fn filter_table(out: &mut String, figures: &[PhaseFigures]) {
    let _ = writeln!(
        out,
        "\nWhat the filter measured (Envoy /stats/prometheus), baseline → incident:"
    );
    let _ = writeln!(
        out,
        "  {:<24} {:>13} {:>17} {:>15} {:>17} {:>11}",
        "model", "requests", "prompt tokens", "output tokens", "TTFT p50 (ms)", "refusals"
    );
    for f in figures {
        let (b, i) = (&f.baseline, &f.incident);
        let pair = |x: f64, y: f64| format!("{} → {}", fig(x), fig(y));
        let counts = |x: f64, y: f64| format!("{} → {}", count(x), count(y));
        let _ = writeln!(
            out,
            "  {:<24} {:>13} {:>17} {:>15} {:>17} {:>11}",
            f.model,
            counts(b.requests, i.requests),
            pair(b.prompt_tokens, i.prompt_tokens),
            pair(b.output_tokens, i.output_tokens),
            pair(b.ttft_p50_ms, i.ttft_p50_ms),
            counts(b.refusals, i.refusals),
        );
    }
}

fn verdicts(out: &mut String, story: &Story<'_>) {
    let w = story.windows;
    let _ = writeln!(
        out,
        "\nWhat the aggregator concluded (current {} s vs the {} s before; spike windows of {} s vs the {} s before):",
        w.current, w.reference, w.spike, w.trailing
    );
    let spike_len = format!("{} s", w.spike);
    for m in &MODELS {
        let _ = writeln!(out, "  {} — scripted: {}", m.name, m.role.story());
        let mut any = false;
        for d in entries(story.report, "drift").filter(|d| model_of(d) == m.name && is_drift(d)) {
            any = true;
            let _ = writeln!(
                out,
                "    drift  {:<16} {}",
                d["feature"].as_str().unwrap_or("?"),
                drift_line(d)
            );
        }
        for s in
            entries(story.report, "spikes").filter(|s| model_of(s) == m.name && is_spike_alarm(s))
        {
            any = true;
            let _ = writeln!(
                out,
                "    {:<6} {:<16} {}",
                s["verdict"].as_str().unwrap_or("?"),
                s["signal"].as_str().unwrap_or("?"),
                spike_line(s).replace("{spike}", &spike_len)
            );
        }
        if !any {
            let compared = entries(story.report, "drift")
                .filter(|d| model_of(d) == m.name)
                .count();
            let signals = entries(story.report, "spikes")
                .filter(|s| model_of(s) == m.name)
                .count();
            let _ = writeln!(
                out,
                "    no drift ({compared} comparisons), no spike ({signals} signals)"
            );
        }
    }
}

/// One line each for what this build cannot show: answer labels, topic drift.
fn not_in_this_build(out: &mut String, report: &Value) {
    let labels: Vec<&str> = entries(report, "drift")
        .filter_map(|d| d["feature"].as_str())
        .filter(|f| f.starts_with("answer_label:"))
        .collect();
    if labels.is_empty() {
        let _ = writeln!(
            out,
            "\nAnswer labels: not in this report (no llm_answer_labels_total series: the filter build or its configuration has none)."
        );
    } else {
        let _ = writeln!(out, "\nAnswer labels compared: {}.", labels.join(", "));
    }
    let _ = writeln!(
        out,
        "Topic drift (prompt sampling and embeddings): not part of this build."
    );
}

/// The whole story.
pub fn render(story: &Story<'_>) -> String {
    let mut out = format!(
        "\nllmtap demo: {} requests to {} models through Envoy + llmtap in {:.0} s; `llmtap aggregate` scraped Envoy every second.\n",
        story.requests,
        MODELS.len(),
        story.seconds
    );
    filter_table(&mut out, story.figures);
    verdicts(&mut out, story);
    let problems = check(story.report);
    if problems.is_empty() {
        let _ = writeln!(
            out,
            "\nEvery scripted change was found, and nothing on the control."
        );
    }
    not_in_this_build(&mut out, story.report);
    let _ = writeln!(
        out,
        "\nReport: {} (plots: distributions, PSI over time, rates per spike window)\nJSON:   {}\n\
         `llmtap aggregate` serves the same page at /report.html while it runs; again from the saved state:\n  {}",
        story.html.display(),
        story.json.display(),
        story.again
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn drift(model: &str, feature: &str, verdict: &str) -> Value {
        json!({"gen_ai_request_model": model, "feature": feature, "verdict": verdict,
               "statistics": {"psi": 2.5, "critical_psi": 0.09, "reference_samples": 240.0, "current_samples": 150.0}})
    }

    fn spike(model: &str, verdict: &str) -> Value {
        json!({"gen_ai_request_model": model, "signal": "refusal_rate", "verdict": verdict,
               "statistics": {"current": {"events": 15, "trials": 30}, "current_rate": 0.5,
                              "trailing_mean_rate": 0.025, "trailing_sd_rate": 0.01,
                              "three_sigma_threshold": 0.055, "binomial_p_value": 1.2e-14}})
    }

    fn scripted() -> Value {
        json!({
            "drift": [
                drift("gpt-4o-mini", "prompt_tokens", "drift"),
                drift("qwen2.5-7b", "ttft", "drift"),
                drift("mistral-7b-instruct", "ttft", "no_drift"),
            ],
            "spikes": [spike("llama-3.1-8b-instruct", "spike"), spike("mistral-7b-instruct", "no_spike")],
        })
    }

    #[test]
    fn the_scripted_report_passes_the_check() {
        assert_eq!(check(&scripted()), Vec::<String>::new());
    }

    #[test]
    fn a_missing_verdict_or_an_alarm_on_the_control_is_a_problem() {
        let mut r = scripted();
        r["drift"][1]["verdict"] = json!("no_drift");
        r["drift"][2]["verdict"] = json!("drift");
        r["spikes"][1]["verdict"] = json!("sustained_rise");
        let problems = check(&r);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].starts_with("qwen2.5-7b: expected Drift(\"ttft\")"));
        assert!(problems[1].contains("(control): drift on ttft"));
        assert!(problems[2].contains("(control): sustained_rise on refusal_rate"));
    }

    #[test]
    fn the_story_gives_each_verdict_with_its_figures() {
        let report = scripted();
        let story = Story {
            seconds: 80.0,
            requests: 1900,
            windows: super::super::script::WINDOWS,
            figures: &[],
            report: &report,
            html: Path::new("/x/report.html"),
            json: Path::new("/x/report.json"),
            again: "llmtap drift --once",
        };
        let text = render(&story);
        assert!(text.contains(
            "drift  prompt_tokens    PSI 2.50 > critical 0.09 (n = 240 reference / 150 current)"
        ));
        assert!(text.contains("spike  refusal_rate     15 of 30 = 50.0% in the last 5 s vs trailing mean 2.50% ± 1.00% (3σ threshold 5.50%), binomial p 1.2e-14"));
        assert!(text.contains("mistral-7b-instruct — scripted: control"));
        assert!(text.contains("no drift (1 comparisons), no spike (1 signals)"));
        assert!(text.contains("Every scripted change was found"));
        assert!(text.contains("Answer labels: not in this report"));
        assert!(
            text.contains("Topic drift (prompt sampling and embeddings): not part of this build.")
        );
        assert!(text.contains("Report: /x/report.html"));
    }

    #[test]
    fn figures_are_the_difference_between_scrapes() {
        let at = |requests: f64, prompt_sum: f64| {
            llmtap_aggregator::prom_text::parse(&format!(
                "llm_requests_total{{gen_ai_request_model=\"m\",outcome=\"complete\"}} {requests}\n\
                 llm_prompt_tokens_sum{{gen_ai_request_model=\"m\"}} {prompt_sum}\n\
                 llm_prompt_tokens_count{{gen_ai_request_model=\"m\"}} {requests}\n"
            ))
            .unwrap()
        };
        let f = PhaseFigures::of("m", &at(10.0, 600.0), &at(30.0, 6600.0));
        assert_eq!(f.baseline.requests, 10.0);
        assert_eq!(f.baseline.prompt_tokens, 60.0);
        assert_eq!(f.incident.requests, 20.0);
        assert_eq!(f.incident.prompt_tokens, 300.0);
        assert!(f.incident.ttft_p50_ms.is_nan());
    }
}
