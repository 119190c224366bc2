//! Answer labels: a label extracted from each answer's visible text (a classifier's
//! `{"label": "positive"}`, an intent on the first line, …), counted per value in
//! `llm_answer_labels_total{label_name, label_value}` so that the aggregator can watch the
//! distribution drift (`answer_label:<name>`).
//!
//! - [`config`]: the `answer_labels` entries and their validation;
//! - [`json_pointer`]: the first JSON object in the answer, read incrementally, capped;
//! - [`regex`]: the first capture group of a pattern over the answer's first bytes;
//! - [`value`]: trimming, case folding, the allowed set and the per-VM cap on values.
//!
//! Per stream, only streams whose route has extractors hold an [`AnswerLabelScan`]
//! (allocated once, at the request headers); the others pay one `Option` check per text
//! piece. Memory per stream: at most [`json_pointer::MAX_OBJECT_BYTES`] per `json_pointer`
//! extractor and one [`PREFIX_WINDOW_BYTES`] window shared by `regex` and `first_line`.

pub mod config;
pub mod json_pointer;
pub mod regex;
pub mod value;

use crate::config::Config;
use config::AnswerLabelSpec;
use json_pointer::ObjectScan;
use std::rc::Rc;
use value::ValueBudget;

/// The answer's first bytes searched by `regex` and `first_line`.
pub const PREFIX_WINDOW_BYTES: usize = 4096;
/// `label_value` of an answer in which the extractor found nothing.
pub const NONE_VALUE: &str = "none";
/// `label_value` of values outside `values` or past `max_values`.
pub const OTHER_VALUE: &str = "other";

/// How an extractor finds its value.
#[derive(Debug)]
enum Find {
    /// Reference tokens of the pointer.
    JsonPointer(Vec<String>),
    Regex(regex::Regex),
    FirstLine,
}

/// One compiled extractor.
#[derive(Debug)]
pub struct Extractor {
    name: String,
    find: Find,
    rules: value::ValueRules,
}

impl Extractor {
    /// Compiles a validated entry (`None` if it is not valid: validation rejects it first).
    fn compile(spec: &AnswerLabelSpec) -> Option<Extractor> {
        let find = match (&spec.json_pointer, &spec.regex, spec.first_line) {
            (Some(pointer), None, false) => {
                Find::JsonPointer(json_pointer::parse_pointer(pointer)?)
            }
            (None, Some(pattern), false) => Find::Regex(regex::compile(pattern).ok()?),
            (None, None, true) => Find::FirstLine,
            _ => return None,
        };
        Some(Extractor {
            name: spec.name.clone(),
            find,
            rules: value::ValueRules::new(spec),
        })
    }

    /// The label's name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// What the VM shares between streams: the compiled lists (global and per route) and the
/// values admitted so far per label name.
#[derive(Debug, Default)]
pub struct VmAnswerLabels {
    global: Option<Rc<[Extractor]>>,
    /// Per configured route: its own list when it sets `answer_labels`.
    routes: Vec<Option<Option<Rc<[Extractor]>>>>,
    budget: ValueBudget,
}

fn compile_list(specs: &[AnswerLabelSpec]) -> Option<Rc<[Extractor]>> {
    let list: Vec<Extractor> = specs.iter().filter_map(Extractor::compile).collect();
    (!list.is_empty()).then(|| Rc::from(list))
}

impl VmAnswerLabels {
    /// Compiles the configuration's lists (validated by [`Config::parse`]).
    pub fn new(config: &Config) -> Self {
        VmAnswerLabels {
            global: compile_list(&config.answer_labels),
            routes: config
                .routes
                .iter()
                .map(|r| r.answer_labels.as_deref().map(compile_list))
                .collect(),
            budget: ValueBudget::default(),
        }
    }

    /// The scan for a stream on the configured route `rule` (or none): `None` when that
    /// route has no extractors, so such streams allocate nothing.
    pub fn scan(&self, rule: Option<usize>) -> Option<AnswerLabelScan> {
        let list = match rule.and_then(|i| self.routes.get(i)) {
            Some(Some(own)) => own.as_ref(),
            _ => self.global.as_ref(),
        }?;
        Some(AnswerLabelScan::new(Rc::clone(list)))
    }
}

/// One label of a finished answer: sanitised, bounded `label_name` and `label_value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerLabel {
    pub name: String,
    pub value: String,
}

