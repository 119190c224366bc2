//! One usage reader for every format: a `UsageFields` table names which members of a
//! usage object hold which count; `read_usage` walks the object with it. Counts are in
//! tokens.

use super::envelope::opt_object;
use super::facts::UsageReport;
use super::json::{JsonError, Reader};

/// Which members of a usage object (or of a nested detail object) carry each count. A member
/// named in several lists would be read by the first; when an object names one count twice,
/// the later member wins.
#[derive(Debug)]
pub(crate) struct UsageFields {
    pub input: &'static [&'static [u8]],
    pub output: &'static [&'static [u8]],
    pub cached_input: &'static [&'static [u8]],
    pub reasoning: &'static [&'static [u8]],
    /// Read for the cached input only when none of `cached_input` is present, wherever
    /// it stands (DeepSeek's `prompt_cache_hit_tokens` beside OpenAI's detail object).
    pub cached_input_fallback: &'static [&'static [u8]],
    /// Nested objects read with their own table (`prompt_tokens_details`…).
    pub details: &'static [(&'static [u8], &'static UsageFields)],
}

impl UsageFields {
    const NONE: UsageFields = UsageFields {
        input: &[],
        output: &[],
        cached_input: &[],
        reasoning: &[],
        cached_input_fallback: &[],
        details: &[],
    };
}

/// OpenAI Chat Completions and legacy Completions (also DeepSeek's cache-hit count).
pub(crate) const OPENAI_CHAT: UsageFields = UsageFields {
    input: &[b"prompt_tokens"],
    output: &[b"completion_tokens"],
    cached_input_fallback: &[b"prompt_cache_hit_tokens"],
    details: &[
        (b"prompt_tokens_details", &CACHED_TOKENS),
        (b"completion_tokens_details", &REASONING_TOKENS),
    ],
    ..UsageFields::NONE
};

/// OpenAI Responses.
pub(crate) const OPENAI_RESPONSES: UsageFields = UsageFields {
    input: &[b"input_tokens"],
    output: &[b"output_tokens"],
    details: &[
        (b"input_tokens_details", &CACHED_TOKENS),
        (b"output_tokens_details", &REASONING_TOKENS),
    ],
    ..UsageFields::NONE
};

/// Anthropic Messages.
pub(crate) const ANTHROPIC: UsageFields = UsageFields {
    input: &[b"input_tokens"],
    output: &[b"output_tokens"],
    cached_input: &[b"cache_read_input_tokens"],
    ..UsageFields::NONE
};

/// Gemini `usageMetadata`.
pub(crate) const GEMINI: UsageFields = UsageFields {
    input: &[b"promptTokenCount"],
    output: &[b"candidatesTokenCount"],
    cached_input: &[b"cachedContentTokenCount"],
    reasoning: &[b"thoughtsTokenCount"],
    ..UsageFields::NONE
};

/// Bedrock Converse `usage` and the invoke `amazon-bedrock-invocationMetrics`.
pub(crate) const BEDROCK: UsageFields = UsageFields {
    input: &[b"inputTokens"],
    output: &[b"outputTokens"],
    cached_input: &[b"cacheReadInputTokens", b"cacheReadInputTokenCount"],
    ..UsageFields::NONE
};

/// Bedrock invoke's `amazon-bedrock-invocationMetrics`, whatever the model.
pub(crate) const BEDROCK_INVOCATION_METRICS: UsageFields = UsageFields {
    input: &[b"inputTokenCount"],
    output: &[b"outputTokenCount"],
    cached_input: &[b"cacheReadInputTokenCount"],
    ..UsageFields::NONE
};

/// The OpenAI detail object holding cached input tokens.
const CACHED_TOKENS: UsageFields = UsageFields {
    cached_input: &[b"cached_tokens"],
    ..UsageFields::NONE
};

/// The OpenAI detail object holding reasoning tokens.
const REASONING_TOKENS: UsageFields = UsageFields {
    reasoning: &[b"reasoning_tokens"],
    ..UsageFields::NONE
};

/// Reads a usage object (or `null`) with `fields`; members it does not name are skipped.
pub(crate) fn read_usage(
    r: &mut Reader<'_>,
    fields: &UsageFields,
) -> Result<UsageReport, JsonError> {
    Ok(read_usage_members(r, fields)?.unwrap_or_default())
}

/// [`read_usage`], `None` for `null` or an object without members.
pub(crate) fn read_usage_members(
    r: &mut Reader<'_>,
    fields: &UsageFields,
) -> Result<Option<UsageReport>, JsonError> {
    let mut usage = UsageReport::default();
    let mut fallback = None;
    let members = read_members(r, fields, &mut usage, &mut fallback)?;
    usage.cached_input = usage.cached_input.or(fallback);
    Ok((members > 0).then_some(usage))
}

/// Reads the members of a usage object into `usage`; returns how many it had.
fn read_members(
    r: &mut Reader<'_>,
    fields: &UsageFields,
    usage: &mut UsageReport,
    fallback: &mut Option<u64>,
) -> Result<usize, JsonError> {
    let mut members = 0;
    opt_object(r, |key, r| {
        members += 1;
        let named = |list: &[&[u8]]| list.contains(&key.0);
        if named(fields.input) {
            usage.input = r.opt_u64()?;
        } else if named(fields.output) {
            usage.output = r.opt_u64()?;
        } else if named(fields.cached_input) {
            usage.cached_input = r.opt_u64()?;
        } else if named(fields.reasoning) {
            usage.reasoning = r.opt_u64()?;
        } else if named(fields.cached_input_fallback) {
            *fallback = r.opt_u64()?;
        } else if let Some((_, nested)) = fields.details.iter().find(|(name, _)| *name == key.0) {
            read_members(r, nested, usage, fallback)?;
        } else {
            r.skip()?;
        }
        Ok(())
    })?;
    Ok(members)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn read(json: &str, fields: &UsageFields) -> UsageReport {
        read_usage(&mut Reader::new(json.as_bytes()), fields).unwrap()
    }

    #[test]
    fn nested_details_and_the_cache_fallback() {
        let u = read(
            r#"{"prompt_cache_hit_tokens":7,"prompt_tokens":10,"completion_tokens":4,
                "prompt_tokens_details":{"cached_tokens":3},
                "completion_tokens_details":{"reasoning_tokens":2,"x":[1]}}"#,
            &OPENAI_CHAT,
        );
        assert_eq!(
            (u.input, u.output, u.cached_input, u.reasoning),
            (Some(10), Some(4), Some(3), Some(2))
        );
        let u = read(
            r#"{"prompt_tokens":10,"prompt_cache_hit_tokens":7}"#,
            &OPENAI_CHAT,
        );
        assert_eq!(u.cached_input, Some(7));
        // A detail member is read only inside its own object.
        let u = read(r#"{"cached_tokens":9,"reasoning_tokens":9}"#, &OPENAI_CHAT);
        assert!(u.is_empty());
    }

    #[test]
    fn several_names_for_one_count_and_null() {
        let u = read(
            r#"{"cacheReadInputTokenCount":5,"inputTokens":1}"#,
            &BEDROCK,
        );
        assert_eq!((u.input, u.cached_input), (Some(1), Some(5)));
        assert!(read("null", &GEMINI).is_empty());
        assert!(read_usage(&mut Reader::new(b"[1]"), &ANTHROPIC).is_err());
    }
}
