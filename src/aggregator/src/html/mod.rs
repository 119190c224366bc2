//! The HTML report (`GET /report.html`, `llmtap drift --once --html FILE`): one page per
//! evaluation with, per label set, the current vs reference distributions as overlaid bars,
//! PSI and its critical value over time, and the refusal and error rates per spike window with
//! the trailing mean and 3σ band. Plain HTML and inline SVG: no script, no network fetch (no
//! external style sheet, font or image), readable without JavaScript. Every text that came
//! from traffic (model names, services, category values) is escaped.

pub mod plots;
pub mod svg;

use crate::analysis::{DriftEntry, DriftVerdict, Group, SpikeEntry};
use crate::history::History;
use crate::report::Report;
use crate::stats::spike::SpikeVerdict;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use svg::escape;

/// Prefix of the answer-label features (`answer_label:<name>`), when the filter exports them.
const ANSWER_LABEL_PREFIX: &str = "answer_label:";

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#1a202c;background:#fff;max-width:1240px}\
h1{font-size:22px;margin:0 0 6px}h2{font-size:19px;margin:28px 0 8px;padding-top:12px;border-top:2px solid #cbd5e0}\
h3{font-size:15px;margin:18px 0 6px;color:#2d3748}p,li,td,th{font-size:13px;line-height:1.45}\
table{border-collapse:collapse;margin:6px 0 10px}td,th{border:1px solid #e2e8f0;padding:3px 8px;text-align:left}\
th{background:#f7fafc}td.num{text-align:right;font-variant-numeric:tabular-nums}\
.alarm{color:#b7410e;font-weight:600}.quiet{color:#4a5568}.meta{color:#4a5568;margin:2px 0}\
.row{display:flex;flex-wrap:wrap;gap:14px}figure{width:382px;margin:0 0 10px;border:1px solid #e2e8f0;border-radius:4px;padding:6px}\
figcaption{font-size:12px;margin-bottom:4px}p.empty{width:380px;color:#718096;font-size:12px;margin:8px 0}\
nav a{margin-right:12px;font-size:13px}";

/// Unix seconds as RFC 3339 (UTC).
fn time(unix: u64) -> String {
    humantime::format_rfc3339_seconds(std::time::UNIX_EPOCH + std::time::Duration::from_secs(unix))
        .to_string()
}

/// A duration in seconds as `40 s`, `5 min`, `24 h`, `7 d`.
fn length(seconds: u64) -> String {
    match seconds {
        s if s >= 86_400 && s % 86_400 == 0 => format!("{} d", s / 86_400),
        s if s >= 3600 && s % 3600 == 0 => format!("{} h", s / 3600),
        s if s >= 60 && s % 60 == 0 => format!("{} min", s / 60),
        s => format!("{s} s"),
    }
}

fn number(v: Option<f64>) -> String {
    v.map_or("–".to_owned(), plots::format_number)
}

fn rate(v: Option<f64>) -> String {
    v.map_or("–".to_owned(), |r| format!("{:.1}%", r * 100.0))
}

/// A p-value: three decimals, scientific below 0.001.
fn p_value(v: Option<f64>) -> String {
    match v {
        Some(p) if p >= 0.001 => format!("{p:.3}"),
        Some(p) => format!("{p:.1e}"),
        None => "–".to_owned(),
    }
}

/// The label set as shown: the model, and the destination service when there is one.
fn group_name(g: &Group) -> String {
    let model = if g.gen_ai_request_model.is_empty() {
        "(no model)"
    } else {
        &g.gen_ai_request_model
    };
    if g.destination_service.is_empty() {
        model.to_owned()
    } else {
        format!("{model} → {}", g.destination_service)
    }
}

fn spike_alarm(s: &SpikeEntry) -> bool {
    matches!(s.verdict, SpikeVerdict::Spike | SpikeVerdict::SustainedRise)
}

fn spike_verdict_name(v: SpikeVerdict) -> &'static str {
    match v {
        SpikeVerdict::NoSpike => "no_spike",
        SpikeVerdict::Spike => "spike",
        SpikeVerdict::SustainedRise => "sustained_rise",
        SpikeVerdict::InsufficientVolume => "insufficient_volume",
        SpikeVerdict::NoData => "no_data",
    }
}

/// `<span>` of a verdict, marked when it calls for attention.
fn verdict_span(name: &str, alarm: bool) -> String {
    let class = if alarm { "alarm" } else { "quiet" };
    format!(r#"<span class="{class}">{}</span>"#, escape(name))
}

/// One-line figures of a drift comparison.
fn drift_figures(d: &DriftEntry) -> String {
    let s = &d.statistics;
    format!(
        "PSI {} vs critical {} (n = {} reference / {} current)",
        number(s.psi),
        number(s.critical_psi),
        plots::format_number(s.reference_samples),
        plots::format_number(s.current_samples)
    )
}

/// One-line figures of a spike evaluation.
fn spike_figures(s: &SpikeEntry) -> String {
    let st = &s.statistics;
    format!(
        "{} of {} = {} in the current window; trailing mean {} (3σ threshold {}); binomial p {}",
        st.current.events,
        st.current.trials,
        rate(st.current_rate),
        rate(st.trailing_mean_rate),
        rate(st.three_sigma_threshold),
        p_value(st.binomial_p_value)
    )
}

fn header(out: &mut String, report: &Report) {
    let w = &report.windows;
    let spike = w.spikes.last().map_or(0, |r| r.end - r.start);
    let _ = write!(
        out,
        "<h1>llmtap: drift and spike report</h1>\
         <p class=\"meta\">source {} · evaluated {} · {}</p>\
         <p class=\"meta\">current window {} → {} ({}) · reference {} → {} ({}) · spike window {}, {} trailing</p>",
        escape(&report.source),
        time(report.generated_at),
        if report.healthy {
            format!("{} alarm(s)", report.alarms)
        } else {
            "<span class=\"alarm\">source failed: no verdict</span>".to_owned()
        },
        time(w.current.start),
        time(w.current.end),
        length(w.current.end - w.current.start),
        time(w.reference.start),
        time(w.reference.end),
        length(w.reference.end - w.reference.start),
        length(spike),
        w.spikes.len().saturating_sub(1),
    );
    for e in &report.errors {
        let _ = write!(out, "<p class=\"alarm\">error: {}</p>", escape(e));
    }
    for warning in &report.warnings {
        let _ = write!(out, "<p class=\"meta\">warning: {}</p>", escape(warning));
    }
}

/// The table of every verdict that calls for attention.
fn alarms(out: &mut String, report: &Report) {
    out.push_str("<h2 id=\"verdicts\">Verdicts that call for attention</h2>");
    let drift: Vec<&DriftEntry> = report
        .analysis
        .drift
        .iter()
        .filter(|d| d.verdict == DriftVerdict::Drift)
        .collect();
    let spikes: Vec<&SpikeEntry> = report
        .analysis
        .spikes
        .iter()
        .filter(|s| spike_alarm(s))
        .collect();
    if drift.is_empty() && spikes.is_empty() {
        out.push_str("<p>None: no drift, no spike.</p>");
        return;
    }
    out.push_str("<table><tr><th>label set</th><th>what</th><th>verdict</th><th>figures</th></tr>");
    for d in drift {
        let feature: &str = &d.feature;
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&group_name(&d.group)),
            escape(feature),
            verdict_span(d.verdict.name(), true),
            escape(&drift_figures(d))
        );
    }
    for s in spikes {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&group_name(&s.group)),
            s.signal.name(),
            verdict_span(spike_verdict_name(s.verdict), true),
            escape(&spike_figures(s))
        );
    }
    out.push_str("</table>");
}

/// A `<figure>` holding a plot, or a sentence when there is nothing to draw.
fn figure(out: &mut String, caption: &str, plot: Option<String>, empty: &str) {
    let _ = write!(out, "<figure><figcaption>{caption}</figcaption>");
    match plot {
        Some(svg) => out.push_str(&svg),
        None => {
            let _ = write!(out, "<p class=\"empty\">{}</p>", escape(empty));
        }
    }
    out.push_str("</figure>");
}

/// One drift comparison: its distributions next to its PSI over time.
fn drift_row(out: &mut String, d: &DriftEntry, history: &History) {
    let feature: &str = &d.feature;
    let caption = format!(
        "<b>{}</b> · {} · {}",
        escape(feature),
        verdict_span(d.verdict.name(), d.verdict == DriftVerdict::Drift),
        escape(&drift_figures(d))
    );
    out.push_str("<div class=\"row\">");
    figure(
        out,
        &caption,
        plots::distribution(d),
        "no observations in either window",
    );
    figure(
        out,
        &format!(
            "<b>{}</b> · PSI and critical PSI over time",
            escape(feature)
        ),
        plots::psi_over_time(feature, &history.points(feature, &d.group)),
        "no PSI test yet: a single category or bin, or too few observations",
    );
    out.push_str("</div>");
}

fn model_section(
    out: &mut String,
    index: usize,
    group: &Group,
    report: &Report,
    history: &History,
) {
    let _ = write!(
        out,
        "<section id=\"set-{index}\"><h2>{}</h2>",
        escape(&group_name(group))
    );
    let drift: Vec<&DriftEntry> = report
        .analysis
        .drift
        .iter()
        .filter(|d| &d.group == group)
        .collect();
    let (histograms, categories): (Vec<&DriftEntry>, Vec<&DriftEntry>) =
        drift.iter().partition(|d| d.kind == "histogram");
    out.push_str("<h3>Distributions: current (blue, orange on drift) over reference (grey)</h3>");
    for d in &histograms {
        drift_row(out, d, history);
    }
    out.push_str("<h3>Shares: finish reasons, outcomes and answer labels</h3>");
    for d in &categories {
        drift_row(out, d, history);
    }
    let labels = categories.iter().any(|d| {
        let feature: &str = &d.feature;
        feature.starts_with(ANSWER_LABEL_PREFIX)
    });
    if !labels {
        out.push_str(
            "<p class=\"meta\">Answer labels: none for this label set (no <code>llm_answer_labels_total</code> series: the filter build or its configuration has no answer labels).</p>",
        );
    }
    embedding_line(out, report, group);
    out.push_str("<h3>Refusal and error rates per spike window</h3><div class=\"row\">");
    for s in report.analysis.spikes.iter().filter(|s| &s.group == group) {
        let caption = format!(
            "<b>{}</b> · {} · {}",
            s.signal.name(),
            verdict_span(spike_verdict_name(s.verdict), spike_alarm(s)),
            escape(&spike_figures(s))
        );
        figure(
            out,
            &caption,
            plots::spike_rates(s, &report.windows.spikes),
            "no requests in any spike window",
        );
    }
    out.push_str("</div></section>");
}

/// The whole page.
pub fn render(report: &Report, history: &History) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>llmtap report</title><style>{STYLE}</style></head><body>"
    );
    header(&mut out, report);
    if report.healthy {
        alarms(&mut out, report);
        let groups: BTreeSet<&Group> = report
            .analysis
            .drift
            .iter()
            .map(|d| &d.group)
            .chain(report.analysis.spikes.iter().map(|s| &s.group))
            .collect();
        out.push_str("<nav>");
        for (i, g) in groups.iter().enumerate() {
            let _ = write!(out, "<a href=\"#set-{i}\">{}</a>", escape(&group_name(g)));
        }
        out.push_str("</nav>");
        for (i, g) in groups.iter().enumerate() {
            model_section(&mut out, i, g, report, history);
        }
    }
    out.push_str("</body></html>\n");
    out
}

/// The prompt-embedding drift of the group's model in one line (or why there is none).
fn embedding_line(out: &mut String, report: &Report, group: &Group) {
    let entry = report
        .analysis
        .embedding_drift
        .iter()
        .find(|e| e.group.gen_ai_request_model == group.gen_ai_request_model);
    let Some(e) = entry else {
        out.push_str("<p class=\"meta\">Embedding drift: no prompt samples for this model (the aggregator embeds them with <code>--embedding-model</code>; the filter sends them with <code>prompt_sampling</code>).</p>");
        return;
    };
    let f = |v: Option<f64>| v.map_or("-".to_owned(), |v| format!("{v:.4}"));
    let text = format!(
        "Embedding drift (prompt topics): cosine distance between centroids {} (threshold {}), statistic {} (p ≤ {}), spread {} → {}, n = {}/{}",
        f(e.statistics.cosine_distance),
        e.statistics.threshold,
        f(e.statistics.statistic),
        f(e.statistics.p_value),
        f(e.statistics.reference_spread),
        f(e.statistics.current_spread),
        e.statistics.reference_samples,
        e.statistics.current_samples,
    );
    let _ = write!(
        out,
        "<p class=\"meta\">{} · {}</p>",
        escape(&text),
        verdict_span(e.verdict.name(), e.verdict == DriftVerdict::Drift)
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, AnalysisSettings, WindowTotals};
    use crate::totals::{SeriesKey, Totals};
    use crate::windows::WindowSettings;

    fn add(t: &mut Totals, name: &str, labels: &[(&str, &str)], v: f64) {
        t.add(SeriesKey::reduce(name, labels.iter().copied()), v);
    }

    /// A report with a prompt drift and a refusal spike on a model with a hostile name.
    fn report() -> Report {
        let model = "<img src=x onerror=alert(1)>";
        let mut w = WindowTotals::default();
        for (t, counts) in [
            (&mut w.reference, [500.0, 800.0, 1000.0]),
            (&mut w.current, [100.0, 400.0, 1000.0]),
        ] {
            for (le, c) in ["10", "100", "+Inf"].iter().zip(counts) {
                add(
                    t,
                    "llm_prompt_tokens_bucket",
                    &[("gen_ai_request_model", model), ("le", le)],
                    c,
                );
            }
        }
        for i in 0..7 {
            let mut t = Totals::default();
            let refusals = if i == 6 { 50.0 } else { 2.0 + f64::from(i % 2) };
            add(
                &mut t,
                "llm_requests_total",
                &[("gen_ai_request_model", model), ("outcome", "complete")],
                100.0,
            );
            add(
                &mut t,
                "llm_refusals_total",
                &[("gen_ai_request_model", model)],
                refusals,
            );
            w.spikes.push(t);
        }
        let analysis = analyze(&w, &AnalysisSettings::default());
        Report {
            generated_at: 1_000_000,
            source: "http://127.0.0.1:9901".to_owned(),
            windows: WindowSettings {
                spike: std::time::Duration::from_secs(5),
                trailing: std::time::Duration::from_secs(30),
                ..WindowSettings::default()
            }
            .at(1_000_000),
            healthy: true,
            errors: Vec::new(),
            warnings: Vec::new(),
            alarms: analysis.alarms(),
            analysis,
        }
    }

    #[test]
    fn page_has_every_plot_escapes_traffic_text_and_fetches_nothing() {
        let report = report();
        let mut history = History::default();
        history.record(&report, 999_990);
        history.record(&report, 1_000_000);
        let page = render(&report, &history);
        assert!(!page.contains("<img"), "model name must be escaped");
        assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
        for banned in [
            "<script", "http://", "https://", "@import", "url(", "<link", "<img",
        ] {
            let outside_text = page.replace("http://127.0.0.1:9901", "");
            assert!(!outside_text.contains(banned), "{banned} in page");
        }
        // prompt_tokens distribution + PSI over time, refusal and error rates.
        assert_eq!(page.matches("<svg").count(), 4, "{page}");
        assert!(page.contains("refusal_rate</b> · <span class=\"alarm\">spike"));
        assert!(page.contains("Answer labels: none"));
        assert!(page.contains("Embedding drift: no prompt samples for this model"));
    }

    #[test]
    fn an_unhealthy_report_shows_the_error_and_no_verdict() {
        let mut report = report();
        report.healthy = false;
        report.errors = vec!["scrape of <x> failed".to_owned()];
        let page = render(&report, &History::default());
        assert!(page.contains("source failed: no verdict"));
        assert!(page.contains("scrape of &lt;x&gt; failed"));
        assert!(!page.contains("<svg"));
    }

    #[test]
    fn lengths_read_naturally() {
        assert_eq!(length(40), "40 s");
        assert_eq!(length(300), "5 min");
        assert_eq!(length(86_400), "1 d");
        assert_eq!(length(7 * 86_400), "7 d");
    }
}
