//! The `answer_labels` configuration (global and per route): one entry per label, with
//! exactly one way to find its value in the visible answer text. Validated in
//! `on_configure`; a bad entry is one [`AnswerLabelConfigError`], one log line.

use serde::Deserialize;

/// Default cap on distinct values of one label per VM (later new values count as `other`).
pub const DEFAULT_MAX_VALUES: usize = 32;
/// Largest accepted `max_values`.
pub const MAX_VALUES_LIMIT: usize = 10_000;
/// Most extractors in one list (each costs per-stream work and series).
pub const MAX_EXTRACTORS: usize = 16;
/// Longest label name, in bytes (it becomes the value of the `label_name` label).
pub const MAX_NAME_BYTES: usize = 64;
pub use super::regex::MAX_REGEX_PROGRAM_BYTES;

/// One label extractor as configured.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AnswerLabelSpec {
    /// The label's name: ASCII letters, digits, `_`, `-`, `.` (the `label_name` label value
    /// and the aggregator's feature `answer_label:<name>`).
    pub name: String,
    /// RFC 6901 pointer into the answer parsed as JSON, or into the first JSON object in it
    /// that has a scalar at this pointer (e.g. `/label`).
    #[serde(default)]
    pub json_pointer: Option<String>,
    /// A regular expression whose first capture group is the value, searched in the first
    /// [`super::PREFIX_WINDOW_BYTES`] bytes of the answer.
    #[serde(default)]
    pub regex: Option<String>,
    /// The value is the answer's first non-blank line.
    #[serde(default)]
    pub first_line: bool,
    /// The allowed values; anything else counts as `other`. Unset: every value is kept (up
    /// to `max_values`).
    #[serde(default)]
    pub values: Option<Vec<String>>,
    /// Distinct values per VM; later new values count as `other`.
    #[serde(default = "default_max_values")]
    pub max_values: usize,
    /// Compare and report values in lower case.
    #[serde(default)]
    pub case_fold: bool,
    /// Remove surrounding whitespace and quotes (`"`, `'`, `` ` ``) and a trailing `.`.
    #[serde(default = "default_trim")]
    pub trim: bool,
}

fn default_max_values() -> usize {
    DEFAULT_MAX_VALUES
}

fn default_trim() -> bool {
    true
}

/// Why an `answer_labels` list was rejected. `field` names the list (`answer_labels` or
/// `routes[i].answer_labels`), `index` the entry.
#[derive(Debug, PartialEq, Eq)]
pub enum AnswerLabelConfigError {
    /// More than [`MAX_EXTRACTORS`] entries.
    TooMany { field: String, count: usize },
    /// A name that is empty, too long or has characters other than letters, digits, `_-.`.
    BadName { field: String, index: usize },
    /// Two entries with the same name in one list.
    DuplicateName { field: String, name: String },
    /// None or several of `json_pointer`, `regex`, `first_line`.
    ExtractorCount { field: String, name: String },
    /// A JSON pointer that is not `""` or `/…`, or has a `~` not followed by `0` or `1`.
    BadPointer { field: String, name: String },
    /// A regex that does not compile (or is too large), or has no capture group.
    BadRegex {
        field: String,
        name: String,
        reason: String,
    },
    /// `max_values` outside 1..=[`MAX_VALUES_LIMIT`].
    MaxValues {
        field: String,
        name: String,
        value: usize,
    },
    /// `values` empty or with a blank entry.
    BlankValues { field: String, name: String },
}

const PREFIX: &str = "llmtap: invalid plugin configuration:";

impl core::fmt::Display for AnswerLabelConfigError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::TooMany { field, count } => write!(
                f,
                "{PREFIX} {field} has {count} entries, at most {MAX_EXTRACTORS} are accepted"
            ),
            Self::BadName { field, index } => write!(
                f,
                "{PREFIX} {field}[{index}].name must be 1..={MAX_NAME_BYTES} ASCII letters, digits, '_', '-' or '.'"
            ),
            Self::DuplicateName { field, name } => {
                write!(f, "{PREFIX} {field}: the name {name:?} is used twice")
            }
            Self::ExtractorCount { field, name } => write!(
                f,
                "{PREFIX} {field}[{name:?}] needs exactly one of json_pointer, regex, first_line"
            ),
            Self::BadPointer { field, name } => write!(
                f,
                "{PREFIX} {field}[{name:?}].json_pointer must be \"\" or start with '/' (RFC 6901; '~' only as ~0 or ~1)"
            ),
            Self::BadRegex {
                field,
                name,
                reason,
            } => {
                let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
                write!(f, "{PREFIX} {field}[{name:?}].regex: {reason}")
            }
            Self::MaxValues { field, name, value } => write!(
                f,
                "{PREFIX} {field}[{name:?}].max_values = {value} is outside 1..={MAX_VALUES_LIMIT}"
            ),
            Self::BlankValues { field, name } => write!(
                f,
                "{PREFIX} {field}[{name:?}].values must not be empty or contain blank entries"
            ),
        }
    }
}

impl std::error::Error for AnswerLabelConfigError {}

/// Checks one list; `field` is how the message names it.
pub fn validate(field: &str, specs: &[AnswerLabelSpec]) -> Result<(), AnswerLabelConfigError> {
    let field = || field.to_owned();
    if specs.len() > MAX_EXTRACTORS {
        return Err(AnswerLabelConfigError::TooMany {
            field: field(),
            count: specs.len(),
        });
    }
    for (index, spec) in specs.iter().enumerate() {
        let name = || spec.name.clone();
        if !valid_name(&spec.name) {
            return Err(AnswerLabelConfigError::BadName {
                field: field(),
                index,
            });
        }
        if specs.iter().take(index).any(|s| s.name == spec.name) {
            return Err(AnswerLabelConfigError::DuplicateName {
                field: field(),
                name: name(),
            });
        }
        let ways = usize::from(spec.json_pointer.is_some())
            + usize::from(spec.regex.is_some())
            + usize::from(spec.first_line);
        if ways != 1 {
            return Err(AnswerLabelConfigError::ExtractorCount {
                field: field(),
                name: name(),
            });
        }
        if let Some(pointer) = &spec.json_pointer {
            if super::json_pointer::parse_pointer(pointer).is_none() {
                return Err(AnswerLabelConfigError::BadPointer {
                    field: field(),
                    name: name(),
                });
            }
        }
        if let Some(pattern) = &spec.regex {
            super::regex::compile(pattern).map_err(|reason| AnswerLabelConfigError::BadRegex {
                field: field(),
                name: name(),
                reason,
            })?;
        }
        if !(1..=MAX_VALUES_LIMIT).contains(&spec.max_values) {
            return Err(AnswerLabelConfigError::MaxValues {
                field: field(),
                name: name(),
                value: spec.max_values,
            });
        }
        if spec
            .values
            .as_ref()
            .is_some_and(|v| v.is_empty() || v.iter().any(|s| s.trim().is_empty()))
        {
            return Err(AnswerLabelConfigError::BlankValues {
                field: field(),
                name: name(),
            });
        }
    }
    Ok(())
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_NAME_BYTES
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}
