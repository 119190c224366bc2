//! OpenAI Responses API (`/v1/responses`): typed streaming events and whole `response`
//! bodies. References:
//! - streaming events: <https://platform.openai.com/docs/api-reference/responses-streaming>
//! - response object, `usage`, `status`: <https://platform.openai.com/docs/api-reference/responses/object>
//!
//! The event type is the data's `type` field, else the SSE `event:` name. Reads only:
//! - `response.output_text.delta` → visible text; `response.refusal.delta` → visible text
//!   and [`RefusalSignal::DeltaRefusal`];
//! - `response.reasoning_text.delta`, `response.reasoning_summary_text.delta` → reasoning;
//! - `response.function_call_arguments.delta` (and the custom-tool / MCP / code-interpreter
//!   equivalents) → tool-call delta; `response.output_item.added` whose `item.type` ends in
//!   `_call` (`function_call`, `web_search_call`, `file_search_call`, `mcp_call`…) → a new
//!   tool call;
//! - `response.completed` / `response.incomplete` / `response.failed` → terminator, with
//!   `response.status` as finish reason (`completed`, `incomplete`, `failed`),
//!   `response.usage` (`input_tokens`, `output_tokens` — which includes reasoning —,
//!   `input_tokens_details.cached_tokens`, `output_tokens_details.reasoning_tokens`, in
//!   tokens); `failed` is an error; `incomplete_details.reason: content_filter` is
//!   [`RefusalSignal::ContentFilter`];
//! - `response.model` of any event; `error` events; a non-null `response.error`.
//!
//! OpenRouter appends `data: [DONE]`, read as a terminator too. A whole body
//! (`"object":"response"`) is read from its `output[]` items: `output_text` / `refusal`
//! content parts, `reasoning_text` content and `summary_text` summaries, `*_call` items.
//! Text lengths are in Unicode scalar values.

use super::envelope::{
    error_facts, is_done_marker, opt_array, opt_object, present, terminator_facts, try_string,
};
use super::usage::{self, read_usage};
use super::{Builder, DecodeError, EventFacts, RefusalSignal, UsageReport};
use crate::decode::json::{JsonError, RawStr, Reader};

/// Decodes one event (or a whole response body).
pub fn decode<'a>(
    event_name: &'a [u8],
    data: &'a [u8],
    on_text: &mut dyn FnMut(RawStr<'_>),
) -> Result<EventFacts<'a>, DecodeError> {
    let data = data.trim_ascii();
    if is_done_marker(data) {
        return Ok(terminator_facts());
    }
    let mut b = Builder::new(on_text);
    let mut e = Event::default();
    match read(&mut Reader::new(data), &mut e, &mut b) {
        Ok(()) => {}
        Err(_) if is_error_kind(event_name) => return Ok(error_facts()),
        Err(err) => return Err(err.into()),
    }
    let kind = e.kind.map_or(event_name, |k| k.0);
    apply(kind, &e, &mut b);
    Ok(b.done())
}

fn is_error_kind(kind: &[u8]) -> bool {
    kind == b"error" || kind == b"response.error"
}

/// The fields of one event, gathered before the type is known (keys come in any order).
#[derive(Default)]
struct Event<'a> {
    kind: Option<RawStr<'a>>,
    delta: Option<RawStr<'a>>,
    item_type: Option<RawStr<'a>>,
    /// From `response` (events) or the top level (whole body).
    status: Option<RawStr<'a>>,
    usage: UsageReport,
    model: Option<RawStr<'a>>,
    error: bool,
    content_filtered: bool,
    whole_body: bool,
}

fn read<'a>(
    r: &mut Reader<'a>,
    e: &mut Event<'a>,
    b: &mut Builder<'a, '_>,
) -> Result<(), JsonError> {
    r.object(|key, r| {
        match key.0 {
            b"type" => e.kind = r.opt_string()?,
            b"delta" => match try_string(r)? {
                Some(delta) => e.delta = Some(delta),
                None => r.skip()?,
            },
            b"item" => opt_object(r, |key, r| {
                match key.0 {
                    b"type" => e.item_type = r.opt_string()?,
                    _ => r.skip()?,
                }
                Ok(())
            })?,
            b"response" => opt_object(r, |key, r| read_response_member(key, r, e))?,
            b"object" => {
                if r.opt_string()?.is_some_and(|o| o.eq_plain("response")) {
                    e.whole_body = true;
                }
            }
            // Whole body: the response object itself.
            b"output" => opt_array(r, |r| read_output_item(r, b))?,
            _ => read_response_member(key, r, e)?,
        }
        Ok(())
    })
}

/// A member of a response object (nested in events, top level in a whole body).
fn read_response_member<'a>(
    key: RawStr<'a>,
    r: &mut Reader<'a>,
    e: &mut Event<'a>,
) -> Result<(), JsonError> {
    match key.0 {
        b"status" => e.status = r.opt_string()?,
        b"model" => e.model = r.opt_string()?,
        b"usage" => e.usage.merge(&read_usage(r, &usage::OPENAI_RESPONSES)?),
        b"error" => e.error |= present(r)?,
        b"incomplete_details" => opt_object(r, |key, r| {
            match key.0 {
                b"reason" => {
                    e.content_filtered |= r
                        .opt_string()?
                        .is_some_and(|reason| reason.eq_plain("content_filter"));
                }
                _ => r.skip()?,
            }
            Ok(())
        })?,
        _ => r.skip()?,
    }
    Ok(())
}

