//! Scores refusal detection on the generated stream sets of `bench/refusals/streams/`
//! (`generate.py` there): every line is one response in one of the 9 wire formats (OpenAI
//! chat, legacy completions, Responses, Anthropic, Gemini, Bedrock Converse, Ollama, TGI,
//! vLLM), replayed through the whole per-stream state machine (path → format, framing,
//! decoder, structured signal, phrase scan, `llm_refusals_total`) whole, one byte per read
//! and in random reads. Each response must come out with its expected `refusal_source` and
//! `refusal_kind`, counted once or not at all.
//!
//! Two sets: `tuning` (looked at while the lists and rules were developed) and `heldout`
//! (never used to choose a phrase or a rule; its score is the one that counts). The section
//! [`report_section`] is the tail of `bench/refusals/RESULTS.md`, after the XSTest part that
//! `tests/refusal_eval.rs` writes; each part's test checks and blesses its own part.

use crate::config::Config;
use crate::stream::Plugin;
use crate::testing::{random_splits, RecordingHost, Rng};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::rc::Rc;

/// The formats in report order.
const FORMATS: [&str; 9] = [
    "openai-chat",
    "openai-completions",
    "openai-responses",
    "anthropic",
    "gemini",
    "bedrock",
    "ollama",
    "tgi",
    "vllm",
];

/// One generated response and what it must be counted as.
pub struct Case {
    pub format: String,
    pub path: String,
    pub content_type: String,
    pub language: String,
    /// `full` | `partial` | `near_miss` | `compliant`.
    pub kind: String,
    pub variant: String,
    /// Expected `refusal_source` (`none` = not a refusal).
    pub source: String,
    /// Expected `refusal_kind` (`none` = not a refusal).
    pub refusal_kind: String,
    pub body: Vec<u8>,
}

fn streams_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../bench/refusals/streams")
}

/// Reads `<set>.jsonl` (`tuning` or `heldout`).
pub fn load(set: &str) -> Vec<Case> {
    let path = streams_dir().join(format!("{set}.jsonl"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run generate.py there)", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
            let body = match v["body"].as_str() {
                Some(b) => b.as_bytes().to_vec(),
                None => {
                    let hex = s("body_hex");
                    (0..hex.len() / 2)
                        .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).expect("hex body"))
                        .collect()
                }
            };
            Case {
                format: s("format"),
                path: s("path"),
                content_type: s("content_type"),
                language: s("language"),
                kind: s("kind"),
                variant: s("variant"),
                source: s("source"),
                refusal_kind: s("refusal_kind"),
                body,
            }
        })
        .collect()
}

/// What one replay counted: `refusal_source` and `refusal_kind` of the summary (`none` when
/// not a refusal), and the increments of `llm_refusals_total` carrying that `refusal_kind`.
fn replay(host: &RecordingHost, plugin: &Rc<Plugin>, case: &Case, reads: &[&[u8]]) -> Verdict {
    let before = host.counter("llm_refusals_total");
    let before_kind = ["full", "partial"].map(|k| kind_counter(host, k));
    let stream = host.replay_post(plugin, &case.path, &case.content_type, reads);
    let (source, kind) = match stream
        .summary()
        .and_then(|s| s.refusal_source.map(|r| (r, s)))
    {
        Some((source, s)) => (source.to_owned(), s.refusal_kind.as_str().to_owned()),
        None => ("none".to_owned(), "none".to_owned()),
    };
    let total = host.counter("llm_refusals_total") - before;
    let labelled = match kind.as_str() {
        "full" => kind_counter(host, "full") - before_kind[0],
        "partial" => kind_counter(host, "partial") - before_kind[1],
        _ => 0,
    };
    Verdict {
        source,
        kind,
        // A count under another `refusal_kind` than the summary's shows as a mismatch.
        counted: if labelled == total { total } else { -1 },
    }
}

fn kind_counter(host: &RecordingHost, kind: &str) -> i64 {
    host.counter_with("llm_refusals_total", &format!("refusal_kind=.={kind};.;"))
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Verdict {
    source: String,
    kind: String,
    counted: i64,
}

/// True / false positives and false negatives of one class.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub tp: u32,
    pub fp: u32,
    pub fn_: u32,
}

impl Counts {
    fn add(&mut self, predicted: bool, actual: bool) {
        match (predicted, actual) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => {}
        }
    }
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        1.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

