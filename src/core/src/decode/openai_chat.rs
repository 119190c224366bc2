//! OpenAI Chat Completions: streamed `chat.completion.chunk` events and whole
//! `chat.completion` bodies, as sent by OpenAI and the many servers that copy the format
//! (vLLM, SGLang, TGI Messages API, Groq, OpenRouter, DeepSeek, Azure…).
//!
//! References:
//! - chunk object: <https://platform.openai.com/docs/api-reference/chat-streaming/streaming>
//! - response object and `usage`: <https://platform.openai.com/docs/api-reference/chat/object>
//! - vLLM extras (continuous usage stats on every chunk, `reasoning_content` / `reasoning`
//!   deltas, `{"object":"error",…}` bodies):
//!   <https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html>,
//!   <https://docs.vllm.ai/en/latest/features/reasoning_outputs.html>
//! - OpenRouter mid-stream errors (a top-level `error` inside a chunk):
//!   <https://openrouter.ai/docs/api-reference/errors>
//! - FMS guardrails orchestrator `warnings` (`UNSUITABLE_INPUT` / `UNSUITABLE_OUTPUT`):
//!   <https://github.com/foundation-model-stack/fms-guardrails-orchestrator>
//!
//! Reads only:
//! - `choices[].delta` / `choices[].message`: `content` (string, or an array of
//!   `{"type":"text","text":…}` parts) and non-empty `refusal` are visible text (a refusal
//!   is also [`RefusalSignal::DeltaRefusal`]); `reasoning_content` / `reasoning` are
//!   reasoning text; `tool_calls[]` (a call with a non-empty `id`, or without `id` but with
//!   a `function.name`, is a new call; every entry is one tool-call delta) and the legacy
//!   `function_call`;
//! - `choices[].text` (completions-shaped choices, e.g. DeepSeek on Bedrock invoke);
//! - `choices[].finish_reason` (`content_filter` is [`RefusalSignal::ContentFilter`]);
//! - `usage`: `prompt_tokens`, `completion_tokens` (which includes reasoning tokens; on a
//!   streamed chunk before the finish reason — vLLM's continuous usage stats — a running
//!   count, [`EventFacts::usage_interim`]),
//!   `prompt_tokens_details.cached_tokens` (else DeepSeek's `prompt_cache_hit_tokens`),
//!   `completion_tokens_details.reasoning_tokens` — all in tokens;
//! - `model`; a non-null top-level `error`, `"object":"error"`, a non-empty `warnings` array,
//!   or the SSE event name `error` mark an error event;
//! - `amazon-bedrock-invocationMetrics` and `amazon-bedrock-guardrailAction` (gpt-oss
//!   through Bedrock invoke; see [`super::bedrock`]).
//!
//! `data: [DONE]` is the terminator. Text lengths are in Unicode scalar values.

use super::bedrock_runtime::{read_guardrail_action, read_invocation_metrics, GUARDRAIL_ACTION};
use super::envelope::{
    is_done_marker, opt_array, opt_object, present, read_named, terminator_facts, try_string,
    NamedError,
};
use super::usage::{self, read_usage};
use super::{Builder, DecodeError, EventFacts, RefusalSignal};
use crate::decode::json::{JsonError, RawStr, Reader};

/// Decodes one event (or a whole `chat.completion` body).
pub fn decode<'a>(
    event_name: &'a [u8],
    data: &'a [u8],
    on_text: &mut dyn FnMut(RawStr<'_>),
) -> Result<EventFacts<'a>, DecodeError> {
    let data = data.trim_ascii();
    if is_done_marker(data) {
        return Ok(terminator_facts());
    }
    // An `event: error` is an error whatever its data says.
    read_named(event_name == b"error", NamedError::Marks, on_text, |b| {
        read_chunk(&mut Reader::new(data), b)
    })
}

/// Reads a chunk object (or a whole response) into `b`.
pub(crate) fn read_chunk<'a>(r: &mut Reader<'a>, b: &mut Builder<'a, '_>) -> Result<(), JsonError> {
    let mut deltas = false;
    r.object(|key, r| {
        match key.0 {
            b"choices" => opt_array(r, |r| read_choice(r, b, &mut deltas))?,
            b"warnings" => read_warnings(r, b)?,
            b"amazon-bedrock-invocationMetrics" => read_invocation_metrics(r, b)?,
            GUARDRAIL_ACTION => read_guardrail_action(r, b)?,
            _ => read_shared_member(key, r, b)?,
        }
        Ok(())
    })?;
    if deltas && !b.has_finish_reason() {
        // vLLM's continuous usage stats: a running count on every chunk before the finish.
        b.interim_usage();
    }
    Ok(())
}

