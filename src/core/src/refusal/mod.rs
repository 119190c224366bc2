//! Phrase-based refusal detection on the visible answer text of a streamed completion.
//!
//! A refusal ("Sorry, but I can't assist with that.", "I cannot provide instructions on…",
//! "抱歉，我无法…") is recognised by phrases in the first [`RefusalConfig::window_chars`]
//! characters of the answer. Three kinds of rules are kept apart:
//!
//! - **anchored** phrases count only at the very start of the answer, after leading
//!   whitespace, markdown and quote characters (`"I'm sorry, but"`, `"I cannot"`); the same words
//!   later in an answer are usually not a refusal ("…if you're sure. I cannot stress this
//!   enough…");
//! - **anywhere** phrases count wherever they appear in the window (`"I cannot assist with"`,
//!   `"against my guidelines"`): they are specific enough to mean a refusal in any position,
//!   which catches refusals that open with a preamble ("It's understandable that you want…,
//!   but I cannot provide…");
//! - **exclusions** are near-misses that veto any refusal match overlapping them: sympathy
//!   ("I'm sorry to hear that"), apologies for an earlier mistake ("Sorry for the confusion"),
//!   emphasis idioms ("I can't stress enough", "I can't recommend this enough");
//! - **pivots** are turns to help ("here's how", "however, I can explain"): one that follows
//!   a refusal before the end of the next sentence makes it [`RefusalKind::Partial`]; one
//!   that follows an apology-only opener ("I'm sorry, but", section `[anchored: apology]`)
//!   with no refusal phrase stated means the answer apologises and then helps: no refusal.
//!
//! Matching is case-insensitive and tolerant of typographic variants; the normalisation rules
//! are in [`normalize`]. The default lists cover English, Chinese, Japanese, Korean, Spanish,
//! French, German, Russian, Portuguese, Arabic and Hindi ([`phrases`], files in
//! `src/core/refusal-phrases/`); the configuration selects languages, removes default phrases
//! and adds new ones.
//!
//! Sources. The English lists start from the refusal prefixes used by public evaluation code —
//! the GCG / llm-attacks `_test_prefixes` (Zou et al. 2023, "Universal and Transferable
//! Adversarial Attacks on Aligned Language Models"), JailbreakBench's `StringClassifier`
//! (Chao et al. 2024), garak's `mitigation` detectors (`Prefixes`, and `MitigationBypass`
//! whose keywords come from ChatGPT mitigation messages in ShareGPT), and the string-match
//! baseline of XSTest (Röttger et al., NAACL 2024, "XSTest: A Test Suite for Identifying
//! Exaggerated Safety Behaviours in Large Language Models") — keeping their refusal openers
//! but anchoring the generic ones ("Sorry", "I cannot") and dropping topic words ("illegal",
//! "ethical") that also occur in ordinary answers. They were then extended and checked against
//! the XSTest v2 responses of GPT-4, Llama-2 and Mistral with their human labels (`tests/refusal_eval.rs`,
//! `docs/refusals.md`, `bench/refusals/RESULTS.md`).
//!
//! Usage: build one [`RefusalMatcher`] per VM from the configuration, take a [`RefusalScan`]
//! per stream with [`RefusalMatcher::scan`], [`RefusalScan::feed`] it every piece of visible
//! answer text as it is decoded, and call [`RefusalScan::finish`] at the end of the stream.

mod matcher;
pub mod normalize;
pub mod phrases;

pub use matcher::{Phrase, PhraseMatch, RefusalKind, RefusalMatcher, RefusalScan};
pub use phrases::{Language, PhraseKind};

use serde::Deserialize;

/// Default window: the first 300 characters of the answer. Refusals state themselves in the
/// first sentence or two; a longer window mostly adds false positives from answers that
/// comply and then warn ("…but I cannot guarantee…").
pub const DEFAULT_WINDOW_CHARS: usize = 300;
/// Smallest accepted window, in characters.
pub const MIN_WINDOW_CHARS: usize = 16;
/// Largest accepted window, in characters.
pub const MAX_WINDOW_CHARS: usize = 4096;
/// Longest accepted phrase, in characters (it also bounds how far past the window a scan may
/// look for an exclusion overlapping a match).
pub const MAX_PHRASE_CHARS: usize = 200;
/// Most phrases accepted in each `extra_*` list and in `remove`.
pub const MAX_EXTRA_PHRASES: usize = 1000;

/// The `refusals` section of the plugin configuration.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct RefusalConfig {
    /// Detect refusals at all.
    pub enabled: bool,
    /// How many characters at the start of the answer are looked at.
    pub window_chars: usize,
    /// Languages whose default lists are used (ISO 639-1 codes: `en`, `zh`, `ja`, `ko`, `es`,
    /// `fr`, `de`, `ru`, `pt`, `ar`, `hi`). Default: all.
    pub languages: Vec<Language>,
    /// Extra phrases that count only at the start of the answer.
    pub extra_anchored: Vec<String>,
    /// Extra phrases that count anywhere in the window.
    pub extra_anywhere: Vec<String>,
    /// Extra near-miss phrases that veto an overlapping match.
    pub extra_exclusions: Vec<String>,
    /// Default phrases to drop (compared after normalisation, in every role and language).
    pub remove: Vec<String>,
}

