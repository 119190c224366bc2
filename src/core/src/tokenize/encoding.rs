//! The encodings llmtap can count with, and which one a model uses.

use core::fmt;

/// An OpenAI `tiktoken` encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// GPT-4, GPT-3.5-turbo, text-embedding-3 / ada-002.
    Cl100kBase,
    /// GPT-4o, GPT-4.1, GPT-4.5, GPT-5, o1/o3/o4, gpt-oss.
    O200kBase,
}

/// Built-in model-name prefixes and their encodings, longest prefix first. Source: OpenAI's
/// `tiktoken/model.py` (`MODEL_PREFIX_TO_ENCODING`, `MODEL_TO_ENCODING`), tiktoken 0.14.
/// A configured `tokenizer.models` entry wins over this table.
pub const MODEL_PREFIXES: &[(&str, Encoding)] = &[
    ("text-embedding-ada-002", Encoding::Cl100kBase),
    ("text-embedding-3-", Encoding::Cl100kBase),
    ("gpt-3.5-turbo", Encoding::Cl100kBase),
    ("ft:gpt-3.5-turbo", Encoding::Cl100kBase),
    ("chatgpt-4o-", Encoding::O200kBase),
    ("ft:gpt-4o", Encoding::O200kBase),
    ("gpt-4o", Encoding::O200kBase),
    ("gpt-4.1", Encoding::O200kBase),
    ("gpt-4.5", Encoding::O200kBase),
    ("ft:gpt-4", Encoding::Cl100kBase),
    ("gpt-4", Encoding::Cl100kBase),
    ("gpt-35-turbo", Encoding::Cl100kBase),
    ("gpt-5", Encoding::O200kBase),
    ("gpt-oss-", Encoding::O200kBase),
    ("o1", Encoding::O200kBase),
    ("o3", Encoding::O200kBase),
    ("o4-mini", Encoding::O200kBase),
];

impl Encoding {
    /// Every encoding, in a fixed order.
    pub const ALL: [Encoding; 2] = [Encoding::Cl100kBase, Encoding::O200kBase];

    /// The name `tiktoken` uses.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Cl100kBase => "cl100k_base",
            Encoding::O200kBase => "o200k_base",
        }
    }

    /// Parses a `tiktoken` encoding name.
    pub fn from_name(name: &str) -> Option<Encoding> {
        Encoding::ALL.into_iter().find(|e| e.name() == name)
    }

    /// Whether this module was built with the encoding's vocabulary (cargo feature).
    pub fn is_linked(self) -> bool {
        match self {
            Encoding::Cl100kBase => cfg!(feature = "cl100k"),
            Encoding::O200kBase => cfg!(feature = "o200k"),
        }
    }

    /// The built-in encoding of a model name (after any `provider/` prefix such as
    /// `openai/gpt-4o`), by the longest matching prefix in [`MODEL_PREFIXES`].
    pub fn for_model(model: &str) -> Option<Encoding> {
        let model = model.rsplit('/').next().unwrap_or(model);
        MODEL_PREFIXES
            .iter()
            .filter(|(prefix, _)| model.starts_with(prefix))
            .max_by_key(|(prefix, _)| prefix.len())
            .map(|&(_, e)| e)
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn models_map_to_their_encodings() {
        let cases = [
            ("gpt-4o-mini", Some(Encoding::O200kBase)),
            ("gpt-4o-2024-08-06", Some(Encoding::O200kBase)),
            ("gpt-4.1-nano", Some(Encoding::O200kBase)),
            ("gpt-4-turbo", Some(Encoding::Cl100kBase)),
            ("gpt-4", Some(Encoding::Cl100kBase)),
            ("gpt-3.5-turbo-0125", Some(Encoding::Cl100kBase)),
            ("o3-mini", Some(Encoding::O200kBase)),
            ("gpt-5", Some(Encoding::O200kBase)),
            ("openai/gpt-oss-20b", Some(Encoding::O200kBase)),
            ("text-embedding-3-small", Some(Encoding::Cl100kBase)),
            ("llama-3.1-8b", None),
            ("claude-sonnet-4", None),
            ("", None),
        ];
        for (model, want) in cases {
            assert_eq!(Encoding::for_model(model), want, "{model}");
        }
    }

    #[test]
    fn names_round_trip() {
        for e in Encoding::ALL {
            assert_eq!(Encoding::from_name(e.name()), Some(e));
        }
        assert_eq!(Encoding::from_name("p50k_base"), None);
    }
}