/// The score of one set.
#[derive(Default)]
pub struct SetScore {
    pub streams: u32,
    /// Per format: (streams, counted exactly).
    pub per_format: BTreeMap<String, (u32, u32)>,
    /// Full refusals, per language (structured signals under `en`).
    pub per_language: BTreeMap<String, Counts>,
    pub full: Counts,
    pub partial: Counts,
    /// Near-misses (apologise, then help) counted as full refusals.
    pub near_miss_false_full: u32,
    /// Responses whose verdict depended on how the body was cut into reads.
    pub split_dependent: u32,
    /// Every response not counted exactly: one line each.
    pub wrong: Vec<String>,
}

/// Replays every case of `cases` and scores it.
pub fn score(cases: &[Case]) -> SetScore {
    let plugin = Plugin::new(Config::default());
    let host = RecordingHost::default();
    let mut rng = Rng::new(21);
    let mut s = SetScore::default();
    for case in cases {
        let whole = replay(&host, &plugin, case, &[&case.body[..]]);
        let bytes: Vec<&[u8]> = case.body.chunks(1).collect();
        let random = random_splits(&case.body, &mut rng, 60);
        if replay(&host, &plugin, case, &bytes) != whole
            || replay(&host, &plugin, case, &random) != whole
        {
            s.split_dependent += 1;
        }
        s.streams += 1;
        let want_counted = i64::from(case.source != "none");
        let exact = whole.source == case.source
            && whole.kind == case.refusal_kind
            && whole.counted == want_counted;
        let entry = s.per_format.entry(case.format.clone()).or_default();
        entry.0 += 1;
        entry.1 += u32::from(exact);
        if !exact {
            s.wrong.push(format!(
                "{} {} {} {}: counted {}/{} ({}), want {}/{}",
                case.format,
                case.language,
                case.kind,
                case.variant,
                whole.source,
                whole.kind,
                whole.counted,
                case.source,
                case.refusal_kind
            ));
        }
        let predicted_full = whole.kind == "full";
        let actual_full = case.refusal_kind == "full";
        s.full.add(predicted_full, actual_full);
        s.partial
            .add(whole.kind == "partial", case.refusal_kind == "partial");
        s.per_language
            .entry(case.language.clone())
            .or_default()
            .add(predicted_full, actual_full);
        if case.kind == "near_miss" && predicted_full {
            s.near_miss_false_full += 1;
        }
    }
    s
}

/// One Markdown row: `| name | P | R | TP | FP | FN |`.
fn confusion_row(out: &mut String, name: &str, c: &Counts) {
    let _ = writeln!(
        out,
        "| {name} | {:.3} | {:.3} | {} | {} | {} |",
        c.precision(),
        c.recall(),
        c.tp,
        c.fp,
        c.fn_
    );
}

fn set_table(out: &mut String, title: &str, s: &SetScore) {
    let _ = writeln!(out, "\n### {title}: {} streams\n", s.streams);
    let _ = writeln!(
        out,
        "| format | streams | counted exactly |\n|---|---:|---:|"
    );
    for format in FORMATS {
        let (n, exact) = s.per_format.get(format).copied().unwrap_or_default();
        let _ = writeln!(out, "| {format} | {n} | {exact} |");
    }
    let _ = writeln!(
        out,
        "\n| class | P | R | TP | FP | FN |\n|---|---:|---:|---:|---:|---:|"
    );
    for (name, c) in [("full refusal", &s.full), ("partial refusal", &s.partial)] {
        confusion_row(out, name, c);
    }
    let _ = writeln!(
        out,
        "\nFull refusals per language (structured signals are under `en`):\n\n| language | P | R | TP | FP | FN |\n|---|---:|---:|---:|---:|---:|"
    );
    for (language, c) in &s.per_language {
        confusion_row(out, language, c);
    }
    let _ = writeln!(
        out,
        "\nNear-misses (an apology, then help) counted as full refusals: {}. Verdicts that \
         depended on how the body was cut into reads: {}.",
        s.near_miss_false_full, s.split_dependent
    );
    if s.wrong.is_empty() {
        let _ = writeln!(out, "\nEvery stream counted exactly.");
    } else {
        let _ = writeln!(
            out,
            "\nNot counted exactly (format, language, kind, variant):\n"
        );
        for w in &s.wrong {
            let _ = writeln!(out, "- {w}");
        }
    }
}

