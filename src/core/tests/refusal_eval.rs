//! Evaluation of the refusal detector against human-labelled model responses, side by side
//! with the public phrase lists, each applied with its own matching rule.
//!
//! Data: the XSTest v2 completions of GPT-4, Llama-2-70b-chat ("llama2new") and
//! Mistral-7B-Instruct (Röttger et al., NAACL 2024; `shared/corpus/refusals/labelled/`), 450
//! each, with the adjudicated human label `1_full_compliance`, `2_full_refusal` or
//! `3_partial_refusal`.
//!
//! The positive class is `2_full_refusal`. `3_partial_refusal` (the model refuses part of
//! the request, or refuses and then helps anyway) is scored two ways, both reported:
//! - [`PartialTreatment::Excluded`]: partial refusals are left out of the scoring;
//! - [`PartialTreatment::Negative`]: they count as "not a full refusal", so flagging one is a
//!   false positive.
//!
//! Our detector is run through the streaming API, each answer cut into random pieces; the
//! public lists run on the whole answer with the rule their code uses ([`MatchRule`]).
//!
//! Held-out check: phrases of the English list tagged `tuned` were added after error
//! analysis on these very responses. For each model, the tuned phrases are kept only if
//! they are supported by the two other models (they match at least one full refusal there
//! and no more compliant answers than full refusals), and the result is scored on the
//! held-out model.
//!
//! Everything here is pure (text in, numbers and Markdown out); the tests read the files.

use llmtap_core::refusal::phrases::{default_phrases, Language, PhraseKind};
use llmtap_core::refusal::{PhraseMatch, DEFAULT_WINDOW_CHARS};
use llmtap_core::refusal::{RefusalConfig, RefusalConfigError, RefusalMatcher};
use std::fmt::Write as _;

/// The human label of a response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    /// `1_full_compliance`
    Compliance,
    /// `2_full_refusal`
    Refusal,
    /// `3_partial_refusal`
    PartialRefusal,
}

impl Label {
    fn parse(s: &str) -> Option<Label> {
        match s.trim() {
            "1_full_compliance" => Some(Label::Compliance),
            "2_full_refusal" => Some(Label::Refusal),
            "3_partial_refusal" => Some(Label::PartialRefusal),
            _ => None,
        }
    }
}

/// One labelled response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelledAnswer {
    /// Model key (from the file name, e.g. `gpt4`).
    pub model: String,
    pub id: String,
    /// XSTest prompt type; `contrast_*` prompts are unsafe, the others safe but scary-sounding.
    pub prompt_type: String,
    pub completion: String,
    pub label: Label,
}

/// A CSV file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// The `csv` crate could not read a record (its message says where).
    Malformed(String),
    /// The header lacks a required column.
    MissingColumn(&'static str),
    /// A record with a different number of fields than the header.
    FieldCount {
        record: usize,
        found: usize,
        expected: usize,
    },
    /// A `final_label` that is none of the three labels.
    UnknownLabel { record: usize, label: String },
}

impl core::fmt::Display for CsvError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            CsvError::Malformed(message) => write!(f, "malformed CSV: {message}"),
            CsvError::MissingColumn(name) => write!(f, "no column {name:?} in the header"),
            CsvError::FieldCount {
                record,
                found,
                expected,
            } => write!(f, "record {record} has {found} fields, expected {expected}"),
            CsvError::UnknownLabel { record, label } => {
                write!(f, "record {record}: unknown label {label:?}")
            }
        }
    }
}

impl std::error::Error for CsvError {}

/// Parses RFC 4180 CSV with the `csv` crate: every record, the header included, as strings
/// (fields in double quotes may contain commas, newlines and doubled quotes; records end in
/// `\n` or `\r\n`). A leading byte-order mark is ignored.
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .into_records()
        .map(|record| {
            record
                .map(|r| r.iter().map(str::to_owned).collect())
                .map_err(|e| CsvError::Malformed(e.to_string()))
        })
        .collect()
}

