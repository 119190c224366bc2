//! From an extracted value to a `label_value`: trimming, case folding, the allowed set,
//! sanitising (as every label value from traffic) and the per-VM cap on distinct values.

use super::config::AnswerLabelSpec;
use super::{NONE_VALUE, OTHER_VALUE};
use crate::metrics::catalogue as metrics;
use hashbrown::{HashMap, HashSet};
use std::cell::RefCell;

/// How one extractor's values are normalised and bounded.
#[derive(Debug)]
pub struct ValueRules {
    /// Allowed values, normalised like extracted ones.
    allowed: Option<Vec<String>>,
    max_values: usize,
    case_fold: bool,
    trim: bool,
}

impl ValueRules {
    pub fn new(spec: &AnswerLabelSpec) -> Self {
        let mut rules = ValueRules {
            allowed: None,
            max_values: spec.max_values,
            case_fold: spec.case_fold,
            trim: spec.trim,
        };
        rules.allowed = spec.values.as_ref().map(|values| {
            values
                .iter()
                .map(|v| rules.normalise(v.trim()).into_owned())
                .collect()
        });
        rules
    }

    /// Trimmed (surrounding whitespace, quotes and backticks, a trailing `.`) and folded
    /// to lower case, as configured.
    fn normalise<'v>(&self, raw: &'v str) -> std::borrow::Cow<'v, str> {
        let mut v = raw;
        if self.trim {
            let junk = |c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '`');
            v = v.trim_matches(junk);
            v = v.strip_suffix('.').unwrap_or(v).trim_matches(junk);
        }
        if self.case_fold && v.chars().any(char::is_uppercase) {
            v.to_lowercase().into()
        } else {
            v.into()
        }
    }
}

/// Values admitted so far per label name, in this VM.
#[derive(Debug, Default)]
pub struct ValueBudget {
    admitted: RefCell<HashMap<String, HashSet<String>>>,
}

impl ValueBudget {
    /// The `label_value` for a found value (or `None`): `none` when nothing (or only
    /// blanks) was found, `other` outside the allowed set or past `max_values` distinct
    /// values of this name; otherwise the normalised value, sanitised.
    pub fn bounded(&self, name: &str, rules: &ValueRules, found: Option<&str>) -> String {
        let normalised = found.map(|raw| rules.normalise(raw));
        let Some(v) = normalised.as_deref().filter(|v| !v.trim().is_empty()) else {
            return NONE_VALUE.to_owned();
        };
        if let Some(allowed) = &rules.allowed {
            if !allowed.iter().any(|a| a == v) {
                return OTHER_VALUE.to_owned();
            }
        }
        let mut out = String::new();
        metrics::sanitize_label_value(v.as_bytes(), &mut out);
        if out == NONE_VALUE || out == OTHER_VALUE {
            return out;
        }
        let Ok(mut admitted) = self.admitted.try_borrow_mut() else {
            return OTHER_VALUE.to_owned();
        };
        let values = match admitted.get_mut(name) {
            Some(values) => values,
            None => admitted.entry(name.to_owned()).or_default(),
        };
        if values.contains(out.as_str()) {
            return out;
        }
        if values.len() < rules.max_values {
            values.insert(out.clone());
            out
        } else {
            OTHER_VALUE.to_owned()
        }
    }
}
