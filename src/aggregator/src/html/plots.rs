//! The report's three kinds of plot, each an inline `<svg>` string: a distribution overlay
//! (reference vs current shares per bin), PSI with its critical value over time, and a rate
//! per spike window with the trailing mean and its 3σ band. `None` when there is nothing to
//! draw (the page then says so in words).

use super::svg::{colour, escape, shorten, ticks, Frame, Scale, Svg};
use crate::analysis::{DriftEntry, DriftVerdict, SpikeEntry};
use crate::history::PsiPoint;
use crate::stats::spike::SpikeVerdict;
use std::ops::Range;

/// Unit of a histogram feature's bounds and how bounds are shown: (unit in the metric,
/// divisor to the shown unit, shown unit).
fn unit(feature: &str) -> (&'static str, f64, &'static str) {
    match feature {
        "prompt_tokens" | "output_tokens" => ("tokens", 1.0, "tokens"),
        "ttft" | "request_duration" => ("ms", 1.0, "ms"),
        "inter_chunk_gap" => ("µs", 1000.0, "ms"),
        _ => ("", 1.0, ""),
    }
}

/// What the x axis of a distribution shows.
pub fn axis_title(entry: &DriftEntry) -> String {
    let feature: &str = &entry.feature;
    if entry.kind == "categorical" {
        return format!("{feature} (share of each value)");
    }
    match unit(feature).2 {
        "" => format!("{feature} (upper bound of each bin)"),
        shown => format!("{feature}, {shown} (upper bound of each bin)"),
    }
}

/// A bin's label: a category, `≤ bound` (in the shown unit) or `> previous` for `+Inf`.
fn bin_label(entry: &DriftEntry, index: usize) -> String {
    let Some(label) = entry.bins.labels.get(index) else {
        return String::new();
    };
    if entry.kind == "categorical" {
        return shorten(label, 12);
    }
    let feature: &str = &entry.feature;
    let (_, divisor, _) = unit(feature);
    let show = |s: &str| match s.parse::<f64>() {
        Ok(v) if v.is_finite() => Some(format_number(v / divisor)),
        _ => None,
    };
    match show(label) {
        Some(v) => format!("≤{v}"),
        None => match index
            .checked_sub(1)
            .and_then(|i| entry.bins.labels.get(i))
            .and_then(|p| show(p))
        {
            Some(prev) => format!(">{prev}"),
            None => "all".to_owned(),
        },
    }
}