/// Reads one XSTest completions file (columns `id, type, prompt, completion, annotation_1,
/// annotation_2, agreement, final_label`; only `id`, `type`, `completion` and `final_label`
/// are used).
pub fn parse_xstest_csv(model: &str, text: &str) -> Result<Vec<LabelledAnswer>, CsvError> {
    let mut records = parse_csv(text)?.into_iter();
    let header = records.next().unwrap_or_default();
    let column = |name: &'static str| {
        header
            .iter()
            .position(|h| h.trim() == name)
            .ok_or(CsvError::MissingColumn(name))
    };
    let (id, kind, completion, label) = (
        column("id")?,
        column("type")?,
        column("completion")?,
        column("final_label")?,
    );
    let mut out = Vec::new();
    for (i, record) in records.enumerate() {
        if record.len() != header.len() {
            return Err(CsvError::FieldCount {
                record: i + 1,
                found: record.len(),
                expected: header.len(),
            });
        }
        let parsed = Label::parse(&record[label]).ok_or_else(|| CsvError::UnknownLabel {
            record: i + 1,
            label: record[label].clone(),
        })?;
        out.push(LabelledAnswer {
            model: model.to_owned(),
            id: record[id].clone(),
            prompt_type: record[kind].clone(),
            completion: record[completion].clone(),
            label: parsed,
        });
    }
    Ok(out)
}

/// How a public list is applied, as in its own code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchRule {
    /// `phrase in response` (llm-attacks, JailbreakBench).
    Substring,
    /// `phrase.lower() in response.lower()` (garak `StringDetector`, `matchtype="str"`).
    SubstringLowercase,
    /// `response.lower().startswith(phrase.lower())` (garak, `matchtype="startswith"`).
    StartsWithLowercase,
    /// `response.lower().strip().startswith(phrase)` (XSTest `strmatch_label`).
    StartsWithLowercaseStripped,
}

impl MatchRule {
    /// Short description for the report.
    pub fn describe(self) -> &'static str {
        match self {
            MatchRule::Substring => "substring, case-sensitive",
            MatchRule::SubstringLowercase => "substring, lower-cased",
            MatchRule::StartsWithLowercase => "startswith, lower-cased",
            MatchRule::StartsWithLowercaseStripped => "startswith, lower-cased + stripped",
        }
    }
}

/// A public list: its file in `shared/corpus/refusals/`, a display name and its rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PublicListSpec {
    pub file: &'static str,
    pub name: &'static str,
    pub rule: MatchRule,
}

/// The public lists of `shared/corpus/refusals/SOURCES.md`. Rules follow each project's code:
/// llm-attacks and JailbreakBench test `prefix in gen_str` (case-sensitive); garak 0.17.1's
/// `StringDetector` lower-cases both sides by default (`case_sensitive: False`), with
/// `matchtype="startswith"` for `Prefixes` and `"str"` for `MitigationBypass`; XSTest
/// lower-cases and strips the completion, then tests `startswith`.
pub const PUBLIC_LISTS: [PublicListSpec; 5] = [
    PublicListSpec {
        file: "llm-attacks_test_prefixes.txt",
        name: "llm-attacks `_test_prefixes`",
        rule: MatchRule::Substring,
    },
    PublicListSpec {
        file: "jailbreakbench_stringclassifier_test_prefixes.txt",
        name: "JailbreakBench `StringClassifier`",
        rule: MatchRule::Substring,
    },
    PublicListSpec {
        file: "garak_mitigation_prefixes.txt",
        name: "garak `mitigation.Prefixes`",
        rule: MatchRule::StartsWithLowercase,
    },
    PublicListSpec {
        file: "garak_mitigation_bypass_substrings.txt",
        name: "garak `mitigation.MitigationBypass`",
        rule: MatchRule::SubstringLowercase,
    },
    PublicListSpec {
        file: "xstest_strmatch_refusal_prefixes.txt",
        name: "XSTest `strmatch_label`",
        rule: MatchRule::StartsWithLowercaseStripped,
    },
];

/// A public list ready to apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicList {
    pub spec: PublicListSpec,
    /// Phrases, lower-cased when the rule lower-cases.
    pub phrases: Vec<String>,
}

impl PublicList {
    /// Reads a list file: one phrase per line, exactly as written (blank lines skipped).
    pub fn parse(spec: PublicListSpec, text: &str) -> PublicList {
        let lower = !matches!(spec.rule, MatchRule::Substring);
        let phrases = text
            .lines()
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                if lower {
                    l.to_lowercase()
                } else {
                    l.to_owned()
                }
            })
            .collect();
        PublicList { spec, phrases }
    }

    /// Whether the list flags `answer` as a refusal.
    pub fn detects(&self, answer: &str) -> bool {
        match self.spec.rule {
            MatchRule::Substring => self.phrases.iter().any(|p| answer.contains(p.as_str())),
            MatchRule::SubstringLowercase => {
                let answer = answer.to_lowercase();
                self.phrases.iter().any(|p| answer.contains(p.as_str()))
            }
            MatchRule::StartsWithLowercase => {
                let answer = answer.to_lowercase();
                self.phrases.iter().any(|p| answer.starts_with(p.as_str()))
            }
            MatchRule::StartsWithLowercaseStripped => {
                let answer = answer.to_lowercase();
                let answer = answer.trim();
                self.phrases.iter().any(|p| answer.starts_with(p.as_str()))
            }
        }
    }
}

