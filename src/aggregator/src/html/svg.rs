//! A small SVG writer: escaped text, shapes with inline presentation attributes (so a plot
//! renders the same inside the page or on its own), linear scales and round axis ticks.

use std::fmt::Write as _;

/// `text` escaped for HTML and XML text and attribute values (`& < > " '`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// At most `max` characters of `text`, with `…` when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Colours of the plots (colour-blind-safe Okabe–Ito hues plus greys).
pub mod colour {
    pub const REFERENCE: &str = "#9aa4b1";
    pub const CURRENT: &str = "#0072b2";
    pub const ALARM: &str = "#d55e00";
    pub const BAND: &str = "#e69f00";
    pub const AXIS: &str = "#4a5568";
    pub const GRID: &str = "#e2e8f0";
    pub const TEXT: &str = "#1a202c";
}

/// Maps a data interval onto a pixel interval (either may be reversed).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Scale {
    /// The pixel position of `v` (the domain's start when the domain is empty).
    pub fn at(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if (d1 - d0).abs() < f64::EPSILON || !v.is_finite() {
            return r0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Round tick values 0, s, 2s, … covering `0..=max` with about `count` steps (s = 1, 2 or 5
/// × 10ⁿ); `[0, 1]` when `max` is not positive.
pub fn ticks(max: f64, count: usize) -> Vec<f64> {
    if !(max > 0.0 && max.is_finite()) {
        return vec![0.0, 1.0];
    }
    let raw = max / count.max(1) as f64;
    let exponent = raw.log10().floor() as i32;
    // i × multiple × 10^exponent, divided rather than multiplied for negative exponents so
    // that 3 × 0.1 is the double nearest 0.3.
    let value = |units: f64| {
        if exponent >= 0 {
            units * 10f64.powi(exponent)
        } else {
            units / 10f64.powi(-exponent)
        }
    };
    let multiple = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .find(|m| value(*m) >= raw)
        .unwrap_or(10.0);
    let steps = (max / value(multiple)).ceil() as usize;
    (0..=steps).map(|i| value(i as f64 * multiple)).collect()
}

/// Plot area inside an SVG of `width` × `height` pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Frame {
    /// The frame every plot of the report uses: 380 × 210 px, room for axis labels.
    pub const PLOT: Frame = Frame {
        width: 380.0,
        height: 210.0,
        left: 52.0,
        right: 12.0,
        top: 26.0,
        bottom: 44.0,
    };

    pub fn x0(&self) -> f64 {
        self.left
    }
    pub fn x1(&self) -> f64 {
        self.width - self.right
    }
    pub fn y0(&self) -> f64 {
        self.height - self.bottom
    }
    pub fn y1(&self) -> f64 {
        self.top
    }
    pub fn inner_width(&self) -> f64 {
        self.x1() - self.x0()
    }
}

/// An SVG document being written.
pub struct Svg {
    frame: Frame,
    body: String,
}

/// ` stroke-dasharray="…"` for a dash pattern like `"4 3"`; nothing for a solid line (`""`).
fn dash_attribute(dash: &str) -> String {
    if dash.is_empty() {
        String::new()
    } else {
        format!(r#" stroke-dasharray="{dash}""#)
    }
}

/// Formats a coordinate with one decimal.
fn px(v: f64) -> String {
    format!("{v:.1}")
}

impl Svg {
    pub fn new(frame: Frame) -> Svg {
        Svg {
            frame,
            body: String::new(),
        }
    }

    /// A filled rectangle (a data mark); `tooltip` becomes its `<title>`.
    #[allow(clippy::too_many_arguments)]
    pub fn rect(
        &mut self,
        class: &str,
        (x, y): (f64, f64),
        (w, h): (f64, f64),
        fill: &str,
        opacity: f64,
        tooltip: &str,
    ) {
        let _ = write!(
            self.body,
            r#"<rect class="{class}" x="{}" y="{}" width="{}" height="{}" fill="{fill}" fill-opacity="{opacity:.2}"><title>{}</title></rect>"#,
            px(x),
            px(y),
            px(w.max(0.0)),
            px(h.max(0.0)),
            escape(tooltip)
        );
    }

    /// A straight line; `dash` like `"4 3"` or empty for solid.
    pub fn line(
        &mut self,
        class: &str,
        from: (f64, f64),
        to: (f64, f64),
        stroke: &str,
        dash: &str,
    ) {
        let dash = dash_attribute(dash);
        let _ = write!(
            self.body,
            r#"<line class="{class}" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="1.5"{dash}/>"#,
            px(from.0),
            px(from.1),
            px(to.0),
            px(to.1)
        );
    }

    /// A polyline through `points` (nothing with fewer than 2).
    pub fn polyline(&mut self, class: &str, points: &[(f64, f64)], stroke: &str, dash: &str) {
        if points.len() < 2 {
            return;
        }
        let coords: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{},{}", px(*x), px(*y)))
            .collect();
        let dash = dash_attribute(dash);
        let _ = write!(
            self.body,
            r#"<polyline class="{class}" points="{}" fill="none" stroke="{stroke}" stroke-width="2"{dash}/>"#,
            coords.join(" ")
        );
    }

    /// A dot (a data mark); `tooltip` becomes its `<title>`.
    pub fn dot(&mut self, class: &str, (x, y): (f64, f64), r: f64, fill: &str, tooltip: &str) {
        let _ = write!(
            self.body,
            r#"<circle class="{class}" cx="{}" cy="{}" r="{r:.1}" fill="{fill}"><title>{}</title></circle>"#,
            px(x),
            px(y),
            escape(tooltip)
        );
    }

    /// Text at (x, y); `anchor` is `start`, `middle` or `end`. The text is escaped.
    pub fn text(&mut self, (x, y): (f64, f64), anchor: &str, size: f64, text: &str) {
        let _ = write!(
            self.body,
            r#"<text x="{}" y="{}" text-anchor="{anchor}" font-size="{size:.0}" fill="{}">{}</text>"#,
            px(x),
            px(y),
            colour::TEXT,
            escape(text)
        );
    }

    /// The y axis of `scale` with grid lines and labels from `label`, and the x axis line.
    pub fn axes(&mut self, scale: &Scale, ticks: &[f64], label: impl Fn(f64) -> String) {
        let f = self.frame;
        for t in ticks {
            let y = scale.at(*t);
            self.line("grid", (f.x0(), y), (f.x1(), y), colour::GRID, "");
            self.text((f.x0() - 4.0, y + 4.0), "end", 10.0, &label(*t));
        }
        self.line("axis", (f.x0(), f.y0()), (f.x1(), f.y0()), colour::AXIS, "");
        self.line("axis", (f.x0(), f.y0()), (f.x0(), f.y1()), colour::AXIS, "");
    }

    /// A legend entry (swatch and text) at the top of the frame, at horizontal offset `x`.
    pub fn legend(&mut self, x: f64, fill: &str, dash: bool, text: &str) {
        let y = 10.0;
        if dash {
            self.line("legend", (x, y + 4.0), (x + 14.0, y + 4.0), fill, "4 3");
        } else {
            let _ = write!(
                self.body,
                r#"<rect class="legend" x="{}" y="{}" width="10" height="10" fill="{fill}"/>"#,
                px(x),
                px(y - 1.0)
            );
        }
        self.text((x + 17.0, y + 8.0), "start", 10.0, text);
    }

    /// The finished `<svg>`; `label` is its accessible name (escaped).
    pub fn finish(self, label: &str) -> String {
        format!(
            r#"<svg class="plot" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{}" font-family="sans-serif">{}</svg>"#,
            escape(label),
            self.body,
            w = self.frame.width,
            h = self.frame.height,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape("a\u{0}b"), "a\u{fffd}b");
    }

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        assert_eq!(ticks(0.37, 4), vec![0.0, 0.1, 0.2, 0.3, 0.4]);
        assert_eq!(ticks(7.0, 4), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(ticks(0.0, 4), vec![0.0, 1.0]);
        assert_eq!(ticks(f64::NAN, 4), vec![0.0, 1.0]);
    }

    #[test]
    fn scales_map_and_survive_empty_domains() {
        let s = Scale {
            domain: (0.0, 10.0),
            range: (100.0, 0.0),
        };
        assert_eq!(s.at(0.0), 100.0);
        assert_eq!(s.at(5.0), 50.0);
        let empty = Scale {
            domain: (1.0, 1.0),
            range: (3.0, 9.0),
        };
        assert_eq!(empty.at(1.0), 3.0);
    }

    #[test]
    fn shortens_long_labels() {
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 4), "abc");
    }

    #[test]
    fn text_in_shapes_is_escaped() {
        let mut svg = Svg::new(Frame::PLOT);
        svg.text((0.0, 0.0), "start", 10.0, "<b>");
        svg.rect("bar", (0.0, 0.0), (1.0, 1.0), "#000", 1.0, "\"x\"");
        let out = svg.finish("a<b");
        assert!(out.contains("&lt;b&gt;") && out.contains("&quot;x&quot;"));
        assert!(out.contains(r#"aria-label="a&lt;b""#));
        assert!(!out.contains("<b>"));
    }
}
