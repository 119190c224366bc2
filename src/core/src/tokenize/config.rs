//! The `tokenizer` section of the plugin configuration.

use super::Encoding;
use core::fmt;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Smallest / largest accepted `max_text_bytes`.
pub const MIN_TEXT_BYTES: usize = 64;
pub const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;

/// How streams without a usage report are counted.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct TokenizerConfig {
    /// Count exactly with the model's encoding when the module links it; off: estimates.
    pub enabled: bool,
    /// Model-name prefix → encoding (`cl100k_base` | `o200k_base`), longest prefix first;
    /// wins over the built-in map ([`super::encoding::MODEL_PREFIXES`]). Models matching
    /// neither are estimated.
    pub models: BTreeMap<String, String>,
    /// Uncounted output text kept per stream, in bytes; when reached, the settled part is
    /// counted and dropped (memory per stream stays under this cap).
    pub max_text_bytes: usize,
    /// Build the tokenizers in `on_configure` (start-up cost in every VM) instead of on the
    /// first stream that needs one (a one-off pause of that worker).
    pub preload: bool,
}

impl Default for TokenizerConfig {
    fn default() -> Self {
        TokenizerConfig {
            enabled: true,
            models: BTreeMap::new(),
            max_text_bytes: 16 * 1024,
            preload: false,
        }
    }
}

/// Why the `tokenizer` section was rejected.
#[derive(Debug, PartialEq, Eq)]
pub enum TokenizerConfigError {
    UnknownEncoding { model: String, name: String },
    NotLinked { model: String, encoding: Encoding },
    NothingToPreload,
    TextCap { value: usize },
}

impl fmt::Display for TokenizerConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let head = "llmtap: invalid plugin configuration: tokenizer";
        match self {
            TokenizerConfigError::UnknownEncoding { model, name } => write!(
                f,
                "{head}.models[{model:?}] = {name:?} is not an encoding (cl100k_base or o200k_base)"
            ),
            TokenizerConfigError::NotLinked { model, encoding } => write!(
                f,
                "{head}.models[{model:?}] = {encoding} is not linked into this module (use llmtap-tokenizer.wasm, or set tokenizer.enabled = false)"
            ),
            TokenizerConfigError::NothingToPreload => write!(
                f,
                "{head}.preload = true but this module links no vocabulary (use llmtap-tokenizer.wasm)"
            ),
            TokenizerConfigError::TextCap { value } => write!(
                f,
                "{head}.max_text_bytes = {value} is outside {MIN_TEXT_BYTES}..={MAX_TEXT_BYTES}"
            ),
        }
    }
}

impl TokenizerConfig {
    pub fn validate(&self) -> Result<(), TokenizerConfigError> {
        if !(MIN_TEXT_BYTES..=MAX_TEXT_BYTES).contains(&self.max_text_bytes) {
            return Err(TokenizerConfigError::TextCap {
                value: self.max_text_bytes,
            });
        }
        for (model, name) in &self.models {
            let encoding =
                Encoding::from_name(name).ok_or_else(|| TokenizerConfigError::UnknownEncoding {
                    model: model.clone(),
                    name: name.clone(),
                })?;
            if self.enabled && !encoding.is_linked() {
                return Err(TokenizerConfigError::NotLinked {
                    model: model.clone(),
                    encoding,
                });
            }
        }
        if self.enabled && self.preload && !Encoding::ALL.iter().any(|e| e.is_linked()) {
            return Err(TokenizerConfigError::NothingToPreload);
        }
        Ok(())
    }

    /// The encoding to count `model` with: configured prefix first, then the built-in map.
    pub fn encoding_for(&self, model: &str) -> Option<Encoding> {
        self.models
            .iter()
            .filter(|(prefix, _)| model.starts_with(prefix.as_str()))
            .max_by_key(|(prefix, _)| prefix.len())
            .and_then(|(_, name)| Encoding::from_name(name))
            .or_else(|| Encoding::for_model(model))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn configured_prefixes_win_over_the_built_in_map() {
        let mut c = TokenizerConfig::default();
        c.models
            .insert("gpt-4o-custom".into(), "cl100k_base".into());
        c.models.insert("llama".into(), "o200k_base".into());
        assert_eq!(
            c.encoding_for("gpt-4o-custom-1"),
            Some(Encoding::Cl100kBase)
        );
        assert_eq!(c.encoding_for("gpt-4o-mini"), Some(Encoding::O200kBase));
        assert_eq!(c.encoding_for("llama-3"), Some(Encoding::O200kBase));
        assert_eq!(c.encoding_for("mistral"), None);
    }

    #[test]
    fn bad_sections_are_rejected() {
        let mut c = TokenizerConfig::default();
        c.models.insert("x".into(), "p50k_base".into());
        assert!(matches!(
            c.validate(),
            Err(TokenizerConfigError::UnknownEncoding { .. })
        ));
        let c = TokenizerConfig {
            max_text_bytes: 1,
            ..TokenizerConfig::default()
        };
        assert_eq!(
            c.validate(),
            Err(TokenizerConfigError::TextCap { value: 1 })
        );
    }
}
