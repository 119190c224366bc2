//! Anthropic Messages API (`/v1/messages`): streaming events and whole `message` bodies
//! (also Claude through Bedrock invoke and Vertex, and Anthropic-compatible servers).
//! References:
//! - streaming: <https://docs.anthropic.com/en/docs/build-with-claude/streaming>
//! - message object, `usage`, `stop_reason`: <https://docs.anthropic.com/en/api/messages>
//! - refusals (`stop_reason: "refusal"`):
//!   <https://docs.anthropic.com/en/docs/test-and-evaluate/strengthen-guardrails/handle-streaming-refusals>
//!
//! The event type is the data's `type`, else the SSE `event:` name. Reads only:
//! - `message_start`: `message.model`, `message.usage`;
//! - `content_block_start`: a `text` block with non-empty `text` is visible text, a
//!   `thinking` block's `thinking` is reasoning, `tool_use` / `server_tool_use` /
//!   `mcp_tool_use` start a tool call;
//! - `content_block_delta`: `text_delta` (visible), `thinking_delta` (reasoning),
//!   `input_json_delta` (tool-call delta); `signature_delta` / `citations_delta` carry
//!   nothing measured;
//! - `message_delta`: `delta.stop_reason` (`refusal` is [`RefusalSignal::StopReason`]) and
//!   `usage` (`output_tokens`, and `input_tokens` / cache counts when re-reported);
//! - `message_stop`: the terminator; `error` events (or `event: error`) are errors;
//! - `amazon-bedrock-invocationMetrics` and `amazon-bedrock-guardrailAction` (Claude through
//!   Bedrock invoke; see [`super::bedrock`]).
//!
//! `message_start`'s `output_tokens` is a placeholder (the event is marked
//! [`EventFacts::usage_interim`]); `message_delta`'s is the final count.
//!
//! Usage, in tokens: `input_tokens` → input (Anthropic counts cached tokens apart, so this
//! excludes them), `output_tokens` → output, `cache_read_input_tokens` → cached input.
//! Text lengths are in Unicode scalar values.

use super::bedrock_runtime::{read_guardrail_action, read_invocation_metrics, GUARDRAIL_ACTION};
use super::envelope::{opt_array, opt_object, present, read_named, NamedError};
use super::usage::{self, read_usage};
use super::{Builder, DecodeError, EventFacts, RefusalSignal, UsageReport};
use crate::decode::json::{JsonError, RawStr, Reader};

/// Decodes one event (or a whole message body).
pub fn decode<'a>(
    event_name: &'a [u8],
    data: &'a [u8],
    on_text: &mut dyn FnMut(RawStr<'_>),
) -> Result<EventFacts<'a>, DecodeError> {
    read_named(
        event_name == b"error",
        NamedError::WhenUnreadable,
        on_text,
        |b| read_event(event_name, data, b),
    )
}

/// Reads one event's data into `b` (also used for Claude chunks of Bedrock invoke).
pub(crate) fn read_event<'a>(
    event_name: &'a [u8],
    data: &'a [u8],
    b: &mut Builder<'a, '_>,
) -> Result<(), JsonError> {
    let mut e = Event::default();
    Reader::new(data).object(|key, r| {
        match key.0 {
            b"type" => e.kind = r.opt_string()?,
            b"message" => opt_object(r, |key, r| {
                match key.0 {
                    b"model" => e.model = r.opt_string()?,
                    b"usage" => e.usage.merge(&read_usage(r, &usage::ANTHROPIC)?),
                    b"stop_reason" => e.stop_reason = r.opt_string()?,
                    _ => r.skip()?,
                }
                Ok(())
            })?,
            b"content_block" => {
                opt_object(r, |key, r| read_block_member(key, r, &mut e.block))?;
            }
            b"delta" => opt_object(r, |key, r| {
                match key.0 {
                    b"type" => e.delta.kind = r.opt_string()?,
                    b"text" => e.delta.text = r.opt_string()?,
                    b"thinking" => e.delta.thinking = r.opt_string()?,
                    b"stop_reason" => e.stop_reason = r.opt_string()?,
                    _ => r.skip()?,
                }
                Ok(())
            })?,
            b"usage" => e.usage.merge(&read_usage(r, &usage::ANTHROPIC)?),
            b"error" => e.error |= present(r)?,
            // Whole message body.
            b"content" => opt_array(r, |r| {
                let mut block = Block::default();
                r.object(|key, r| read_block_member(key, r, &mut block))?;
                block.apply(b);
                Ok(())
            })?,
            b"model" => e.model = r.opt_string()?,
            b"stop_reason" => e.stop_reason = r.opt_string()?,
            b"amazon-bedrock-invocationMetrics" => read_invocation_metrics(r, b)?,
            GUARDRAIL_ACTION => read_guardrail_action(r, b)?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    let kind = e.kind.map_or(event_name, |k| k.0);
    e.apply(kind, b);
    if kind == b"message_start" {
        // `output_tokens` here is a placeholder (1…); the final count comes in
        // `message_delta`. The input counts are final.
        b.interim_usage();
    }
    Ok(())
}

#[derive(Default)]
struct Event<'a> {
    kind: Option<RawStr<'a>>,
    model: Option<RawStr<'a>>,
    usage: UsageReport,
    stop_reason: Option<RawStr<'a>>,
    block: Block<'a>,
    delta: Delta<'a>,
    error: bool,
}

/// A `content_block` (stream) or an element of `content` (whole body).
#[derive(Default)]
struct Block<'a> {
    kind: Option<RawStr<'a>>,
    text: Option<RawStr<'a>>,
    thinking: Option<RawStr<'a>>,
}

#[derive(Default)]
struct Delta<'a> {
    kind: Option<RawStr<'a>>,
    text: Option<RawStr<'a>>,
    thinking: Option<RawStr<'a>>,
}

