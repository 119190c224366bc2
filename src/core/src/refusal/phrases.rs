//! The default phrase lists, one UTF-8 file per language in `src/core/refusal-phrases/`,
//! embedded with `include_str!`.
//!
//! File format: `#` starts a comment line, blank lines are ignored, a line `[anchored]`,
//! `[anywhere]` or `[exclude]` starts a section, every other line is one phrase of that
//! section. A section header may carry the provenance tag `: tuned` (`[anywhere: tuned]`):
//! those phrases were added after error analysis on the XSTest responses rather than written
//! from general knowledge of refusal styles; the held-out evaluation (`tests/refusal_eval.rs`) uses
//! the tag to check that the tuning generalises across models. `[anchored: apology]` holds
//! apology openers that state no inability by themselves; `[pivot]` holds turns to help
//! ("here's", "however, I can") that make a refusal partial ([`PhraseKind::Pivot`]).

use serde::Deserialize;

/// A language with a default phrase list. Configuration names are the ISO 639-1 codes.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Zh,
    Ja,
    Ko,
    Es,
    Fr,
    De,
    Ru,
    Pt,
    Ar,
    Hi,
}

impl Language {
    /// Every language with a default list, in configuration order.
    pub const ALL: [Language; 11] = [
        Language::En,
        Language::Zh,
        Language::Ja,
        Language::Ko,
        Language::Es,
        Language::Fr,
        Language::De,
        Language::Ru,
        Language::Pt,
        Language::Ar,
        Language::Hi,
    ];

    /// The ISO 639-1 code, as written in the configuration.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Zh => "zh",
            Language::Ja => "ja",
            Language::Ko => "ko",
            Language::Es => "es",
            Language::Fr => "fr",
            Language::De => "de",
            Language::Ru => "ru",
            Language::Pt => "pt",
            Language::Ar => "ar",
            Language::Hi => "hi",
        }
    }

    /// The embedded default list.
    pub fn default_list(self) -> &'static str {
        match self {
            Language::En => include_str!("../../refusal-phrases/en.txt"),
            Language::Zh => include_str!("../../refusal-phrases/zh.txt"),
            Language::Ja => include_str!("../../refusal-phrases/ja.txt"),
            Language::Ko => include_str!("../../refusal-phrases/ko.txt"),
            Language::Es => include_str!("../../refusal-phrases/es.txt"),
            Language::Fr => include_str!("../../refusal-phrases/fr.txt"),
            Language::De => include_str!("../../refusal-phrases/de.txt"),
            Language::Ru => include_str!("../../refusal-phrases/ru.txt"),
            Language::Pt => include_str!("../../refusal-phrases/pt.txt"),
            Language::Ar => include_str!("../../refusal-phrases/ar.txt"),
            Language::Hi => include_str!("../../refusal-phrases/hi.txt"),
        }
    }
}

/// The role of a phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhraseKind {
    /// Counts only at the very start of the answer (after leading whitespace and markdown).
    Anchored,
    /// Counts anywhere in the window.
    Anywhere,
    /// A near-miss: vetoes any refusal match whose span overlaps it.
    Exclusion,
    /// A turn to help ("here's", "however, I can"): after a refusal match in the window it
    /// makes the refusal partial, or, after an apology-only opener, no refusal at all.
    Pivot,
}

/// One entry of a default list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DefaultPhrase {
    pub language: Language,
    pub kind: PhraseKind,
    /// As written in the list (not normalised).
    pub text: &'static str,
    /// Added after error analysis on XSTest (section tagged `: tuned`).
    pub tuned: bool,
    /// An anchored apology opener that states no inability by itself ("I'm sorry, but"):
    /// section `[anchored: apology]`. Followed by a pivot and no other refusal phrase, the
    /// answer apologises and then helps, and is not a refusal.
    pub apology: bool,
    /// 1-based line number in the list file.
    pub line: usize,
}

/// A malformed default list (an unknown section header, or a phrase before any section).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MalformedList {
    pub language: Language,
    pub line: usize,
}

/// The phrases of one language's default list, in file order.
pub fn default_phrases(
    language: Language,
) -> impl Iterator<Item = Result<DefaultPhrase, MalformedList>> {
    let mut section: Option<(PhraseKind, bool, bool)> = None;
    language
        .default_list()
        .lines()
        .enumerate()
        .filter_map(move |(i, raw)| {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                return None;
            }
            let malformed = MalformedList {
                language,
                line: i + 1,
            };
            if let Some(header) = line.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
                let (name, tag) = match header.split_once(':') {
                    Some((name, tag)) => (name.trim(), Some(tag.trim())),
                    None => (header.trim(), None),
                };
                let kind = match name {
                    "anchored" => PhraseKind::Anchored,
                    "anywhere" => PhraseKind::Anywhere,
                    "exclude" => PhraseKind::Exclusion,
                    "pivot" => PhraseKind::Pivot,
                    _ => return Some(Err(malformed)),
                };
                let (tuned, apology) = match (tag, kind) {
                    (None, _) => (false, false),
                    (Some("tuned"), _) => (true, false),
                    (Some("apology"), PhraseKind::Anchored) => (false, true),
                    (Some(_), _) => return Some(Err(malformed)),
                };
                section = Some((kind, tuned, apology));
                return None;
            }
            Some(match section {
                Some((kind, tuned, apology)) => Ok(DefaultPhrase {
                    language,
                    kind,
                    text: line,
                    tuned,
                    apology,
                    line: i + 1,
                }),
                None => Err(malformed),
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refusal::normalize::normalize_phrase;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn every_default_list_parses_and_has_all_three_kinds() {
        for language in Language::ALL {
            let phrases: Vec<DefaultPhrase> = default_phrases(language)
                .collect::<Result<_, _>>()
                .unwrap_or_else(|e| panic!("{e:?}"));
            for kind in [
                PhraseKind::Anchored,
                PhraseKind::Anywhere,
                PhraseKind::Exclusion,
            ] {
                assert!(
                    phrases.iter().any(|p| p.kind == kind),
                    "{} has no {kind:?} phrase",
                    language.code()
                );
            }
            for p in &phrases {
                assert!(
                    !normalize_phrase(p.text).trim().is_empty(),
                    "{}:{} normalises to nothing",
                    language.code(),
                    p.line
                );
                assert!(p.text.chars().count() <= crate::refusal::MAX_PHRASE_CHARS);
            }
        }
    }

    #[test]
    fn no_phrase_is_listed_twice_with_the_same_role() {
        for language in Language::ALL {
            let mut seen = std::collections::HashSet::new();
            for p in default_phrases(language).flatten() {
                assert!(
                    seen.insert((p.kind, normalize_phrase(p.text))),
                    "{}:{} {:?} duplicates an earlier phrase",
                    language.code(),
                    p.line,
                    p.text
                );
            }
        }
    }

    #[test]
    fn only_english_has_tuned_phrases() {
        for language in Language::ALL {
            let tuned = default_phrases(language)
                .flatten()
                .filter(|p| p.tuned)
                .count();
            assert_eq!(tuned > 0, language == Language::En, "{}", language.code());
        }
    }
}