impl Default for RefusalConfig {
    fn default() -> Self {
        RefusalConfig {
            enabled: true,
            window_chars: DEFAULT_WINDOW_CHARS,
            languages: Language::ALL.to_vec(),
            extra_anchored: Vec::new(),
            extra_anywhere: Vec::new(),
            extra_exclusions: Vec::new(),
            remove: Vec::new(),
        }
    }
}

/// Why a `refusals` configuration was rejected. The `Display` text is one log line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefusalConfigError {
    /// A numeric field outside its accepted range.
    OutOfRange {
        field: &'static str,
        value: usize,
        min: usize,
        max: usize,
    },
    /// A phrase that is empty once normalised (blank, or only quotes and markdown).
    BlankPhrase { field: &'static str, index: usize },
    /// A phrase longer than [`MAX_PHRASE_CHARS`].
    PhraseTooLong { field: &'static str, index: usize },
    /// A list longer than [`MAX_EXTRA_PHRASES`].
    TooManyPhrases { field: &'static str, count: usize },
    /// A `remove` entry that is not a default phrase of the selected languages (a typo would
    /// otherwise silently keep the phrase).
    UnknownRemoval { index: usize, phrase: String },
    /// A built-in list is malformed (a bug, caught by the unit tests).
    DefaultList { language: Language, line: usize },
    /// The automaton could not be built.
    Automaton(String),
}

const PREFIX: &str = "llmtap: invalid plugin configuration: refusals";

impl core::fmt::Display for RefusalConfigError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            RefusalConfigError::OutOfRange {
                field,
                value,
                min,
                max,
            } => write!(f, "{PREFIX}.{field} = {value} is outside {min}..={max}"),
            RefusalConfigError::BlankPhrase { field, index } => write!(
                f,
                "{PREFIX}.{field}[{index}] must not be blank (or only quotes and markdown)"
            ),
            RefusalConfigError::PhraseTooLong { field, index } => write!(
                f,
                "{PREFIX}.{field}[{index}] is longer than {MAX_PHRASE_CHARS} characters"
            ),
            RefusalConfigError::TooManyPhrases { field, count } => write!(
                f,
                "{PREFIX}.{field} has {count} entries, at most {MAX_EXTRA_PHRASES} are accepted"
            ),
            RefusalConfigError::UnknownRemoval { index, phrase } => write!(
                f,
                "{PREFIX}.remove[{index}] = {phrase:?} is not a default phrase of the selected languages"
            ),
            RefusalConfigError::DefaultList { language, line } => write!(
                f,
                "{PREFIX}: built-in phrase list {} is malformed at line {line}",
                language.code()
            ),
            RefusalConfigError::Automaton(msg) => {
                write!(f, "{PREFIX}: cannot build the phrase automaton: {msg}")
            }
        }
    }
}

impl std::error::Error for RefusalConfigError {}

impl From<phrases::MalformedList> for RefusalConfigError {
    fn from(e: phrases::MalformedList) -> Self {
        RefusalConfigError::DefaultList {
            language: e.language,
            line: e.line,
        }
    }
}

impl RefusalConfig {
    /// Checks ranges, phrase lengths and that every `remove` entry names a default phrase.
    pub fn validate(&self) -> Result<(), RefusalConfigError> {
        if !(MIN_WINDOW_CHARS..=MAX_WINDOW_CHARS).contains(&self.window_chars) {
            return Err(RefusalConfigError::OutOfRange {
                field: "window_chars",
                value: self.window_chars,
                min: MIN_WINDOW_CHARS,
                max: MAX_WINDOW_CHARS,
            });
        }
        for (field, list) in [
            ("extra_anchored", &self.extra_anchored),
            ("extra_anywhere", &self.extra_anywhere),
            ("extra_exclusions", &self.extra_exclusions),
            ("remove", &self.remove),
        ] {
            if list.len() > MAX_EXTRA_PHRASES {
                return Err(RefusalConfigError::TooManyPhrases {
                    field,
                    count: list.len(),
                });
            }
            for (index, phrase) in list.iter().enumerate() {
                if normalize::normalize_phrase(phrase).trim().is_empty() {
                    return Err(RefusalConfigError::BlankPhrase { field, index });
                }
                if phrase.chars().count() > MAX_PHRASE_CHARS {
                    return Err(RefusalConfigError::PhraseTooLong { field, index });
                }
            }
        }
        if !self.remove.is_empty() {
            let mut defaults = hashbrown::HashSet::new();
            for &language in &self.languages {
                for phrase in phrases::default_phrases(language) {
                    defaults.insert(normalize::normalize_phrase(phrase?.text));
                }
            }
            for (index, phrase) in self.remove.iter().enumerate() {
                if !defaults.contains(&normalize::normalize_phrase(phrase)) {
                    return Err(RefusalConfigError::UnknownRemoval {
                        index,
                        phrase: phrase.clone(),
                    });
                }
            }
        }
        Ok(())
    }
}

/// Reads `tests/fixtures/refusals/`: native only (the wasm test count excludes `native_only`).
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
#[path = "fixture_tests.rs"]
mod native_only;
/// Generated streams in 9 wire formats (`bench/refusals/streams/`): native only (reads files).
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod stream_eval;
#[cfg(test)]
mod tests;
