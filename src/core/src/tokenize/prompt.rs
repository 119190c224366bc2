//! Prompt tokens from the request body, for the APIs whose streams may carry no usage
//! (OpenAI chat and completions without `stream_options.include_usage`, TGI).
//!
//! Chat requests are counted as OpenAI's cookbook does for current chat models ("How to
//! count tokens with tiktoken", github.com/openai/openai-cookbook,
//! `num_tokens_from_messages`): 3 tokens per message, plus the tokens of each of its string
//! values (role, content, name), plus 1 per name, plus 3 priming the reply. Content parts
//! count their `text`; images, audio, tool definitions and tool calls are not counted (the
//! count is then a lower bound — documented in docs/metrics.md).

use super::counter::{TokenCount, TokenSource};
use super::estimate::estimate;
use crate::decode::json::{JsonError, RawStr, Reader};
use crate::decode::WireFormat;

/// Tokens added per chat message and to prime the reply (cookbook, `gpt-4o` and later).
pub const TOKENS_PER_MESSAGE: u64 = 3;
pub const TOKENS_PER_NAME: u64 = 1;
pub const REPLY_PRIMING_TOKENS: u64 = 3;

/// Whether prompts of this format are counted from the request body.
pub fn counts_prompt(format: WireFormat) -> bool {
    matches!(
        format,
        WireFormat::OpenAiChat | WireFormat::OpenAiCompletions | WireFormat::TgiGenerate
    )
}

/// Counts the prompt of `body`. `count` counts one string exactly (`None`: estimate);
/// `unseen_bytes` of the body were past the capture cap (estimated at 4 bytes per token).
pub fn count_prompt(
    format: WireFormat,
    body: &[u8],
    unseen_bytes: u64,
    count: Option<&dyn Fn(&str) -> u64>,
) -> Option<TokenCount> {
    let mut tokens = 0u64;
    let mut text = String::new();
    let mut add = |raw: RawStr<'_>| {
        text.clear();
        raw.decode_into(&mut text);
        tokens += match count {
            Some(count) => count(&text),
            None => estimate(&text),
        };
    };
    let walked = match format {
        WireFormat::OpenAiChat => walk_chat(body, &mut add),
        WireFormat::OpenAiCompletions => walk_field(body, b"prompt", &mut add).map(|_| 0),
        WireFormat::TgiGenerate => walk_field(body, b"inputs", &mut add).map(|_| 0),
        _ => return None,
    };
    let (overhead, complete) = match walked {
        Ok(overhead) => (overhead, unseen_bytes == 0),
        Err(_) => (0, false),
    };
    if !complete && tokens == 0 && unseen_bytes == 0 {
        return None;
    }
    let exact = complete && count.is_some();
    Some(TokenCount {
        tokens: tokens + overhead + unseen_bytes.div_ceil(4),
        source: if exact {
            TokenSource::Tokenizer
        } else {
            TokenSource::Estimate
        },
    })
}

/// Walks `messages`; returns the per-message/name/priming overhead.
fn walk_chat(body: &[u8], add: &mut dyn FnMut(RawStr<'_>)) -> Result<u64, JsonError> {
    let mut overhead = 0;
    Reader::new(body).object(|key, r| {
        if key.0 != b"messages" {
            return r.skip();
        }
        r.array(|r| {
            overhead += TOKENS_PER_MESSAGE;
            r.object(|key, r| match key.0 {
                b"role" => string_or_skip(r, add),
                b"name" => {
                    overhead += TOKENS_PER_NAME;
                    string_or_skip(r, add)
                }
                b"content" => content(r, add),
                _ => r.skip(),
            })
        })
    })?;
    Ok(overhead + REPLY_PRIMING_TOKENS)
}

/// A top-level field that is a string or an array of strings.
fn walk_field(body: &[u8], field: &[u8], add: &mut dyn FnMut(RawStr<'_>)) -> Result<(), JsonError> {
    Reader::new(body).object(|key, r| {
        if key.0 != field {
            return r.skip();
        }
        content(r, add)
    })
}

/// A string, an array of strings, or an array of parts whose `text` is counted.
fn content(r: &mut Reader<'_>, add: &mut dyn FnMut(RawStr<'_>)) -> Result<(), JsonError> {
    match r.peek_byte()? {
        b'"' => {
            add(r.string()?);
            Ok(())
        }
        b'[' => r.array(|r| match r.peek_byte()? {
            b'"' => {
                add(r.string()?);
                Ok(())
            }
            b'{' => r.object(|key, r| match key.0 {
                b"text" => string_or_skip(r, add),
                _ => r.skip(),
            }),
            _ => r.skip(),
        }),
        _ => r.skip(),
    }
}

fn string_or_skip(r: &mut Reader<'_>, add: &mut dyn FnMut(RawStr<'_>)) -> Result<(), JsonError> {
    match r.opt_string() {
        Ok(Some(s)) => {
            add(s);
            Ok(())
        }
        Ok(None) => Ok(()),
        Err(_) => r.skip(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn words(s: &str) -> u64 {
        s.split_whitespace().count() as u64
    }

    #[test]
    fn chat_messages_count_values_plus_the_cookbook_overhead() {
        let body = br#"{"model":"gpt-4o","messages":[{"role":"system","content":"be brief"},{"role":"user","name":"bob","content":[{"type":"text","text":"hello there"},{"type":"image_url","image_url":{"url":"x"}}]}],"stream":true}"#;
        let n = count_prompt(WireFormat::OpenAiChat, body, 0, Some(&words)).unwrap();
        // values: system(1) + "be brief"(2) + user(1) + bob(1) + "hello there"(2) = 7;
        // overhead: 2 messages × 3 + 1 name + 3 priming = 10.
        assert_eq!(n.tokens, 17);
        assert_eq!(n.source, TokenSource::Tokenizer);
    }

    #[test]
    fn completions_prompts_may_be_lists_and_cut_bodies_are_estimates() {
        let body = br#"{"prompt":["one two","three"],"model":"x"}"#;
        let n = count_prompt(WireFormat::OpenAiCompletions, body, 0, Some(&words)).unwrap();
        assert_eq!(
            n,
            TokenCount {
                tokens: 3,
                source: TokenSource::Tokenizer
            }
        );
        let cut = br#"{"prompt":"one two three fo"#;
        let n = count_prompt(WireFormat::OpenAiCompletions, cut, 40, Some(&words)).unwrap();
        assert_eq!(n.source, TokenSource::Estimate);
        assert_eq!(n.tokens, 10);
        assert_eq!(
            count_prompt(WireFormat::AnthropicMessages, body, 0, None),
            None
        );
    }
}
