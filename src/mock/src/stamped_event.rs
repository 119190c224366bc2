//! The wire shape of a stamped (benchmark) stream: OpenAI chat completion chunks over SSE,
//! content chunks stamped with their send time in a leading `"t"` field (ignored by OpenAI
//! clients and by the filter's decoder, which skips unknown fields). Clients read the stamp
//! back with [`crate::sse_reader::inspect`].

use std::fmt::Write as _;

/// Words cycled through as output text (about one BPE token each).
const WORDS: &[&str] = &[
    " the", " stream", " carries", " one", " token", " per", " event", " as", " hosted", " models",
    " send", " them", ",", " and", " llmtap", " reads",
];

/// The first event: the assistant role, empty content (as OpenAI sends it).
pub const ROLE_EVENT: &[u8] = b"data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1763900000,\"model\":\"bench-model\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n";

/// The last event.
pub const DONE_EVENT: &[u8] = b"data: [DONE]\n\n";

/// Writes content event `index` carrying `tokens` words, stamped `sent_ns`, into `out`.
pub fn content_event(out: &mut String, index: u32, tokens: u32, sent_ns: u64) {
    out.clear();
    let _ = write!(
        out,
        "data: {{\"t\":{sent_ns},\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1763900000,\"model\":\"bench-model\",\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\""
    );
    for k in 0..tokens {
        out.push_str(WORDS[(index as usize + k as usize) % WORDS.len()]);
    }
    out.push_str("\"},\"finish_reason\":null}]}\n\n");
}

/// The finish event with usage (`stream_options.include_usage` style).
pub fn finish_event(completion_tokens: u64) -> String {
    format!(
        "data: {{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1763900000,\"model\":\"bench-model\",\"choices\":[{{\"index\":0,\"delta\":{{}},\"finish_reason\":\"stop\"}}],\"usage\":{{\"prompt_tokens\":12,\"completion_tokens\":{completion_tokens},\"total_tokens\":{}}}}}\n\n",
        completion_tokens + 12
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sse_reader::{inspect, Received};

    #[test]
    fn a_content_event_round_trips_its_stamp() {
        let mut out = String::new();
        content_event(&mut out, 3, 2, 987_654_321);
        let got = inspect(out.as_bytes());
        assert_eq!(
            got,
            Received {
                sent_ns: Some(987_654_321),
                content: true
            }
        );
        assert!(out.contains("\"content\":\" one token\""));
    }

    #[test]
    fn role_finish_and_done_events_are_not_content() {
        for event in [
            ROLE_EVENT.to_vec(),
            finish_event(5).into_bytes(),
            DONE_EVENT.to_vec(),
        ] {
            assert_eq!(
                inspect(&event),
                Received {
                    sent_ns: None,
                    content: false
                }
            );
        }
    }

    #[test]
    fn reserialised_chunks_without_stamp_still_count_as_content() {
        let litellm = br#"data: {"id":"x","choices":[{"index":0,"delta":{"content": "hi","role":"assistant"}}]}"#;
        assert_eq!(
            inspect(litellm),
            Received {
                sent_ns: None,
                content: true
            }
        );
    }
}
