//! Hugging Face Text Generation Inference native API: `/generate_stream` (SSE, one
//! `StreamResponse` per event) and `/generate` (a `GenerateResponse`, or an array of them
//! from the HF Inference API). TGI's `/v1/chat/completions` (Messages API) is OpenAI chat:
//! see [`super::openai_chat`]. References:
//! - <https://huggingface.github.io/text-generation-inference/#/Text%20Generation%20Inference/generate_stream>
//! - <https://huggingface.github.io/text-generation-inference/#/Text%20Generation%20Inference/generate>
//! - errors (`{"error":…,"error_type":…}`, also as an SSE event on an HTTP 200 stream):
//!   <https://huggingface.co/docs/text-generation-inference/en/reference/api_reference>
//!
//! Reads only:
//! - streaming events (they have `token`): `token.text` is visible text unless
//!   `token.special` is true (`</s>` and other control tokens); the last event carries a
//!   non-null `generated_text` (the whole output, sometimes with the prompt — NOT counted
//!   again) and, when requested, `details`: that event is the terminator;
//! - whole bodies (no `token`): `generated_text` is the visible text; terminator;
//! - `details.finish_reason` (`length`, `eos_token`, `stop_sequence`) and
//!   `details.generated_tokens` → output tokens. TGI reports no prompt token count in these
//!   bodies (only `details.prefill` when `decoder_input_details` is set, not read), and
//!   `details` is null unless the request asked for it — so usage is usually absent, as the
//!   corpus manifest records (`-`);
//! - a non-null `error` is an error event.
//!
//! Text lengths are in Unicode scalar values.

use super::envelope::{object_or_array, opt_object, present};
use super::{Builder, DecodeError, EventFacts, UsageReport};
use crate::decode::json::{JsonError, RawStr, Reader};

/// Decodes one event (or a whole `/generate` body, object or array).
pub fn decode<'a>(
    _event_name: &'a [u8],
    data: &'a [u8],
    on_text: &mut dyn FnMut(RawStr<'_>),
) -> Result<EventFacts<'a>, DecodeError> {
    let mut b = Builder::new(on_text);
    object_or_array(data, |r| read(r, &mut b))?;
    Ok(b.done())
}

fn read<'a>(r: &mut Reader<'a>, b: &mut Builder<'a, '_>) -> Result<(), JsonError> {
    let mut token_seen = false;
    let mut token_text = None;
    let mut special = false;
    let mut generated_text = None;
    let mut details = false;
    let mut usage = UsageReport::default();
    r.object(|key, r| {
        match key.0 {
            b"token" => opt_object(r, |key, r| {
                token_seen = true;
                match key.0 {
                    b"text" => token_text = r.opt_string()?,
                    b"special" => special = r.opt_bool()? == Some(true),
                    _ => r.skip()?,
                }
                Ok(())
            })?,
            b"generated_text" => generated_text = r.opt_string()?,
            b"details" => opt_object(r, |key, r| {
                details = true;
                match key.0 {
                    b"finish_reason" => {
                        if let Some(reason) = r.opt_string()? {
                            b.finish_reason(reason);
                        }
                    }
                    b"generated_tokens" => usage.output = r.opt_u64()?,
                    _ => r.skip()?,
                }
                Ok(())
            })?,
            b"error" => {
                if present(r)? {
                    b.error();
                }
            }
            _ => r.skip()?,
        }
        Ok(())
    })?;
    b.usage(usage);
    if token_seen {
        if let Some(text) = token_text.filter(|_| !special) {
            b.visible(text);
        }
        if generated_text.is_some() || details {
            b.terminator();
        }
    } else if let Some(text) = generated_text {
        b.visible(text);
        b.terminator();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::decoded;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn run(data: &str) -> (EventFacts<'_>, String) {
        decoded(decode, "", data)
    }

    #[test]
    fn stream_tokens_special_tokens_and_the_last_event() {
        let (f, text) = run(
            r#"{"index":1,"token":{"id":1128,"text":" How","logprob":-5.6,"special":false},"generated_text":null,"details":null}"#,
        );
        assert_eq!((f.text_chars, text.as_str()), (4, " How"));
        assert!(!f.terminator);
        let (f, _) = run(
            r#"{"token":{"id":1,"text":"</s>","logprob":-0.03,"special":true},"generated_text":"one two three four","details":null}"#,
        );
        assert!(!f.is_content());
        assert!(f.terminator);
        assert_eq!(f.usage, None);
        let (f, text) = run(
            r#"{"index":20,"token":{"id":2,"text":"!","logprob":-0.1,"special":false},"generated_text":"Hello!","details":{"finish_reason":"length","generated_tokens":20,"seed":null}}"#,
        );
        assert_eq!(text, "!");
        assert!(f.terminator);
        assert_eq!(f.finish_reason, Some(RawStr(b"length")));
        assert_eq!(
            f.usage,
            Some(UsageReport {
                output: Some(20),
                ..UsageReport::default()
            })
        );
    }

    #[test]
    fn whole_generate_bodies() {
        let (f, text) = run(r#"[{"generated_text":"Paris"}]"#);
        assert_eq!((text.as_str(), f.terminator), ("Paris", true));
        let (f, text) = run(
            r#"{"generated_text":"Hi","details":{"finish_reason":"eos_token","generated_tokens":2}}"#,
        );
        assert_eq!(text, "Hi");
        assert_eq!(f.finish_reason, Some(RawStr(b"eos_token")));
    }

    #[test]
    fn validation_errors() {
        let (f, _) = run(
            r#"{"error":"Input validation error: `inputs` tokens + `max_new_tokens` must be <= 4096","error_type":"validation"}"#,
        );
        assert!(f.error && !f.is_content());
        assert!(decode(b"", b"{\"token\":{", &mut |_| {}).is_err());
    }
}