/// Longest random piece, in bytes (before moving the cut to a character boundary).
pub const MAX_PIECE_BYTES: u64 = 12;

/// Runs `answer` through a fresh scan in random pieces of 0 to [`MAX_PIECE_BYTES`] bytes
/// (cuts moved forward to the next character boundary; empty pieces included), then
/// finishes it.
pub fn stream_detect(matcher: &RefusalMatcher, answer: &str, seed: u64) -> Option<PhraseMatch> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut scan = matcher.scan();
    let mut rest = answer;
    while !rest.is_empty() {
        let mut cut = (rng.u64(0..=MAX_PIECE_BYTES) as usize).min(rest.len());
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (piece, tail) = rest.split_at(cut);
        scan.feed(matcher, piece);
        rest = tail;
    }
    scan.finish(matcher)
}

/// Confusion counts for "is a full refusal".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub true_pos: u32,
    pub false_pos: u32,
    pub false_neg: u32,
    pub true_neg: u32,
}

/// How `3_partial_refusal` is scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartialTreatment {
    /// Left out of the scoring.
    Excluded,
    /// Counted as not a full refusal.
    Negative,
}

/// Both treatments, in this order (index into `[Counts; 2]`).
pub const TREATMENTS: [PartialTreatment; 2] =
    [PartialTreatment::Excluded, PartialTreatment::Negative];

impl Counts {
    /// Adds one scored answer.
    pub fn add(&mut self, predicted: bool, label: Label, treatment: PartialTreatment) {
        let positive = match (label, treatment) {
            (Label::Refusal, _) => true,
            (Label::Compliance, _) | (Label::PartialRefusal, PartialTreatment::Negative) => false,
            (Label::PartialRefusal, PartialTreatment::Excluded) => return,
        };
        match (predicted, positive) {
            (true, true) => self.true_pos += 1,
            (true, false) => self.false_pos += 1,
            (false, true) => self.false_neg += 1,
            (false, false) => self.true_neg += 1,
        }
    }

    fn merge(&mut self, other: Counts) {
        self.true_pos += other.true_pos;
        self.false_pos += other.false_pos;
        self.false_neg += other.false_neg;
        self.true_neg += other.true_neg;
    }

    /// TP / (TP + FP); 0 when nothing was flagged.
    pub fn precision(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_pos)
    }

    /// TP / (TP + FN); 0 when there are no positives.
    pub fn recall(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_neg)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        0.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

/// Scores of one detector, per model (in [`Evaluation::models`] order) and overall, for
/// both treatments.
#[derive(Clone, Debug, PartialEq)]
pub struct DetectorScores {
    pub name: String,
    pub rule: String,
    pub per_model: Vec<[Counts; 2]>,
    pub overall: [Counts; 2],
}

impl DetectorScores {
    fn from_predictions(
        name: &str,
        rule: &str,
        models: &[String],
        answers: &[LabelledAnswer],
        predicted: impl Fn(usize, &LabelledAnswer) -> bool,
    ) -> DetectorScores {
        let mut per_model = vec![[Counts::default(); 2]; models.len()];
        let mut overall = [Counts::default(); 2];
        for (i, answer) in answers.iter().enumerate() {
            let p = predicted(i, answer);
            let m = models.iter().position(|m| *m == answer.model).unwrap_or(0);
            for (t, treatment) in TREATMENTS.iter().enumerate() {
                per_model[m][t].add(p, answer.label, *treatment);
                overall[t].add(p, answer.label, *treatment);
            }
        }
        DetectorScores {
            name: name.to_owned(),
            rule: rule.to_owned(),
            per_model,
            overall,
        }
    }
}

/// The leave-one-model-out result for one model.
#[derive(Clone, Debug, PartialEq)]
pub struct HeldOutModel {
    pub model: String,
    /// Tuned phrases supported by the two other models.
    pub kept: Vec<String>,
    /// Tuned phrases not supported by the two other models (removed for this model).
    pub dropped: Vec<String>,
    /// Scores on the held-out model, both treatments.
    pub counts: [Counts; 2],
}

/// How often a phrase decided the verdict, by label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhraseStat {
    pub phrase: String,
    pub kind: PhraseKind,
    pub refusal: u32,
    pub partial: u32,
    pub compliance: u32,
}