/// One item of a whole body's `output`.
fn read_output_item<'a>(r: &mut Reader<'a>, b: &mut Builder<'a, '_>) -> Result<(), JsonError> {
    let mut item_type = None;
    r.object(|key, r| {
        match key.0 {
            b"type" => item_type = r.opt_string()?,
            b"content" | b"summary" => opt_array(r, |r| read_part(r, b))?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    if item_type.is_some_and(is_tool_call_item) {
        b.tool_call_started();
        b.tool_call_delta();
    }
    Ok(())
}

/// A content part or summary of an output item.
fn read_part<'a>(r: &mut Reader<'a>, b: &mut Builder<'a, '_>) -> Result<(), JsonError> {
    let mut kind = None;
    let mut text = None;
    let mut refusal = None;
    r.object(|key, r| {
        match key.0 {
            b"type" => kind = r.opt_string()?,
            b"text" => text = r.opt_string()?,
            b"refusal" => refusal = r.opt_string()?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    match kind.map(|k| k.0) {
        Some(b"output_text") => {
            if let Some(text) = text {
                b.visible(text);
            }
        }
        Some(b"refusal") => {
            if let Some(refusal) = refusal.filter(|r| !r.is_empty()) {
                b.visible(refusal);
                b.refusal(RefusalSignal::DeltaRefusal);
            }
        }
        Some(b"reasoning_text" | b"summary_text") => {
            if let Some(text) = text {
                b.reasoning(text);
            }
        }
        _ => {}
    }
    Ok(())
}

fn is_tool_call_item(item_type: RawStr<'_>) -> bool {
    item_type.0.ends_with(b"_call")
}

fn apply<'a>(kind: &[u8], e: &Event<'a>, b: &mut Builder<'a, '_>) {
    if let Some(model) = e.model {
        b.model(model);
    }
    b.usage(e.usage);
    if e.error {
        b.error();
    }
    if e.content_filtered {
        b.refusal(RefusalSignal::ContentFilter);
    }
    if e.whole_body {
        if let Some(status) = e.status {
            b.finish_reason(status);
        }
        if e.status.is_some_and(|s| s.eq_plain("failed")) {
            b.error();
        }
        b.terminator();
        return;
    }
    match kind {
        b"response.output_text.delta" => {
            if let Some(delta) = e.delta {
                b.visible(delta);
            }
        }
        b"response.refusal.delta" => {
            if let Some(delta) = e.delta.filter(|d| !d.is_empty()) {
                b.visible(delta);
                b.refusal(RefusalSignal::DeltaRefusal);
            }
        }
        b"response.reasoning_text.delta" | b"response.reasoning_summary_text.delta" => {
            if let Some(delta) = e.delta {
                b.reasoning(delta);
            }
        }
        b"response.function_call_arguments.delta"
        | b"response.custom_tool_call_input.delta"
        | b"response.mcp_call_arguments.delta"
        | b"response.code_interpreter_call_code.delta" => b.tool_call_delta(),
        b"response.output_item.added" if e.item_type.is_some_and(is_tool_call_item) => {
            b.tool_call_started();
            b.tool_call_delta();
        }
        b"response.completed" | b"response.incomplete" | b"response.failed" => {
            if let Some(status) = e.status {
                b.finish_reason(status);
            }
            if kind == b"response.failed" {
                b.error();
            }
            b.terminator();
        }
        kind if is_error_kind(kind) => b.error(),
        _ => {}
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
    fn text_and_refusal_deltas() {
        let (f, text) = run(
            "response.output_text.delta",
            r#"{"type":"response.output_text.delta","item_id":"m","output_index":0,"content_index":0,"delta":"Hel\u006co"}"#,
        );
        assert_eq!((f.text_chars, text.as_str()), (5, "Hello"));
        let (f, text) = run(
            "",
            r#"{"delta":"I can","item_id":"","type":"response.refusal.delta"}"#,
        );
        assert_eq!((f.text_chars, text.as_str()), (5, "I can"));
        assert_eq!(f.refusal, Some(RefusalSignal::DeltaRefusal));
    }

    #[test]
    fn only_non_empty_refusal_deltas_are_signals() {
        let (f, _) = run(
            "",
            r#"{"type":"response.refusal.delta","item_id":"m","output_index":0,"content_index":0,"delta":""}"#,
        );
        assert_eq!((f.refusal, f.text_chars), (None, 0));
        // `.done` repeats the whole refusal: neither text again nor needed as a signal.
        let (f, _) = run(
            "",
            r#"{"type":"response.refusal.done","item_id":"m","output_index":0,"content_index":0,"refusal":"I can't help"}"#,
        );
        assert_eq!((f.refusal, f.text_chars), (None, 0));
        let (f, _) = run(
            "",
            r#"{"type":"response.content_part.added","item_id":"m","output_index":0,"content_index":0,"part":{"type":"refusal","refusal":""}}"#,
        );
        assert_eq!(f.refusal, None);
        let (f, _) = run(
            "",
            r#"{"type":"response.completed","response":{"status":"completed","incomplete_details":null}}"#,
        );
        assert_eq!(f.refusal, None);
        let (f, _) = run(
            "",
            r#"{"type":"response.incomplete","response":{"status":"incomplete","incomplete_details":{"reason":"max_output_tokens"}}}"#,
        );
        assert_eq!(f.refusal, None);
    }

    #[test]
    fn a_whole_incomplete_body_cut_by_the_content_filter() {
        let (f, _) = run(
            "",
            r#"{"id":"r","object":"response","status":"incomplete","incomplete_details":{"reason":"content_filter"},"output":[]}"#,
        );
        assert_eq!(f.refusal, Some(RefusalSignal::ContentFilter));
        assert!(f.terminator);
    }

    #[test]
    fn the_event_name_is_used_when_the_data_has_no_type() {
        let (f, _) = run("response.output_text.delta", r#"{"delta":"abc"}"#);
        assert_eq!(f.text_chars, 3);
        let (f, _) = run(
            "response.reasoning_summary_text.delta",
            r#"{"delta":"abcd"}"#,
        );
        assert_eq!((f.text_chars, f.reasoning_chars), (0, 4));
    }

    #[test]
    fn tool_calls() {
        let (f, _) = run(
            "",
            r#"{"item":{"arguments":"","call_id":"call_0","name":"first_tool","type":"function_call"},"output_index":0,"type":"response.output_item.added"}"#,
        );
        assert_eq!(f.tool_calls_started, 1);
        let (f, _) = run(
            "",
            r#"{"type":"response.output_item.added","item":{"type":"message","content":[]}}"#,
        );
        assert_eq!(f.tool_calls_started, 0);
        let (f, _) = run(
            "",
            r#"{"type":"response.function_call_arguments.delta","delta":"{\"a\""}"#,
        );
        assert_eq!((f.tool_call_deltas, f.text_chars), (1, 0));
    }

    #[test]
    fn completed_incomplete_and_failed_end_the_stream() {
        let (f, _) = run(
            "response.completed",
            r#"{"type":"response.completed","response":{"id":"r","model":"gpt-4.1-mini","output":[{"type":"message","content":[{"type":"output_text","text":"not counted again"}]}],"status":"completed","usage":{"input_tokens":5,"output_tokens":3,"input_tokens_details":{"cached_tokens":1},"output_tokens_details":{"reasoning_tokens":2}}}}"#,
        );
        assert!(f.terminator && !f.error);
        assert_eq!(f.text_chars, 0);
        assert_eq!(f.finish_reason, Some(RawStr(b"completed")));
        assert_eq!(f.response_model, Some(RawStr(b"gpt-4.1-mini")));
        assert_eq!(
            f.usage,
            Some(UsageReport {
                input: Some(5),
                output: Some(3),
                cached_input: Some(1),
                reasoning: Some(2)
            })
        );
        let (f, _) = run(
            "",
            r#"{"type":"response.incomplete","response":{"status":"incomplete","incomplete_details":{"reason":"content_filter"}}}"#,
        );
        assert!(f.terminator);
        assert_eq!(f.refusal, Some(RefusalSignal::ContentFilter));
        let (f, _) = run(
            "",
            r#"{"type":"response.failed","response":{"status":"failed","error":{"code":"server_error"}}}"#,
        );
        assert!(f.terminator && f.error);
        let (f, _) = run(
            "",
            r#"{"type":"response.created","response":{"status":"in_progress","error":null}}"#,
        );
        assert!(!f.terminator && !f.error && f.finish_reason.is_none());
    }

    #[test]
    fn error_events() {
        let (f, _) = run(
            "error",
            r#"{"type":"error","code":"ERR_SOMETHING","message":"Something went wrong"}"#,
        );
        assert!(f.error);
        let (f, _) = run("error", "not json");
        assert!(f.error);
        assert!(decode(b"", b"not json", &mut |_| {}).is_err());
    }

    #[test]
    fn a_whole_response_body() {
        let (f, text) = run(
            "",
            r#"{"id":"r","object":"response","status":"completed","model":"o3","output":[{"type":"reasoning","summary":[{"type":"summary_text","text":"think"}]},{"type":"function_call","name":"f","arguments":"{}"},{"type":"message","content":[{"type":"output_text","text":"Hi"},{"type":"refusal","refusal":"no"}]}],"usage":{"input_tokens":1,"output_tokens":2}}"#,
        );
        assert_eq!((f.text_chars, text.as_str()), (4, "Hino"));
        assert_eq!(f.reasoning_chars, 5);
        assert_eq!(f.tool_calls_started, 1);
        assert_eq!(f.refusal, Some(RefusalSignal::DeltaRefusal));
        assert!(f.terminator);
        assert_eq!(f.finish_reason, Some(RawStr(b"completed")));
        assert_eq!(f.usage.unwrap().output, Some(2));
    }
}