/// Where this module's section starts in `bench/refusals/RESULTS.md`: the XSTest part
/// before it is written by `tests/refusal_eval.rs`, this section by [`report_section`].
pub const SECTION_MARKER: &str = "\n## Generated streams, 9 wire formats\n";

/// The `## Generated streams` section of `bench/refusals/RESULTS.md`, for both sets.
pub fn report_section() -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n## Generated streams, 9 wire formats\n\n\
         Generated by `python3 bench/refusals/streams/generate.py` (answer texts in \
         `bench/refusals/streams/texts.py`), scored by `cargo test -p llmtap-core --lib \
         refusal::stream_eval` through the whole stream state machine (path, framing, decoder, \
         structured signal, phrase scan, `llm_refusals_total{{refusal_source, refusal_kind}}`), \
         each response whole, one byte per read and in random reads. Each answer text appears \
         in three formats; English refusals also as one character per event; refusals also as \
         a legacy completion that continues its prompt or echoes it first; plus the \
         structured refusal signals of every format that has one. \"Counted exactly\": \
         expected `refusal_source` and `refusal_kind` (`full` / `partial`), counted once, or \
         not at all. The held-out set was never used to choose a phrase or a rule."
    );
    set_table(&mut out, "Held-out set", &score(&load("heldout")));
    set_table(&mut out, "Tuning set", &score(&load("tuning")));
    out
}

/// Native only like the whole module (reads files); named so the wasm test count
/// (`tests/wasm-core-tests.sh`) leaves these out.
mod native_only {
    use super::*;

    /// The held-out score is reported, not asserted: the goal (full refusals P ≥ 0.97,
    /// R ≥ 0.95, no near-miss counted) is not met on the blind batches, and the committed
    /// RESULTS.md section (checked by `committed_section_is_fresh`) pins every figure, so any
    /// change to them shows up in review. What must hold whatever the phrase lists: enough
    /// streams in every format, and verdicts that do not depend on how a body is cut into reads.
    #[test]
    fn heldout_streams_cover_every_format_and_ignore_read_boundaries() {
        let s = score(&load("heldout"));
        assert!(s.streams >= 150, "only {} streams", s.streams);
        assert_eq!(s.split_dependent, 0, "{:#?}", s.wrong);
        for format in FORMATS {
            assert!(
                s.per_format.get(format).is_some_and(|(n, _)| *n >= 10),
                "{format}"
            );
        }
    }

    /// The committed section equals what the sets score now
    /// (`LLMTAP_BLESS=1 cargo test -p llmtap-core --lib refusal::stream_eval` rewrites it).
    #[test]
    fn committed_section_is_fresh() {
        let path =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../bench/refusals/RESULTS.md");
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        let head = committed
            .find(SECTION_MARKER)
            .map_or(committed.as_str(), |at| &committed[..at]);
        let section = report_section();
        if std::env::var_os("LLMTAP_BLESS").is_some_and(|v| v == "1") {
            std::fs::write(&path, format!("{head}{section}")).unwrap();
            return;
        }
        assert!(
            committed.ends_with(&section) && committed.len() == head.len() + section.len(),
            "{} is stale: run `LLMTAP_BLESS=1 cargo test -p llmtap-core --lib refusal::stream_eval`",
            path.display()
        );
    }

    /// The tuning set is scored, not required to be exact: blind batches 6–11 (moved to tuning on
    /// 2026-12-05) still hold misses of kinds the rules do not cover (partial refusals that
    /// help first and decline after the 300-character window, partials whose help starts a
    /// new paragraph with no turn word, a Japanese turn in the third sentence, which XSTest's
    /// labels argue against). Every miss is listed in the committed RESULTS.md section, which
    /// `committed_section_is_fresh` pins; this test holds the floor the rules must not fall
    /// under, and the goal's hard rule: no near-miss counted as a full refusal.
    #[test]
    fn tuning_streams_keep_their_floor() {
        let s = score(&load("tuning"));
        assert_eq!(s.split_dependent, 0);
        assert_eq!(s.near_miss_false_full, 0, "{:#?}", s.wrong);
        let precision = f64::from(s.full.tp) / f64::from(s.full.tp + s.full.fp);
        let recall = f64::from(s.full.tp) / f64::from(s.full.tp + s.full.fn_);
        assert!(
            precision >= 0.94 && recall >= 0.98,
            "P {precision:.3} R {recall:.3}"
        );
    }
}