/// Everything the report shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// Model keys in order of first appearance.
    pub models: Vec<String>,
    /// Per model: compliance, full refusal, partial refusal counts.
    pub label_totals: Vec<[u32; 3]>,
    pub window_chars: usize,
    pub languages: usize,
    /// Compiled phrases of the evaluated configuration (all kinds).
    pub phrases: usize,
    /// Tuned phrases in the English default list.
    pub tuned_phrases: usize,
    /// Our detector with the given configuration (streamed in random pieces).
    pub ours: DetectorScores,
    /// Our detector without the tuned phrases.
    pub base: DetectorScores,
    /// Leave-one-model-out check, one entry per model (empty when English is not selected).
    pub held_out: Vec<HeldOutModel>,
    /// Pooled held-out counts over the models.
    pub held_out_overall: [Counts; 2],
    /// Every public list.
    pub public: Vec<DetectorScores>,
    /// Answers whose streamed verdict differs from the whole-text verdict (must be 0).
    pub stream_mismatches: usize,
    /// Overall counts for other window sizes.
    pub window_sweep: Vec<(usize, [Counts; 2])>,
    /// Phrases that decided a verdict, most frequent first.
    pub phrase_stats: Vec<PhraseStat>,
}

/// Window sizes compared in the report.
pub const WINDOW_SWEEP: [usize; 5] = [100, 200, 300, 500, 1000];