/// Reads a top-level member every OpenAI-compatible chunk or body may carry (chat and legacy
/// completions): `usage`, `model`, an `error` object, `object: "error"`; skips any other.
pub(crate) fn read_shared_member<'a>(
    key: RawStr<'a>,
    r: &mut Reader<'a>,
    b: &mut Builder<'a, '_>,
) -> Result<(), JsonError> {
    match key.0 {
        b"usage" => {
            let usage = read_usage(r, &usage::OPENAI_CHAT)?;
            b.usage(usage);
        }
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
        b"object" => {
            if r.opt_string()?.is_some_and(|o| o.eq_plain("error")) {
                b.error();
            }
        }
        _ => r.skip()?,
    }
    Ok(())
}

/// Reads one choice; `deltas` is set when it is a streamed one (`delta`).
fn read_choice<'a>(
    r: &mut Reader<'a>,
    b: &mut Builder<'a, '_>,
    deltas: &mut bool,
) -> Result<(), JsonError> {
    r.object(|key, r| {
        match key.0 {
            b"delta" | b"message" => {
                *deltas |= key.0 == b"delta";
                opt_object(r, |key, r| read_message_member(key, r, b))?;
            }
            b"finish_reason" => {
                if let Some(reason) = r.opt_string()? {
                    finish_reason(b, reason);
                }
            }
            b"text" => {
                if let Some(text) = r.opt_string()? {
                    b.visible(text);
                }
            }
            _ => r.skip()?,
        }
        Ok(())
    })
}

/// Records a chat / completions finish reason; `content_filter` is a refusal signal.
pub(crate) fn finish_reason<'a>(b: &mut Builder<'a, '_>, reason: RawStr<'a>) {
    b.finish_reason(reason);
    if reason.eq_plain("content_filter") {
        b.refusal(RefusalSignal::ContentFilter);
    }
}

fn read_message_member<'a>(
    key: RawStr<'a>,
    r: &mut Reader<'a>,
    b: &mut Builder<'a, '_>,
) -> Result<(), JsonError> {
    match key.0 {
        b"content" => match try_string(r)? {
            Some(text) => b.visible(text),
            None => {
                if r.null()? {
                    return Ok(());
                }
                r.array(|r| read_content_part(r, b))?;
            }
        },
        b"refusal" => {
            if let Some(text) = r.opt_string()? {
                if !text.is_empty() {
                    b.visible(text);
                    b.refusal(RefusalSignal::DeltaRefusal);
                }
            }
        }
        b"reasoning_content" | b"reasoning" => {
            if let Some(text) = r.opt_string()? {
                b.reasoning(text);
            }
        }
        b"tool_calls" => opt_array(r, |r| read_tool_call(r, b))?,
        b"function_call" => {
            let mut name = None;
            let mut seen = false;
            opt_object(r, |key, r| {
                seen = true;
                match key.0 {
                    b"name" => name = r.opt_string()?,
                    _ => r.skip()?,
                }
                Ok(())
            })?;
            if seen {
                b.tool_call_delta();
                if name.is_some_and(|n| !n.is_empty()) {
                    b.tool_call_started();
                }
            }
        }
        _ => r.skip()?,
    }
    Ok(())
}