fn read_block_member<'a>(
    key: RawStr<'a>,
    r: &mut Reader<'a>,
    block: &mut Block<'a>,
) -> Result<(), JsonError> {
    match key.0 {
        b"type" => block.kind = r.opt_string()?,
        b"text" => block.text = r.opt_string()?,
        b"thinking" => block.thinking = r.opt_string()?,
        _ => r.skip()?,
    }
    Ok(())
}

impl<'a> Block<'a> {
    fn apply(&self, b: &mut Builder<'a, '_>) {
        match self.kind.map(|k| k.0) {
            Some(b"text") => {
                if let Some(text) = self.text {
                    b.visible(text);
                }
            }
            Some(b"thinking") => {
                if let Some(thinking) = self.thinking {
                    b.reasoning(thinking);
                }
            }
            Some(b"tool_use" | b"server_tool_use" | b"mcp_tool_use") => {
                b.tool_call_started();
                b.tool_call_delta();
            }
            _ => {}
        }
    }
}

impl<'a> Event<'a> {
    fn apply(&self, kind: &[u8], b: &mut Builder<'a, '_>) {
        if let Some(model) = self.model {
            b.model(model);
        }
        b.usage(self.usage);
        if let Some(reason) = self.stop_reason {
            b.finish_reason(reason);
            if reason.eq_plain("refusal") {
                b.refusal(RefusalSignal::StopReason);
            }
        }
        if self.error {
            b.error();
        }
        match kind {
            b"content_block_start" => self.block.apply(b),
            b"content_block_delta" => match self.delta.kind.map(|k| k.0) {
                Some(b"text_delta") => {
                    if let Some(text) = self.delta.text {
                        b.visible(text);
                    }
                }
                Some(b"thinking_delta") => {
                    if let Some(thinking) = self.delta.thinking {
                        b.reasoning(thinking);
                    }
                }
                Some(b"input_json_delta") => b.tool_call_delta(),
                _ => {}
            },
            b"message_stop" | b"message" => b.terminator(),
            b"error" => b.error(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::decoded;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn run<'a>(name: &'a str, data: &'a str) -> (EventFacts<'a>, String) {
        decoded(decode, name, data)
    }

    #[test]
    fn message_start_gives_model_and_usage() {
        let (f, _) = run(
            "message_start",
            r#"{"type": "message_start", "message": {"id": "msg", "type": "message", "role": "assistant", "content": [], "model": "claude-sonnet-4-5", "stop_reason": null, "usage": {"input_tokens": 20, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 7, "output_tokens": 1}}}"#,
        );
        assert_eq!(f.response_model, Some(RawStr(b"claude-sonnet-4-5")));
        assert_eq!(
            f.usage,
            Some(UsageReport {
                input: Some(20),
                output: Some(1),
                cached_input: Some(7),
                reasoning: None
            })
        );
        assert_eq!(f.finish_reason, None);
        assert!(!f.terminator);
        // `output_tokens: 1` is a placeholder, not the answer's count.
        assert!(f.usage_interim);
    }

    #[test]
    fn only_message_start_usage_is_interim() {
        let (f, _) = run(
            "message_delta",
            r#"{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":15}}"#,
        );
        assert_eq!(f.usage.and_then(|u| u.output), Some(15));
        assert!(!f.usage_interim);
        // A whole message body's usage is final.
        let (f, _) = run(
            "",
            r#"{"type":"message","model":"claude","content":[{"type":"text","text":"Hi"}],"usage":{"input_tokens":3,"output_tokens":2}}"#,
        );
        assert_eq!(f.usage.and_then(|u| u.output), Some(2));
        assert!(!f.usage_interim);
        // Without usage there is nothing to mark.
        let (f, _) = run(
            "message_start",
            r#"{"type":"message_start","message":{"model":"m"}}"#,
        );
        assert!(!f.usage_interim);
    }

    #[test]
    fn blocks_and_deltas() {
        let (f, text) = run(
            "",
            r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi \u2705"}}"#,
        );
        assert_eq!((f.text_chars, text.as_str()), (4, "Hi ✅"));
        let (f, _) = run(
            "",
            r#"{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"hmm"}}"#,
        );
        assert_eq!((f.text_chars, f.reasoning_chars), (0, 3));
        let (f, _) = run(
            "",
            r#"{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"abc"}}"#,
        );
        assert_eq!(f, EventFacts::default());
        let (f, _) = run(
            "",
            r#"{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"a"}}"#,
        );
        assert_eq!((f.tool_call_deltas, f.text_chars), (1, 0));
        let (f, text) = run(
            "",
            r#"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":"pre"}}"#,
        );
        assert_eq!((f.text_chars, text.as_str()), (3, "pre"));
        for block in ["tool_use", "server_tool_use", "mcp_tool_use"] {
            let data = format!(
                r#"{{"type":"content_block_start","index":0,"content_block":{{"type":"{block}","id":"t","name":"n","input":{{}}}}}}"#
            );
            let f = decode(b"", data.as_bytes(), &mut |_| {}).unwrap();
            assert_eq!(f.tool_calls_started, 1, "{block}");
        }
        let (f, _) = run(
            "",
            r#"{"type":"content_block_start","index":2,"content_block":{"type":"web_fetch_tool_result","tool_use_id":"t","content":{"type":"web_fetch_result","text":"not output"}}}"#,
        );
        assert_eq!(f, EventFacts::default());
    }

    #[test]
    fn message_delta_stop_reason_usage_and_refusal() {
        let (f, _) = run(
            "message_delta",
            r#"{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":3883,"output_tokens":49,"cache_read_input_tokens":30464}}"#,
        );
        assert_eq!(f.finish_reason, Some(RawStr(b"end_turn")));
        assert_eq!(
            f.usage,
            Some(UsageReport {
                input: Some(3883),
                output: Some(49),
                cached_input: Some(30464),
                reasoning: None
            })
        );
        assert_eq!(f.refusal, None);
        let (f, _) = run(
            "",
            r#"{"type":"message_delta","delta":{"stop_reason":"refusal"},"usage":{"output_tokens":5}}"#,
        );
        assert_eq!(f.refusal, Some(RefusalSignal::StopReason));
        let (f, _) = run(
            "",
            r#"{"id":"msg","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":"refusal","usage":{"input_tokens":9,"output_tokens":0}}"#,
        );
        assert_eq!(f.refusal, Some(RefusalSignal::StopReason));
        for reason in [
            "end_turn",
            "max_tokens",
            "tool_use",
            "pause_turn",
            "stop_sequence",
        ] {
            let data =
                format!(r#"{{"type":"message_delta","delta":{{"stop_reason":"{reason}"}}}}"#);
            let f = decode(b"message_delta", data.as_bytes(), &mut |_| {}).unwrap();
            assert_eq!(f.refusal, None, "{reason}");
        }
    }

    #[test]
    fn stop_ping_and_errors() {
        assert!(
            run("message_stop", r#"{"type":"message_stop"}"#)
                .0
                .terminator
        );
        assert_eq!(run("ping", r#"{"type": "ping"}"#).0, EventFacts::default());
        let (f, _) = run(
            "error",
            r#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#,
        );
        assert!(f.error);
        assert!(run("error", "Overloaded").0.error);
        assert!(decode(b"content_block_delta", b"{\"type\":", &mut |_| {}).is_err());
    }

    #[test]
    fn a_whole_message_body() {
        let (f, text) = run(
            "",
            r#"{"id":"msg","type":"message","role":"assistant","model":"claude","content":[{"type":"thinking","thinking":"abc","signature":"s"},{"type":"text","text":"Hello"},{"type":"tool_use","id":"t","name":"f","input":{}},{"type":"text","text":"!"}],"stop_reason":"tool_use","usage":{"input_tokens":9,"output_tokens":4}}"#,
        );
        assert_eq!((f.text_chars, text.as_str()), (6, "Hello!"));
        assert_eq!(f.reasoning_chars, 3);
        assert_eq!(f.tool_calls_started, 1);
        assert_eq!(f.finish_reason, Some(RawStr(b"tool_use")));
        assert_eq!(f.usage.unwrap().output, Some(4));
        assert!(f.terminator);
    }
}