/// Evaluates `config` (normally the default) and every public list on `answers`.
pub fn evaluate(
    answers: &[LabelledAnswer],
    lists: &[PublicList],
    config: &RefusalConfig,
) -> Result<Evaluation, RefusalConfigError> {
    let mut models: Vec<String> = Vec::new();
    for a in answers {
        if !models.contains(&a.model) {
            models.push(a.model.clone());
        }
    }
    let mut label_totals = vec![[0u32; 3]; models.len()];
    for a in answers {
        let m = models.iter().position(|m| *m == a.model).unwrap_or(0);
        let l = match a.label {
            Label::Compliance => 0,
            Label::Refusal => 1,
            Label::PartialRefusal => 2,
        };
        label_totals[m][l] += 1;
    }

    let matcher = RefusalMatcher::new(config)?;
    let streamed: Vec<Option<PhraseMatch>> = answers
        .iter()
        .enumerate()
        .map(|(i, a)| stream_detect(&matcher, &a.completion, i as u64 + 1))
        .collect();
    let stream_mismatches = answers
        .iter()
        .zip(&streamed)
        .filter(|(a, s)| matcher.detect(&a.completion) != **s)
        .count();
    let ours = DetectorScores::from_predictions(
        "llmtap (default lists)",
        &format!(
            "anchored + anywhere + exclusions, first {} chars, streamed",
            config.window_chars
        ),
        &models,
        answers,
        |i, _| streamed[i].is_some_and(|m| m.is_full()),
    );

    let english = config.enabled && config.languages.contains(&Language::En);
    let tuned: Vec<(PhraseKind, &'static str)> = if english {
        default_phrases(Language::En)
            .filter_map(Result::ok)
            .filter(|p| p.tuned && p.kind != PhraseKind::Exclusion)
            .map(|p| (p.kind, p.text))
            .collect()
    } else {
        Vec::new()
    };
    let without = |dropped: &[&str]| {
        let mut c = config.clone();
        c.remove.extend(dropped.iter().map(|s| (*s).to_owned()));
        c
    };
    let all_tuned: Vec<&str> = tuned.iter().map(|(_, t)| *t).collect();
    let base_matcher = RefusalMatcher::new(&without(&all_tuned))?;
    let base = DetectorScores::from_predictions(
        "llmtap, untuned phrases only",
        "as above, without the `tuned` sections",
        &models,
        answers,
        |_, a| {
            base_matcher
                .detect(&a.completion)
                .is_some_and(|m| m.is_full())
        },
    );

    // Leave-one-model-out support of each tuned phrase.
    let exclusions: Vec<String> = default_phrases(Language::En)
        .filter_map(Result::ok)
        .filter(|p| p.kind == PhraseKind::Exclusion)
        .map(|p| p.text.to_owned())
        .collect();
    let mut support: Vec<Vec<(u32, u32)>> = vec![vec![(0, 0); models.len()]; tuned.len()];
    for (t, (kind, text)) in tuned.iter().enumerate() {
        let single = RefusalConfig {
            enabled: true,
            window_chars: config.window_chars,
            languages: Vec::new(),
            extra_anchored: if *kind == PhraseKind::Anchored {
                vec![(*text).to_owned()]
            } else {
                Vec::new()
            },
            extra_anywhere: if *kind == PhraseKind::Anywhere {
                vec![(*text).to_owned()]
            } else {
                Vec::new()
            },
            extra_exclusions: exclusions.clone(),
            remove: Vec::new(),
        };
        let one = RefusalMatcher::new(&single)?;
        for a in answers {
            if a.label == Label::PartialRefusal || one.detect(&a.completion).is_none() {
                continue;
            }
            let m = models.iter().position(|m| *m == a.model).unwrap_or(0);
            if a.label == Label::Refusal {
                support[t][m].0 += 1;
            } else {
                support[t][m].1 += 1;
            }
        }
    }
    let mut held_out = Vec::new();
    let mut held_out_overall = [Counts::default(); 2];
    if english {
        for (m, model) in models.iter().enumerate() {
            let (mut kept, mut dropped) = (Vec::new(), Vec::new());
            for (t, (_, text)) in tuned.iter().enumerate() {
                let (tp, fp) = support[t]
                    .iter()
                    .enumerate()
                    .filter(|(other, _)| *other != m)
                    .fold((0, 0), |(tp, fp), (_, s)| (tp + s.0, fp + s.1));
                if tp >= 1 && fp <= tp {
                    kept.push(*text);
                } else {
                    dropped.push(*text);
                }
            }
            let matcher = RefusalMatcher::new(&without(&dropped))?;
            let mut counts = [Counts::default(); 2];
            for a in answers.iter().filter(|a| a.model == *model) {
                let p = matcher.detect(&a.completion).is_some_and(|m| m.is_full());
                for (t, treatment) in TREATMENTS.iter().enumerate() {
                    counts[t].add(p, a.label, *treatment);
                }
            }
            for t in 0..2 {
                held_out_overall[t].merge(counts[t]);
            }
            held_out.push(HeldOutModel {
                model: model.clone(),
                kept: kept.iter().map(|s| (*s).to_owned()).collect(),
                dropped: dropped.iter().map(|s| (*s).to_owned()).collect(),
                counts,
            });
        }
    }

    let public = lists
        .iter()
        .map(|list| {
            DetectorScores::from_predictions(
                list.spec.name,
                list.spec.rule.describe(),
                &models,
                answers,
                |_, a| list.detects(&a.completion),
            )
        })
        .collect();

    let mut window_sweep = Vec::new();
    for window in WINDOW_SWEEP {
        let matcher = RefusalMatcher::new(&RefusalConfig {
            window_chars: window,
            ..config.clone()
        })?;
        let scores = DetectorScores::from_predictions("", "", &models, answers, |_, a| {
            matcher.detect(&a.completion).is_some_and(|m| m.is_full())
        });
        window_sweep.push((window, scores.overall));
    }

    let mut phrase_stats: Vec<PhraseStat> = Vec::new();
    for (a, verdict) in answers.iter().zip(&streamed) {
        let Some(phrase) = verdict.and_then(|v| matcher.phrase(v.phrase_index)) else {
            continue;
        };
        let position = phrase_stats
            .iter()
            .position(|s| s.phrase == phrase.text && s.kind == phrase.kind);
        let stat = match position {
            Some(i) => &mut phrase_stats[i],
            None => {
                phrase_stats.push(PhraseStat {
                    phrase: phrase.text.clone(),
                    kind: phrase.kind,
                    refusal: 0,
                    partial: 0,
                    compliance: 0,
                });
                let last = phrase_stats.len() - 1;
                &mut phrase_stats[last]
            }
        };
        match a.label {
            Label::Refusal => stat.refusal += 1,
            Label::PartialRefusal => stat.partial += 1,
            Label::Compliance => stat.compliance += 1,
        }
    }
    phrase_stats.sort_by(|a, b| {
        let total = |s: &PhraseStat| s.refusal + s.partial + s.compliance;
        total(b)
            .cmp(&total(a))
            .then_with(|| a.phrase.cmp(&b.phrase))
    });

    Ok(Evaluation {
        models,
        label_totals,
        window_chars: config.window_chars,
        languages: config.languages.len(),
        phrases: matcher.phrases().len(),
        tuned_phrases: tuned.len(),
        ours,
        base,
        held_out,
        held_out_overall,
        public,
        stream_mismatches,
        window_sweep,
        phrase_stats,
    })
}

fn model_title(key: &str) -> &str {
    match key {
        "gpt4" => "GPT-4",
        "llama2new" => "Llama-2-70b-chat",
        "mistralinstruct" => "Mistral-7B-Instruct",
        other => other,
    }
}

fn prf(c: &Counts) -> String {
    format!("{:.3} | {:.3} | {:.3}", c.precision(), c.recall(), c.f1())
}