/// One element of an array-valued `content`: `{"type":"text","text":…}` parts are visible
/// text; other part types (images, Mistral `thinking`…) are not.
fn read_content_part<'a>(r: &mut Reader<'a>, b: &mut Builder<'a, '_>) -> Result<(), JsonError> {
    if try_string(r)?.is_some() {
        return Ok(());
    }
    let mut kind = None;
    let mut text = None;
    opt_object(r, |key, r| {
        match key.0 {
            b"type" => kind = r.opt_string()?,
            b"text" => text = r.opt_string()?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    if kind.is_none_or(|k| k.eq_plain("text")) {
        if let Some(text) = text {
            b.visible(text);
        }
    }
    Ok(())
}

fn read_tool_call<'a>(r: &mut Reader<'a>, b: &mut Builder<'a, '_>) -> Result<(), JsonError> {
    let mut id = None;
    let mut name = None;
    r.object(|key, r| {
        match key.0 {
            b"id" => id = r.opt_string()?,
            b"function" => opt_object(r, |key, r| {
                match key.0 {
                    b"name" => name = r.opt_string()?,
                    _ => r.skip()?,
                }
                Ok(())
            })?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    b.tool_call_delta();
    let starts = match id {
        Some(id) => !id.is_empty(),
        None => name.is_some_and(|n| !n.is_empty()),
    };
    if starts {
        b.tool_call_started();
    }
    Ok(())
}

/// FMS guardrails orchestrator `warnings`: a non-empty list reports a problem with the
/// request or the output; `UNSUITABLE_*` types mean a guardrail blocked it.
fn read_warnings(r: &mut Reader<'_>, b: &mut Builder<'_, '_>) -> Result<(), JsonError> {
    let mut any = false;
    let mut blocked = false;
    opt_array(r, |r| {
        any = true;
        if r.null()? {
            return Ok(());
        }
        r.object(|key, r| {
            match key.0 {
                b"type" => {
                    if r.opt_string()?
                        .is_some_and(|t| t.0.starts_with(b"UNSUITABLE_"))
                    {
                        blocked = true;
                    }
                }
                _ => r.skip()?,
            }
            Ok(())
        })
    })?;
    if any {
        b.error();
    }
    if blocked {
        b.refusal(RefusalSignal::SafetyBlock);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::UsageReport;
    use crate::testing::decoded;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn facts<'a>(name: &'a str, data: &'a str) -> (EventFacts<'a>, String) {
        decoded(decode, name, data)
    }

    #[test]
    fn reads_content_finish_usage_and_model() {
        let (f, text) = facts(
            "",
            r#"{"id":"x","model":"gpt-4o","choices":[{"index":0,"delta":{"role":"assistant","content":"H\u00e9llo"},"finish_reason":null}],"usage":null}"#,
        );
        assert_eq!((f.text_chars, text.as_str()), (5, "Héllo"));
        assert_eq!(f.response_model, Some(RawStr(b"gpt-4o")));
        assert_eq!(f.usage, None);
        assert!(!f.terminator && !f.error);

        let (f, _) = facts(
            "",
            r#"{"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":100,"prompt_tokens_details":{"cached_tokens":4},"completion_tokens_details":{"reasoning_tokens":90}}}"#,
        );
        assert_eq!(
            f.usage,
            Some(UsageReport {
                input: Some(12),
                output: Some(100),
                cached_input: Some(4),
                reasoning: Some(90),
            })
        );
        let (f, _) = facts("", r#"{"choices":[{"delta":{},"finish_reason":"length"}]}"#);
        assert_eq!(f.finish_reason, Some(RawStr(b"length")));
        assert_eq!(f.refusal, None);
    }

    #[test]
    fn done_is_the_terminator() {
        let (f, _) = facts("", " [DONE] ");
        assert!(f.terminator);
    }

    #[test]
    fn refusal_deltas_are_visible_text_and_a_signal_but_empty_ones_are_nothing() {
        let (f, text) = facts("", r#"{"choices":[{"delta":{"refusal":"I can't"}}]}"#);
        assert_eq!((f.text_chars, text.as_str()), (7, "I can't"));
        assert_eq!(f.refusal, Some(RefusalSignal::DeltaRefusal));
        let (f, _) = facts(
            "",
            r#"{"choices":[{"delta":{"content":"x","refusal":""}}]}"#,
        );
        assert_eq!(f.refusal, None);
        let (f, _) = facts(
            "",
            r#"{"choices":[{"delta":{},"finish_reason":"content_filter"}]}"#,
        );
        assert_eq!(f.refusal, Some(RefusalSignal::ContentFilter));
    }

    #[test]
    fn empty_or_null_refusal_on_every_delta_is_not_a_refusal() {
        // Snowflake Cortex sends `"refusal":""` on every delta (corpus
        // openai-chat-sse/pai-snowflake-cortex-stream.sse); OpenAI sends `null`.
        for chunk in [
            r#"{"id":"","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":""}}]}"#,
            r#"{"id":"","choices":[{"index":0,"delta":{"content":"Hello","refusal":""}}]}"#,
            r#"{"choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"finish_reason":null}]}"#,
            r#"{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"#,
            r#"{"choices":[{"index":0,"delta":{},"finish_reason":"length"}]}"#,
            r#"{"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}"#,
        ] {
            assert_eq!(facts("", chunk).0.refusal, None, "{chunk}");
        }
    }

    #[test]
    fn a_whole_body_carries_refusal_and_content_filter() {
        let (f, text) = facts(
            "",
            r#"{"object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"I'm sorry, I can't help with that."},"finish_reason":"stop"}]}"#,
        );
        assert_eq!(f.refusal, Some(RefusalSignal::DeltaRefusal));
        assert_eq!(text, "I'm sorry, I can't help with that.");
        let (f, _) = facts(
            "",
            r#"{"object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":""},"finish_reason":"content_filter"}]}"#,
        );
        assert_eq!(f.refusal, Some(RefusalSignal::ContentFilter));
    }

    #[test]
    fn every_piece_reaches_the_text_callback() {
        let (f, text) = facts(
            "",
            r#"{"choices":[{"index":0,"delta":{"content":"a"}},{"index":1,"delta":{"content":"bc","refusal":"d"}}]}"#,
        );
        assert_eq!(f.text, Some(RawStr(b"a")));
        assert_eq!((f.text_chars, text.as_str()), (4, "abcd"));
        let (f, text) = facts(
            "",
            r#"{"choices":[{"message":{"content":[{"type":"text","text":"x"},{"type":"image_url","image_url":{}},{"text":"y"}]}}]}"#,
        );
        assert_eq!((f.text_chars, text.as_str()), (2, "xy"));
    }

    #[test]
    fn reasoning_and_tool_calls_are_not_content() {
        let (f, _) = facts(
            "",
            r#"{"choices":[{"delta":{"content":null,"reasoning_content":"thinking","reasoning":"ab"}}]}"#,
        );
        assert!(!f.is_content());
        assert_eq!(f.reasoning_chars, 10);
        let (f, _) = facts(
            "",
            r#"{"choices":[{"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":""}},{"index":1,"function":{"arguments":"{}"}}]}}]}"#,
        );
        assert!(!f.is_content());
        assert_eq!((f.tool_calls_started, f.tool_call_deltas), (1, 2));
        let (f, _) = facts(
            "",
            r#"{"choices":[{"delta":{"function_call":{"name":"legacy","arguments":""}}}]}"#,
        );
        assert_eq!((f.tool_calls_started, f.tool_call_deltas), (1, 1));
    }

    #[test]
    fn errors_in_all_their_shapes() {
        for (name, data) in [
            (
                "",
                r#"{"error":{"code":400,"message":"Token limit reached"},"choices":[]}"#,
            ),
            (
                "",
                r#"{"object":"error","message":"bad","type":"BadRequestError","code":400}"#,
            ),
            (
                "error",
                r#"{"error":{"message":"Tool call validation failed"}}"#,
            ),
            ("error", "upstream overloaded"),
            (
                "",
                r#"{"choices":[],"warnings":[{"type":"UNSUITABLE_INPUT","message":"m"}]}"#,
            ),
        ] {
            let (f, _) = facts(name, data);
            assert!(f.error, "{data}");
        }
        let (f, _) = facts(
            "",
            r#"{"choices":[],"warnings":[{"type":"UNSUITABLE_OUTPUT"}]}"#,
        );
        assert_eq!(f.refusal, Some(RefusalSignal::SafetyBlock));
        let (f, _) = facts("", r#"{"error":null,"warnings":[],"choices":[]}"#);
        assert!(!f.error);
    }

    #[test]
    fn a_whole_chat_completion_reads_like_a_chunk() {
        let (f, text) = facts(
            "",
            r#"{"object":"chat.completion","model":"m","choices":[{"message":{"role":"assistant","content":"Hi there","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2}}"#,
        );
        assert_eq!((f.text_chars, text.as_str()), (8, "Hi there"));
        assert_eq!(f.finish_reason, Some(RawStr(b"stop")));
        assert_eq!(f.tool_calls_started, 1);
        assert_eq!(f.usage.unwrap().output, Some(2));
    }

    #[test]
    fn malformed_payloads_are_errors() {
        for data in ["{\"choices\":[{", "not json", "[1,2]", "", "{\"usage\":5}"] {
            assert!(decode(b"", data.as_bytes(), &mut |_| {}).is_err(), "{data}");
        }
    }

    #[test]
    fn continuous_usage_before_the_finish_reason_is_interim() {
        let interim = br#"{"choices":[{"index":0,"delta":{"content":"2"},"finish_reason":null}],"usage":{"prompt_tokens":48,"completion_tokens":2}}"#;
        let f = decode(b"", interim, &mut |_| {}).unwrap();
        assert_eq!(f.usage.and_then(|u| u.output), Some(2));
        assert!(f.usage_interim);
        for final_usage in [
            // The finish chunk, a usage-only chunk, a whole body.
            &br#"{"choices":[{"index":0,"delta":{"content":""},"finish_reason":"stop"}],"usage":{"prompt_tokens":48,"completion_tokens":3}}"#[..],
            br#"{"choices":[],"usage":{"prompt_tokens":48,"completion_tokens":3}}"#,
            br#"{"choices":[{"index":0,"message":{"content":"hi"}}],"usage":{"prompt_tokens":48,"completion_tokens":3}}"#,
        ] {
            let f = decode(b"", final_usage, &mut |_| {}).unwrap();
            assert_eq!(f.usage.and_then(|u| u.output), Some(3));
            assert!(!f.usage_interim);
        }
    }
}
