//! Ollama native API: `/api/generate` and `/api/chat`, streamed as one JSON object per line
//! (NDJSON, see [`crate::framing::ndjson`]) or sent whole. References:
//! - <https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-completion>
//! - <https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-chat-completion>
//! - streaming and mid-stream errors: <https://docs.ollama.com/api/streaming>,
//!   <https://docs.ollama.com/api/errors>
//! - thinking: <https://ollama.com/blog/thinking>
//!
//! Reads only: `response` (generate) or `message.content` (chat) as visible text;
//! `thinking` / `message.thinking` as reasoning (models whose thinking is not separated
//! emit `<think>` inside `response`: that stays visible text, as Ollama sends it);
//! `message.tool_calls[]` (whole calls: each starts a call and is one delta); `done: true`
//! is the terminator, with `done_reason` as finish reason and, in tokens,
//! `prompt_eval_count` → input and `eval_count` → output; `model`; a non-null `error` is an
//! error event (Ollama ends a failed stream with `{"error":…}` and no `done` line).
//! Text lengths are in Unicode scalar values.

use super::envelope::{opt_array, opt_object, present};
use super::{Builder, DecodeError, EventFacts, UsageReport};
use crate::decode::json::{RawStr, Reader};

/// Decodes one NDJSON line (or a whole non-streaming body).
pub fn decode<'a>(
    _event_name: &'a [u8],
    data: &'a [u8],
    on_text: &mut dyn FnMut(RawStr<'_>),
) -> Result<EventFacts<'a>, DecodeError> {
    let mut b = Builder::new(on_text);
    let mut usage = UsageReport::default();
    let mut done = false;
    let mut done_reason = None;
    Reader::new(data).object(|key, r| {
        match key.0 {
            b"response" => {
                if let Some(text) = r.opt_string()? {
                    b.visible(text);
                }
            }
            b"thinking" => {
                if let Some(text) = r.opt_string()? {
                    b.reasoning(text);
                }
            }
            b"message" => opt_object(r, |key, r| {
                match key.0 {
                    b"content" => {
                        if let Some(text) = r.opt_string()? {
                            b.visible(text);
                        }
                    }
                    b"thinking" => {
                        if let Some(text) = r.opt_string()? {
                            b.reasoning(text);
                        }
                    }
                    b"tool_calls" => opt_array(r, |r| {
                        if present(r)? {
                            b.tool_call_started();
                            b.tool_call_delta();
                        }
                        Ok(())
                    })?,
                    _ => r.skip()?,
                }
                Ok(())
            })?,
            b"done" => done = r.opt_bool()? == Some(true),
            b"done_reason" => done_reason = r.opt_string()?,
            b"prompt_eval_count" => usage.input = r.opt_u64()?,
            b"eval_count" => usage.output = r.opt_u64()?,
            b"model" => {
                if let Some(model) = r.opt_string()? {
                    b.model(model);
                }
            }
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
    if let Some(reason) = done_reason {
        b.finish_reason(reason);
    }
    if done {
        b.terminator();
    }
    Ok(b.done())
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
    fn generate_lines() {
        let (f, text) = run(
            r#"{"model":"deepseek-r1:1.5b","created_at":"2025-07-28T17:58:52Z","response":"\u003cthink\u003e","done":false}"#,
        );
        assert_eq!((f.text_chars, text.as_str()), (7, "<think>"));
        assert_eq!(f.response_model, Some(RawStr(b"deepseek-r1:1.5b")));
        assert!(!f.terminator);
        let (f, _) = run(
            r#"{"model":"gemma3:4b","response":"","done":true,"done_reason":"stop","context":[1,2,3],"total_duration":5645736125,"prompt_eval_count":17,"eval_count":65}"#,
        );
        assert!(f.terminator && !f.is_content());
        assert_eq!(f.finish_reason, Some(RawStr(b"stop")));
        assert_eq!(
            f.usage,
            Some(UsageReport {
                input: Some(17),
                output: Some(65),
                ..UsageReport::default()
            })
        );
    }

    #[test]
    fn chat_lines_with_thinking_and_tools() {
        let (f, text) = run(
            r#"{"model":"qwen3","message":{"role":"assistant","content":"Hi","thinking":"hmm"},"done":false}"#,
        );
        assert_eq!(
            (f.text_chars, text.as_str(), f.reasoning_chars),
            (2, "Hi", 3)
        );
        let (f, _) = run(
            r#"{"model":"qwen3","message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"a","arguments":{}}},{"function":{"name":"b","arguments":{}}}]},"done":false}"#,
        );
        assert_eq!(f.tool_calls_started, 2);
        let (f, _) = run(r#"{"thinking":"abc","response":"","done":false}"#);
        assert_eq!(f.reasoning_chars, 3);
    }

    #[test]
    fn error_lines() {
        assert!(
            run(r#"{"error":"an error was encountered while running the model"}"#)
                .0
                .error
        );
        assert!(decode(b"", b"{\"response\":\"x", &mut |_| {}).is_err());
    }
}