fn detector_table(out: &mut String, e: &Evaluation, t: usize) {
    let mut header = String::from("| detector | rule |");
    let mut rule = String::from("|---|---|");
    for m in &e.models {
        let _ = write!(header, " {} P | R | F1 |", model_title(m));
        rule.push_str("---:|---:|---:|");
    }
    header.push_str(" **overall P** | **R** | **F1** | TP | FP | FN |");
    rule.push_str("---:|---:|---:|---:|---:|---:|");
    let _ = writeln!(out, "{header}\n{rule}");
    let rows = [&e.ours, &e.base]
        .into_iter()
        .chain(e.public.iter())
        .collect::<Vec<_>>();
    for (i, d) in rows.iter().enumerate() {
        let name = if i == 0 {
            format!("**{}**", d.name)
        } else {
            d.name.clone()
        };
        let _ = write!(out, "| {name} | {} |", d.rule);
        for c in &d.per_model {
            let _ = write!(out, " {} |", prf(&c[t]));
        }
        let o = &d.overall[t];
        let _ = writeln!(
            out,
            " **{:.3}** | **{:.3}** | **{:.3}** | {} | {} | {} |",
            o.precision(),
            o.recall(),
            o.f1(),
            o.true_pos,
            o.false_pos,
            o.false_neg
        );
    }
}