/// A number with at most three decimals and no trailing zeros; below 0.001 in scientific
/// notation (`1e-4`), so that a small PSI never reads as 0.
pub fn format_number(v: f64) -> String {
    if v.abs() >= 100.0 || v == v.trunc() {
        return format!("{v:.0}");
    }
    if v.abs() < 0.001 {
        return format!("{v:.0e}");
    }
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Each count's share of the total; `None` when the total is 0.
fn shares(counts: &[f64]) -> Option<Vec<f64>> {
    let total: f64 = counts.iter().sum();
    (total > 0.0).then(|| counts.iter().map(|c| c / total).collect())
}

/// A share as a percentage label (`0%`, `12.5%`).
fn percent(v: f64) -> String {
    format!("{}%", format_number(v * 100.0))
}

/// Reference and current shares of each bin, drawn as overlaid bars (wide grey: reference;
/// narrow blue, orange on a `drift` verdict: current).
pub fn distribution(entry: &DriftEntry) -> Option<String> {
    let n = entry.bins.labels.len();
    let reference = shares(&entry.bins.reference);
    let current = shares(&entry.bins.current);
    if n == 0 || (reference.is_none() && current.is_none()) {
        return None;
    }
    let reference = reference.unwrap_or_else(|| vec![0.0; n]);
    let current = current.unwrap_or_else(|| vec![0.0; n]);
    let frame = Frame::PLOT;
    let mut svg = Svg::new(frame);
    let max = reference
        .iter()
        .chain(&current)
        .fold(0.0f64, |a, b| a.max(*b));
    let tick_values = ticks(max, 4);
    let y = Scale {
        domain: (0.0, tick_values.last().copied().unwrap_or(1.0)),
        range: (frame.y0(), frame.y1()),
    };
    svg.axes(&y, &tick_values, percent);
    let band = frame.inner_width() / n as f64;
    let current_fill = if entry.verdict == DriftVerdict::Drift {
        colour::ALARM
    } else {
        colour::CURRENT
    };
    let label_every = n.div_ceil(8);
    let font = if n > 6 { 9.0 } else { 10.0 };
    for i in 0..n {
        let x = frame.x0() + i as f64 * band;
        let label = bin_label(entry, i);
        let (r, c) = (reference[i], current[i]);
        svg.rect(
            "bar reference",
            (x + band * 0.08, y.at(r)),
            (band * 0.84, frame.y0() - y.at(r)),
            colour::REFERENCE,
            0.75,
            &format!("{label}: reference {}", percent(r)),
        );
        svg.rect(
            "bar current",
            (x + band * 0.3, y.at(c)),
            (band * 0.4, frame.y0() - y.at(c)),
            current_fill,
            0.9,
            &format!("{label}: current {}", percent(c)),
        );
        if i % label_every == 0 {
            svg.text((x + band / 2.0, frame.y0() + 13.0), "middle", font, &label);
        }
    }
    svg.text(
        (frame.x0() + frame.inner_width() / 2.0, frame.height - 8.0),
        "middle",
        10.0,
        &axis_title(entry),
    );
    let s = &entry.statistics;
    svg.legend(
        frame.x0(),
        colour::REFERENCE,
        false,
        &format!("reference n={}", format_number(s.reference_samples)),
    );
    svg.legend(
        frame.x0() + 150.0,
        current_fill,
        false,
        &format!("current n={}", format_number(s.current_samples)),
    );
    let feature: &str = &entry.feature;
    Some(svg.finish(&format!("{feature}: current vs reference shares")))
}

/// A value axis, logarithmic when the values span more than [`LOG_SPAN`]× (PSI of a real
/// drift dwarfs its critical value).
struct ValueAxis {
    log: bool,
    scale: Scale,
    ticks: Vec<f64>,
}

/// Ratio of largest to smallest positive value above which the PSI axis is logarithmic.
const LOG_SPAN: f64 = 30.0;

impl ValueAxis {
    fn new(values: &[f64], frame: &Frame) -> ValueAxis {
        let positive: Vec<f64> = values
            .iter()
            .copied()
            .filter(|v| *v > 0.0 && v.is_finite())
            .collect();
        let max = positive.iter().fold(0.0f64, |a, b| a.max(*b));
        let min = positive.iter().fold(f64::INFINITY, |a, b| a.min(*b));
        let range = (frame.y0(), frame.y1());
        if max > 0.0 && max / min > LOG_SPAN {
            let lo = min.log10().floor();
            let hi = max.log10().ceil();
            let ticks = (lo as i32..=hi as i32)
                .map(|e| 10f64.powi(e))
                .collect::<Vec<_>>();
            return ValueAxis {
                log: true,
                scale: Scale {
                    domain: (lo, hi),
                    range,
                },
                ticks,
            };
        }
        let ticks = ticks(max * 1.1, 4);
        ValueAxis {
            log: false,
            scale: Scale {
                domain: (0.0, ticks.last().copied().unwrap_or(1.0)),
                range,
            },
            ticks,
        }
    }

    fn at(&self, v: f64) -> f64 {
        if self.log {
            let floor = 10f64.powf(self.scale.domain.0);
            self.scale.at(v.max(floor).log10())
        } else {
            self.scale.at(v)
        }
    }
}

/// Seconds before `end` as an axis label (`now`, `−40 s`, `−3 min`).
fn ago(end: u64, at: u64) -> String {
    let s = end.saturating_sub(at);
    match s {
        0 => "now".to_owned(),
        1..=299 => format!("−{s} s"),
        300..=10_799 => format!("−{} min", s / 60),
        _ => format!("−{} h", s / 3600),
    }
}

/// PSI (solid, dots orange on `drift`) and its critical value (dashed) at each evaluation.
pub fn psi_over_time(feature: &str, points: &[PsiPoint]) -> Option<String> {
    // Only evaluations with a verdict (a critical value): a single category has a PSI of 0
    // and no test.
    let drawn: Vec<&PsiPoint> = points
        .iter()
        .filter(|p| p.psi.is_some() && p.critical_psi.is_some())
        .collect();
    let (first, last) = (drawn.first()?, drawn.last()?);
    let frame = Frame::PLOT;
    let mut svg = Svg::new(frame);
    let values: Vec<f64> = drawn
        .iter()
        .flat_map(|p| [p.psi, p.critical_psi])
        .flatten()
        .collect();
    let axis = ValueAxis::new(&values, &frame);
    svg.axes(&axis.scale, &[], |_| String::new());
    for t in &axis.ticks {
        let y = axis.at(*t);
        svg.line("grid", (frame.x0(), y), (frame.x1(), y), colour::GRID, "");
        svg.text((frame.x0() - 4.0, y + 4.0), "end", 10.0, &format_number(*t));
    }
    let x = Scale {
        domain: (first.at.saturating_sub(1) as f64, last.at as f64),
        range: (frame.x0() + 6.0, frame.x1() - 6.0),
    };
    let psi: Vec<(f64, f64)> = drawn
        .iter()
        .filter_map(|p| p.psi.map(|v| (x.at(p.at as f64), axis.at(v))))
        .collect();
    let critical: Vec<(f64, f64)> = drawn
        .iter()
        .filter_map(|p| p.critical_psi.map(|v| (x.at(p.at as f64), axis.at(v))))
        .collect();
    svg.polyline("critical", &critical, colour::REFERENCE, "5 4");
    svg.polyline("psi", &psi, colour::CURRENT, "");
    let radius = if drawn.len() > 40 { 2.0 } else { 3.0 };
    for p in &drawn {
        let Some(v) = p.psi else { continue };
        let fill = if p.verdict == DriftVerdict::Drift {
            colour::ALARM
        } else {
            colour::CURRENT
        };
        let critical = p.critical_psi.map_or("-".to_owned(), format_number);
        svg.dot(
            "point",
            (x.at(p.at as f64), axis.at(v)),
            radius,
            fill,
            &format!(
                "{}: PSI {} (critical {critical}) {}",
                ago(last.at, p.at),
                format_number(v),
                p.verdict.name()
            ),
        );
    }
    svg.text(
        (frame.x0(), frame.y0() + 13.0),
        "start",
        10.0,
        &ago(last.at, first.at.saturating_sub(1)),
    );
    svg.text((frame.x1(), frame.y0() + 13.0), "end", 10.0, "now");
    svg.text(
        (frame.x0() + frame.inner_width() / 2.0, frame.height - 8.0),
        "middle",
        10.0,
        &format!(
            "evaluation time{}",
            if axis.log {
                " (PSI on a log scale)"
            } else {
                ""
            }
        ),
    );
    svg.legend(frame.x0(), colour::CURRENT, false, "PSI (orange: drift)");
    svg.legend(frame.x0() + 150.0, colour::REFERENCE, true, "critical PSI");
    Some(svg.finish(&format!("{feature}: PSI and critical PSI over time")))
}

/// The rate of each spike window (the current one last, orange on an alarm), the trailing
/// mean (dashed) and the mean ± 3σ band.
pub fn spike_rates(entry: &SpikeEntry, windows: &[Range<u64>]) -> Option<String> {
    if entry.windows.iter().all(|w| w.trials == 0) {
        return None;
    }
    let frame = Frame::PLOT;
    let mut svg = Svg::new(frame);
    let s = &entry.statistics;
    let band = s.trailing_mean_rate.zip(s.trailing_sd_rate);
    let rates: Vec<f64> = entry.windows.iter().filter_map(|w| w.rate()).collect();
    let top = band.map_or(0.0, |(m, sd)| m + 3.0 * sd);
    let max = rates.iter().fold(top, |a, b| a.max(*b)).max(0.01);
    let tick_values = ticks(max * 1.05, 4);
    let y = Scale {
        domain: (0.0, tick_values.last().copied().unwrap_or(1.0)),
        range: (frame.y0(), frame.y1()),
    };
    svg.axes(&y, &tick_values, percent);
    if let Some((mean, sd)) = band {
        let (lo, hi) = ((mean - 3.0 * sd).max(0.0), mean + 3.0 * sd);
        svg.rect(
            "band",
            (frame.x0(), y.at(hi)),
            (frame.inner_width(), (y.at(lo) - y.at(hi)).max(1.0)),
            colour::BAND,
            0.2,
            &format!("trailing mean ± 3σ: {} – {}", percent(lo), percent(hi)),
        );
    }
    let n = entry.windows.len();
    let width = frame.inner_width() / n as f64;
    let alarm = matches!(
        entry.verdict,
        SpikeVerdict::Spike | SpikeVerdict::SustainedRise
    );
    let end = windows.last().map_or(0, |w| w.end);
    for (i, w) in entry.windows.iter().enumerate() {
        let x = frame.x0() + i as f64 * width;
        let is_current = i + 1 == n;
        let when = windows.get(i).map_or(String::new(), |r| ago(end, r.start));
        let (fill, rate, tip) = match w.rate() {
            Some(rate) => (
                match (is_current, alarm) {
                    (true, true) => colour::ALARM,
                    (true, false) => colour::CURRENT,
                    _ => colour::REFERENCE,
                },
                rate,
                format!("{when}: {} of {} = {}", w.events, w.trials, percent(rate)),
            ),
            None => (colour::GRID, 0.0, format!("{when}: no requests")),
        };
        // At least 2 px tall, so a window with a rate of 0 still shows.
        let top = y.at(rate).min(frame.y0() - 2.0);
        svg.rect(
            if is_current {
                "bar current"
            } else {
                "bar trailing"
            },
            (x + width * 0.15, top),
            (width * 0.7, frame.y0() - top),
            fill,
            0.9,
            &tip,
        );
    }
    if let Some((mean, _)) = band {
        svg.line(
            "mean",
            (frame.x0(), y.at(mean)),
            (frame.x1(), y.at(mean)),
            colour::BAND,
            "5 4",
        );
    }
    let first = windows.first().map_or(String::new(), |r| ago(end, r.start));
    svg.text((frame.x0(), frame.y0() + 13.0), "start", 10.0, &first);
    svg.text((frame.x1(), frame.y0() + 13.0), "end", 10.0, "current");
    svg.text(
        (frame.x0() + frame.inner_width() / 2.0, frame.height - 8.0),
        "middle",
        10.0,
        &format!("{} per spike window", entry.signal.name()),
    );
    svg.legend(frame.x0(), colour::BAND, true, "trailing mean");
    svg.legend(frame.x0() + 110.0, colour::BAND, false, "mean ± 3σ");
    svg.legend(frame.x0() + 200.0, colour::ALARM, false, "alarm");
    Some(svg.finish(&format!(
        "{} per spike window with trailing mean and 3σ band",
        escape(entry.signal.name())
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Bins, Group, Signal};
    use crate::stats::drift::{compare, DriftSettings};
    use crate::stats::spike::{evaluate, SpikeSettings, WindowCount};

    fn drift_entry(labels: &[&str], reference: Vec<f64>, current: Vec<f64>) -> DriftEntry {
        let statistics = compare(&reference, &current, DriftSettings::default());
        DriftEntry {
            feature: "inter_chunk_gap".into(),
            kind: "histogram",
            group: Group {
                gen_ai_request_model: "m".to_owned(),
                destination_service: String::new(),
            },
            verdict: DriftVerdict::Drift,
            counting_current: Vec::new(),
            counting_reference: Vec::new(),
            bins: Bins {
                labels: labels.iter().map(|s| (*s).to_owned()).collect(),
                reference,
                current,
            },
            statistics,
        }
    }

    fn count(svg: &str, needle: &str) -> usize {
        svg.matches(needle).count()
    }

    #[test]
    fn distribution_draws_two_bars_per_bin_with_labels_in_the_shown_unit() {
        let e = drift_entry(
            &["50000", "75000", "+Inf"],
            vec![300.0, 600.0, 100.0],
            vec![100.0, 200.0, 700.0],
        );
        let svg = distribution(&e).unwrap();
        assert_eq!(count(&svg, r#"class="bar reference""#), 3);
        assert_eq!(count(&svg, r#"class="bar current""#), 3);
        assert!(svg.contains("≤50<") && svg.contains("≤75<") && svg.contains(">&gt;75<"));
        assert!(
            svg.contains(colour::ALARM),
            "a drift is drawn in the alarm colour"
        );
        assert!(svg.contains("&gt;75: current 70%"));
        let empty = drift_entry(&["10", "+Inf"], vec![0.0, 0.0], vec![0.0, 0.0]);
        assert_eq!(distribution(&empty), None);
    }

    #[test]
    fn small_numbers_never_read_as_zero() {
        assert_eq!(format_number(0.00012), "1e-4");
        assert_eq!(format_number(0.0123), "0.012");
        assert_eq!(format_number(7.2594), "7.259");
        assert_eq!(format_number(250.0), "250");
        assert_eq!(format_number(0.0), "0");
    }

    #[test]
    fn psi_over_time_switches_to_a_log_axis_for_large_drifts() {
        let points: Vec<PsiPoint> = (0..5)
            .map(|i| PsiPoint {
                at: 100 + i,
                psi: Some(if i < 3 { 0.01 } else { 3.0 }),
                critical_psi: Some(0.1),
                verdict: if i < 3 {
                    DriftVerdict::NoDrift
                } else {
                    DriftVerdict::Drift
                },
            })
            .collect();
        let svg = psi_over_time("ttft", &points).unwrap();
        assert_eq!(count(&svg, r#"class="point""#), 5);
        // The two points above the critical value are drawn in the alarm colour.
        assert_eq!(count(&svg, colour::ALARM), 2);
        assert!(svg.contains("log scale"));
        assert!(psi_over_time("ttft", &[]).is_none());
    }

    #[test]
    fn spike_rates_draw_every_window_and_the_band() {
        let mut windows: Vec<WindowCount> = (0..6)
            .map(|i| WindowCount {
                events: 2 + i % 2,
                trials: 100,
            })
            .collect();
        let current = WindowCount {
            events: 40,
            trials: 100,
        };
        let statistics = evaluate(&windows, current, Some(0.025), SpikeSettings::default());
        windows.push(current);
        let entry = SpikeEntry {
            signal: Signal::RefusalRate,
            group: Group {
                gen_ai_request_model: "<m>".to_owned(),
                destination_service: String::new(),
            },
            verdict: statistics.verdict,
            reference_rate: Some(0.025),
            windows,
            statistics,
        };
        let ranges: Vec<Range<u64>> = (0..7).map(|i| 100 + i * 5..105 + i * 5).collect();
        let svg = spike_rates(&entry, &ranges).unwrap();
        assert_eq!(count(&svg, r#"class="bar trailing""#), 6);
        assert_eq!(count(&svg, r#"class="bar current""#), 1);
        assert_eq!(count(&svg, r#"class="band""#), 1);
        assert!(svg.contains("40 of 100 = 40%"));
        assert!(svg.contains(colour::ALARM));
    }
}