/// Per-stream extraction state.
#[derive(Debug)]
pub struct AnswerLabelScan {
    extractors: Rc<[Extractor]>,
    /// One per extractor, used by the `json_pointer` ones.
    objects: Vec<ObjectScan>,
    /// The answer's first bytes, when a `regex` or `first_line` extractor needs them.
    prefix: Option<String>,
    prefix_full: bool,
}

impl AnswerLabelScan {
    fn new(extractors: Rc<[Extractor]>) -> Self {
        let needs_prefix = extractors
            .iter()
            .any(|e| !matches!(e.find, Find::JsonPointer(_)));
        let objects = extractors.iter().map(|_| ObjectScan::default()).collect();
        AnswerLabelScan {
            extractors,
            objects,
            prefix: needs_prefix.then(String::new),
            prefix_full: !needs_prefix,
        }
    }

    /// Whether more answer text can still change a label.
    pub fn wants_text(&self) -> bool {
        !self.prefix_full
            || self
                .extractors
                .iter()
                .zip(&self.objects)
                .any(|(e, o)| matches!(e.find, Find::JsonPointer(_)) && !o.is_done())
    }

    /// Feeds the next piece of visible answer text.
    pub fn feed(&mut self, piece: &str) {
        for (extractor, object) in self.extractors.iter().zip(self.objects.iter_mut()) {
            if let Find::JsonPointer(tokens) = &extractor.find {
                object.feed(piece.as_bytes(), tokens);
            }
        }
        if let (Some(prefix), false) = (self.prefix.as_mut(), self.prefix_full) {
            let room = PREFIX_WINDOW_BYTES.saturating_sub(prefix.len());
            let mut cut = piece.len().min(room);
            while !piece.is_char_boundary(cut) {
                cut -= 1;
            }
            self.prefix_full = cut < piece.len();
            let kept = piece.get(..cut).unwrap_or_default();
            prefix.reserve_exact(extra_capacity(
                prefix.len(),
                prefix.capacity(),
                prefix.len() + kept.len(),
                PREFIX_WINDOW_BYTES,
            ));
            prefix.push_str(kept);
        }
    }

    /// Bytes this scan holds on to for text (buffer capacities), at most
    /// [`PREFIX_WINDOW_BYTES`] + [`json_pointer::MAX_OBJECT_BYTES`] per `json_pointer` extractor.
    pub fn retained_bytes(&self) -> usize {
        self.objects
            .iter()
            .map(ObjectScan::retained_bytes)
            .sum::<usize>()
            + self.prefix.as_ref().map_or(0, String::capacity)
    }

    /// The end of the answer: one label per extractor (`none` when nothing was found),
    /// with values bounded by the VM's budget.
    pub fn finish(&mut self, vm: &VmAnswerLabels) -> Vec<AnswerLabel> {
        let prefix = self.prefix.take().unwrap_or_default();
        let mut out = Vec::with_capacity(self.extractors.len());
        for (extractor, object) in self.extractors.iter().zip(self.objects.iter_mut()) {
            let found: Option<std::borrow::Cow<'_, str>> = match &extractor.find {
                Find::JsonPointer(_) => object.finish().map(Into::into),
                Find::Regex(regex) => regex::first_group(regex, &prefix).map(Into::into),
                Find::FirstLine => first_line(&prefix).map(Into::into),
            };
            let value = vm
                .budget
                .bounded(&extractor.name, &extractor.rules, found.as_deref());
            out.push(AnswerLabel {
                name: extractor.name.clone(),
                value,
            });
        }
        out
    }
}

/// How much to `reserve_exact` so that a buffer of `len` bytes and `capacity` holds
/// `needed` bytes without its capacity passing `cap` (doubling below it, so feeding byte by
/// byte stays linear).
fn extra_capacity(len: usize, capacity: usize, needed: usize, cap: usize) -> usize {
    if needed <= capacity {
        return 0;
    }
    let target = (capacity * 2).max(needed).max(64).min(cap.max(needed));
    target - len
}

/// The first line that is not blank.
fn first_line(text: &str) -> Option<&str> {
    text.lines().find(|line| !line.trim().is_empty())
}

#[cfg(test)]
mod tests;