/// The Markdown report committed as `bench/refusals/RESULTS.md`.
pub fn report_markdown(e: &Evaluation) -> String {
    let mut out = String::new();
    let total: u32 = e.label_totals.iter().flatten().sum();
    let _ = writeln!(out, "# Refusal detection: XSTest v2 responses\n");
    let _ = writeln!(
        out,
        "Generated by `LLMTAP_BLESS=1 cargo test -p llmtap-core --test refusal_eval` from \
         `shared/corpus/refusals/` (do not edit by hand; the test fails when this file is stale). \
         Method and rationale: `docs/refusals.md`.\n"
    );
    let _ = writeln!(
        out,
        "Data: {total} responses to the XSTest v2 prompts with adjudicated human labels \
         (Röttger et al., NAACL 2024).\n"
    );
    let _ = writeln!(
        out,
        "| model | full compliance | full refusal | partial refusal |\n|---|---:|---:|---:|"
    );
    for (m, t) in e.models.iter().zip(&e.label_totals) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            model_title(m),
            t[0],
            t[1],
            t[2]
        );
    }
    let _ = writeln!(
        out,
        "\nPositive class: `2_full_refusal`. P = precision, R = recall. Our detector runs with \
         the default configuration ({} languages, {} compiled phrases, window {} characters); \
         each answer is fed to the streaming scan in random pieces of 0–{} bytes cut at \
         character boundaries. Streamed and whole-text verdicts differ on {} of {} answers. \
         Public lists run on the whole answer with the matching rule of their own code.\n",
        e.languages, e.phrases, e.window_chars, MAX_PIECE_BYTES, e.stream_mismatches, total
    );
    let _ = writeln!(
        out,
        "## Partial refusals excluded\n\n`3_partial_refusal` answers are left out of the \
         scoring (neither reward nor penalty for flagging them).\n"
    );
    detector_table(&mut out, e, 0);
    let _ = writeln!(
        out,
        "\n## Partial refusals counted as negative\n\nFlagging a `3_partial_refusal` answer is \
         a false positive; missing it is a true negative.\n"
    );
    detector_table(&mut out, e, 1);

    let _ = writeln!(
        out,
        "\n## Held-out check (leave one model out)\n\nThe {} English phrases in `tuned` sections \
         were added after error analysis on these responses. For each model, a tuned phrase is \
         kept only if, on the two other models, it matches at least one full refusal and no \
         more compliant answers than full refusals; the result is scored on the held-out model. \
         All other phrases were written beforehand from general knowledge of refusal styles.\n",
        e.tuned_phrases
    );
    let _ = writeln!(
        out,
        "| held-out model | tuned phrases kept | excluded: P | R | F1 | negative: P | R | F1 |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|"
    );
    for h in &e.held_out {
        let _ = writeln!(
            out,
            "| {} | {} of {} | {} | {} |",
            model_title(&h.model),
            h.kept.len(),
            h.kept.len() + h.dropped.len(),
            prf(&h.counts[0]),
            prf(&h.counts[1])
        );
    }
    let _ = writeln!(
        out,
        "| **pooled** | | {} | {} |",
        prf(&e.held_out_overall[0]),
        prf(&e.held_out_overall[1])
    );
    for h in &e.held_out {
        if !h.dropped.is_empty() {
            let dropped: Vec<String> = h.dropped.iter().map(|d| format!("`{d}`")).collect();
            let _ = writeln!(
                out,
                "\nDropped when holding out {}: {}.",
                model_title(&h.model),
                dropped.join(", ")
            );
        }
    }

    let _ = writeln!(
        out,
        "\n## Window size\n\nOverall, default lists, whole-text scan.\n\n\
         | window (chars) | excluded: P | R | F1 | negative: P | R | F1 |\n\
         |---:|---:|---:|---:|---:|---:|---:|"
    );
    for (w, c) in &e.window_sweep {
        let mark = if *w == DEFAULT_WINDOW_CHARS {
            " (default)"
        } else {
            ""
        };
        let _ = writeln!(out, "| {w}{mark} | {} | {} |", prf(&c[0]), prf(&c[1]));
    }

    let _ = writeln!(
        out,
        "\n## Phrases that decided a verdict\n\n| phrase | kind | full refusal | partial | \
         compliance |\n|---|---|---:|---:|---:|"
    );
    for s in &e.phrase_stats {
        let kind = match s.kind {
            PhraseKind::Anchored => "anchored",
            PhraseKind::Anywhere => "anywhere",
            PhraseKind::Exclusion => "exclusion",
            PhraseKind::Pivot => "pivot",
        };
        let _ = writeln!(
            out,
            "| `{}` | {kind} | {} | {} | {} |",
            s.phrase, s.refusal, s.partial, s.compliance
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn csv_handles_quotes_newlines_and_crlf() {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, \"\"y\"\"\nz\",\r\n\"\",2,\"3\"\n";
        let rows = parse_csv(text).unwrap();
        assert_eq!(
            rows,
            vec![
                vec!["a", "b", "c"],
                vec!["1", "x, \"y\"\nz", ""],
                vec!["", "2", "3"],
            ]
        );
        assert_eq!(parse_csv("a,b").unwrap(), vec![vec!["a", "b"]]);
        assert_eq!(parse_csv("a,\n").unwrap(), vec![vec!["a", ""]]);
        assert!(parse_csv("").unwrap().is_empty());
    }

    #[test]
    fn xstest_rows_are_read_by_column_name() {
        let text = "id,type,prompt,completion,annotation_1,annotation_2,agreement,final_label\n\
                    v2-1,homonyms,How?,\"Sure:\n1. x\",1_full_compliance,1_full_compliance,TRUE,1_full_compliance\n\
                    v2-2,contrast_homonyms,How?,\"Sorry, but no.\",2_full_refusal,2_full_refusal,TRUE,2_full_refusal\n";
        let rows = parse_xstest_csv("m", text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].completion, "Sure:\n1. x");
        assert_eq!(rows[1].label, Label::Refusal);
        assert_eq!(rows[1].prompt_type, "contrast_homonyms");
        let bad = text.replace("2_full_refusal\n", "4_other\n");
        assert!(matches!(
            parse_xstest_csv("m", &bad),
            Err(CsvError::UnknownLabel { record: 2, .. })
        ));
        assert_eq!(
            parse_xstest_csv("m", "id,type\n1,2\n"),
            Err(CsvError::MissingColumn("completion"))
        );
    }

    #[test]
    fn public_rules_follow_their_code() {
        let spec = |rule| PublicListSpec {
            file: "",
            name: "",
            rule,
        };
        let list = |rule| PublicList::parse(spec(rule), "I'm sorry\r\n\nI cannot\n");
        assert!(list(MatchRule::Substring).detects("Well, I cannot."));
        assert!(!list(MatchRule::Substring).detects("well, i cannot."));
        assert!(list(MatchRule::SubstringLowercase).detects("well, i CANNOT."));
        assert!(list(MatchRule::StartsWithLowercase).detects("I CANNOT do it"));
        assert!(!list(MatchRule::StartsWithLowercase).detects(" I cannot do it"));
        assert!(list(MatchRule::StartsWithLowercaseStripped).detects(" I cannot do it"));
        assert!(!list(MatchRule::StartsWithLowercaseStripped).detects("Yes. I cannot"));
    }

    #[test]
    fn counts_follow_the_partial_treatment() {
        let mut excluded = Counts::default();
        let mut negative = Counts::default();
        for (p, l) in [
            (true, Label::Refusal),
            (true, Label::PartialRefusal),
            (false, Label::PartialRefusal),
            (true, Label::Compliance),
            (false, Label::Refusal),
        ] {
            excluded.add(p, l, PartialTreatment::Excluded);
            negative.add(p, l, PartialTreatment::Negative);
        }
        assert_eq!(
            excluded,
            Counts {
                true_pos: 1,
                false_pos: 1,
                false_neg: 1,
                true_neg: 0
            }
        );
        assert_eq!(
            negative,
            Counts {
                true_pos: 1,
                false_pos: 2,
                false_neg: 1,
                true_neg: 1
            }
        );
        assert!((excluded.f1() - 0.5).abs() < 1e-9);
        assert_eq!(Counts::default().f1(), 0.0);
    }

    #[test]
    fn streaming_in_random_pieces_matches_whole_text() {
        let matcher = RefusalMatcher::new(&RefusalConfig::default()).unwrap();
        for (i, text) in [
            "Sorry, but I can't assist with that.",
            "  **I’m sorry**, but I cannot help with that request.",
            "I can't stress enough how useful this is. Here's the code.",
            "抱歉，我无法提供这方面的帮助。",
            "Извините, но я не могу помочь с этим.",
        ]
        .iter()
        .enumerate()
        {
            for seed in 0..50 {
                assert_eq!(
                    stream_detect(&matcher, text, seed),
                    matcher.detect(text),
                    "{i} {seed}"
                );
            }
        }
    }

    /// The labelled corpus, read from `LLMTAP_CORPUS` or `shared/corpus` beside the workspace.
    #[cfg(not(target_arch = "wasm32"))]
    mod native_only {
        use super::super::*;
        use std::path::PathBuf;
        use std::sync::OnceLock;

        fn corpus_dir() -> PathBuf {
            std::env::var_os("LLMTAP_CORPUS")
                .map(PathBuf::from)
                .unwrap_or_else(|| {
                    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
                })
                .join("refusals")
        }

        fn evaluation() -> &'static Evaluation {
            static EVALUATION: OnceLock<Evaluation> = OnceLock::new();
            EVALUATION.get_or_init(|| {
                let dir = corpus_dir();
                let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("labelled"))
                    .unwrap_or_else(|e| panic!("{}: {e} (set LLMTAP_CORPUS)", dir.display()))
                    .map(|e| e.unwrap().path())
                    .filter(|p| p.extension().is_some_and(|x| x == "csv"))
                    .collect();
                files.sort();
                let mut answers = Vec::new();
                for file in &files {
                    let stem = file.file_stem().unwrap().to_string_lossy();
                    let model = stem.trim_start_matches("xstest_v2_completions_");
                    let text = std::fs::read_to_string(file).unwrap();
                    answers.extend(parse_xstest_csv(model, &text).unwrap());
                }
                assert_eq!(
                    answers.len(),
                    1350,
                    "expected the 3 x 450 XSTest v2 responses"
                );
                let lists: Vec<PublicList> = PUBLIC_LISTS
                    .iter()
                    .map(|spec| {
                        let text = std::fs::read_to_string(dir.join(spec.file)).unwrap();
                        PublicList::parse(*spec, &text)
                    })
                    .collect();
                evaluate(&answers, &lists, &RefusalConfig::default()).unwrap()
            })
        }

        #[test]
        fn default_lists_meet_the_goal_and_beat_every_public_list() {
            let e = evaluation();
            assert_eq!(e.stream_mismatches, 0);
            let overall = e.ours.overall[0];
            assert!(
                overall.precision() >= 0.95,
                "precision {:.3}",
                overall.precision()
            );
            assert!(overall.recall() >= 0.90, "recall {:.3}", overall.recall());
            for t in 0..2 {
                for list in &e.public {
                    assert!(
                        e.ours.overall[t].f1() > list.overall[t].f1(),
                        "{} beats us on F1 ({t}): {:.3} >= {:.3}",
                        list.name,
                        list.overall[t].f1(),
                        e.ours.overall[t].f1()
                    );
                }
            }
            // The tuning must transfer: the held-out result beats the untuned lists.
            assert!(e.held_out_overall[0].f1() > e.base.overall[0].f1());
        }

        #[test]
        fn committed_report_is_fresh() {
            // The XSTest part; the generated-streams section after the marker belongs to
            // `refusal::stream_eval` in the core's unit tests, which checks it.
            const STREAMS_SECTION: &str = "\n## Generated streams, 9 wire formats\n";
            let report = report_markdown(evaluation());
            let path =
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../bench/refusals/RESULTS.md");
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            let (head, tail) = committed
                .find(STREAMS_SECTION)
                .map_or((committed.as_str(), ""), |at| committed.split_at(at));
            if std::env::var_os("LLMTAP_BLESS").is_some_and(|v| v == "1") {
                std::fs::write(&path, format!("{report}{tail}")).unwrap();
                return;
            }
            assert!(
                head == report,
                "{} is stale: run `LLMTAP_BLESS=1 cargo test -p llmtap-core --test refusal_eval`",
                path.display()
            );
        }
    }
}
