use super::*;
use crate::testing::RecordingHost;
use std::cell::RefCell as TestCell;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn config(rate: f64) -> PromptSamplingConfig {
    serde_json::from_str(&format!(
        r#"{{"rate":{rate},"cluster":"llmtap_aggregator","token":"t0k","max_queued_samples":3,"max_batch_samples":2}}"#
    ))
    .unwrap()
}

fn sampler(rate: f64) -> PromptSampler {
    PromptSampler::new(config(rate)).unwrap()
}

fn chat(content: &str) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "model": "gpt-4o",
        "messages": [{"role": "user", "content": content}],
    }))
    .unwrap()
}

/// One dispatched call: cluster, headers, body, timeout (ms).
type Call = (String, Vec<(String, String)>, Vec<u8>, u64);

/// Records every dispatch and answers with `token`.
struct Dispatcher {
    calls: TestCell<Vec<Call>>,
    answer: Result<u32, ()>,
}

impl Dispatcher {
    fn new(answer: Result<u32, ()>) -> Self {
        Dispatcher {
            calls: TestCell::new(Vec::new()),
            answer,
        }
    }

    fn flush(&self, s: &PromptSampler, now_us: u64) -> Settled {
        s.flush(
            now_us,
            1_733_350_000_000,
            |cluster, headers, body, timeout| {
                self.calls.borrow_mut().push((
                    cluster.to_owned(),
                    headers
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .collect(),
                    body.to_vec(),
                    timeout,
                ));
                self.answer
            },
        )
    }

    fn lines(&self, call: usize) -> Vec<serde_json::Value> {
        self.calls.borrow()[call]
            .2
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).unwrap())
            .collect()
    }
}

#[test]
fn the_decision_reads_the_request_id_then_the_trace_id() {
    let s = sampler(0.5);
    let host = RecordingHost::default();
    // `req-0` hashes to 0.0646, `req-1` to 0.2568 (decision.rs); at 0.1 only req-0.
    let s_low = sampler(0.1);
    host.with_request(&[("x-request-id", "req-0")]);
    assert!(s_low.decide(&host));
    host.with_request(&[("x-request-id", "req-1")]);
    assert!(!s_low.decide(&host));
    // The trace id of a traceparent decides like an id.
    let trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
    let u = decision::unit_interval(trace_id.as_bytes());
    host.with_request(&[("traceparent", &format!("00-{trace_id}-00f067aa0ba902b7-01"))]);
    assert!(sampler(u + 1e-9).decide(&host));
    assert!(!sampler(u).decide(&host));
    // Without either, a counter: about half at 0.5.
    host.with_request(&[]);
    let n = (0..1000).filter(|_| s.decide(&host)).count();
    assert!((400..=600).contains(&n), "{n}");
    // Rate 0 reads no header at all.
    assert!(!sampler(0.0).decide(&host));
}

#[test]
fn a_sample_is_redacted_and_cut_at_the_cap() {
    let mut c = config(1.0);
    c.max_prompt_bytes = 64;
    let s = PromptSampler::new(c).unwrap();
    let body = chat("mail bob@example.com about card 4111 1111 1111 1111 and many more words after it, far past the cap");
    let (text, cut) = s.prepare(&body).unwrap();
    assert!(
        text.starts_with("mail <email> about card <card> and"),
        "{text}"
    );
    assert!(text.len() <= 64);
    assert!(cut);
    // Short prompts are whole.
    assert_eq!(s.prepare(&chat("hi")).unwrap(), ("hi".to_owned(), false));
    // No prompt text: no sample.
    assert_eq!(s.prepare(br#"{"model":"m"}"#), None);
    assert_eq!(
        s.sample(br#"{"model":"m"}"#, false, "m", "openai", 0),
        Queued::NoText
    );
}

#[test]
fn a_secret_straddling_the_cap_is_redacted_before_the_cut() {
    let mut c = config(1.0);
    c.max_prompt_bytes = 64;
    let s = PromptSampler::new(c).unwrap();
    // The key starts 4 bytes before the cap and ends after it.
    let prompt = format!("{}sk-abcdef0123456789abcdef0123456789", "x ".repeat(30));
    let (text, _) = s.prepare(&chat(&prompt)).unwrap();
    assert!(!text.contains("sk-"), "{text}");
    assert!(!text.contains("abcdef"), "{text}");
    // The placeholder would straddle the cap: it is left out whole, not cut to `<sec`.
    assert!(text.ends_with("x "), "{text:?}");
}

#[test]
fn the_queue_is_bounded_and_batches_go_one_at_a_time() {
    let s = sampler(1.0);
    for i in 0..3 {
        assert_eq!(
            s.sample(&chat(&format!("prompt {i}")), false, "gpt-4o", "openai", 0),
            Queued::Queued
        );
    }
    assert_eq!(
        s.sample(&chat("one too many"), false, "gpt-4o", "openai", 0),
        Queued::Dropped
    );
    assert_eq!(s.queued(), 3);

    let d = Dispatcher::new(Ok(7));
    assert_eq!(d.flush(&s, 1_000), Settled::default());
    {
        let calls = d.calls.borrow();
        let (cluster, headers, _, timeout) = &calls[0];
        assert_eq!(cluster, "llmtap_aggregator");
        assert_eq!(*timeout, 5000);
        let h = |k: &str| headers.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        assert_eq!(h(":method").as_deref(), Some("POST"));
        assert_eq!(h(":path").as_deref(), Some("/v1/prompt-samples"));
        assert_eq!(h(":authority").as_deref(), Some("llmtap_aggregator"));
        assert_eq!(h("authorization").as_deref(), Some("Bearer t0k"));
        assert_eq!(h("content-type").as_deref(), Some("application/x-ndjson"));
    }
    let lines = d.lines(0);
    assert_eq!(lines.len(), 2, "max_batch_samples");
    assert_eq!(lines[0]["prompt"], "prompt 0");
    assert_eq!(lines[1]["gen_ai_request_model"], "gpt-4o");
    // While that batch is in flight nothing else is sent.
    assert_eq!(d.flush(&s, 2_000), Settled::default());
    assert_eq!(d.calls.borrow().len(), 1);
    // A stale token settles nothing; the right one settles the batch.
    assert_eq!(s.on_response(6, Some(202)), Settled::default());
    assert_eq!(
        s.on_response(7, Some(202)),
        Settled {
            sent: 2,
            dropped: 0
        }
    );
    assert_eq!(s.on_response(7, Some(202)), Settled::default());
    d.flush(&s, 3_000);
    assert_eq!(d.lines(1)[0]["prompt"], "prompt 2");
    assert_eq!(
        s.on_response(7, Some(503)),
        Settled {
            sent: 0,
            dropped: 1
        }
    );
    assert_eq!(s.queued(), 0);
}

#[test]
fn failures_drop_the_batch_and_count_it() {
    let s = sampler(1.0);
    s.sample(&chat("a"), false, "m", "p", 0);
    // Dispatch refused (unknown cluster, …).
    assert_eq!(
        Dispatcher::new(Err(())).flush(&s, 0),
        Settled {
            sent: 0,
            dropped: 1
        }
    );
    // No answer (timeout, reset): `None`.
    s.sample(&chat("b"), false, "m", "p", 0);
    Dispatcher::new(Ok(1)).flush(&s, 0);
    assert_eq!(
        s.on_response(1, None),
        Settled {
            sent: 0,
            dropped: 1
        }
    );
    // An answer that never comes: given up after timeout + 2 flush intervals.
    s.sample(&chat("c"), false, "m", "p", 0);
    s.sample(&chat("d"), false, "m", "p", 0);
    let d = Dispatcher::new(Ok(2));
    d.flush(&s, 0);
    assert_eq!(d.flush(&s, 6_999_999), Settled::default());
    assert_eq!(
        d.flush(&s, 7_000_000),
        Settled {
            sent: 0,
            dropped: 2
        }
    );
    assert_eq!(s.on_response(2, Some(202)), Settled::default());
}

#[test]
fn every_sample_is_counted_once() {
    // 50 samples into a 3-slot queue; each tick sends one batch of 2, half answered 2xx.
    let s = sampler(1.0);
    let (mut queued, mut total) = (0u64, Settled::default());
    for i in 0..50u32 {
        match s.sample(&chat("p"), false, "m", "p", 0) {
            Queued::Queued => queued += 1,
            Queued::Dropped => total.dropped += 1,
            Queued::NoText => unreachable!(),
        }
        let d = Dispatcher::new(Ok(i));
        let t = d.flush(&s, u64::from(i) * 1000);
        total.dropped += t.dropped;
        let status = if i % 2 == 0 { Some(202) } else { Some(500) };
        let r = s.on_response(i, status);
        total.sent += r.sent;
        total.dropped += r.dropped;
    }
    assert!(queued > 0 && total.sent > 0 && total.dropped > 0);
    assert_eq!(total.sent + total.dropped + s.queued() as u64, 50);
}

#[test]
fn the_authority_defaults_to_the_istio_host_or_the_cluster() {
    let mut c = config(1.0);
    assert_eq!(c.authority(), "llmtap_aggregator");
    c.cluster = "outbound|8080||llmtap-aggregator.llmtap.svc.cluster.local".to_owned();
    assert_eq!(c.authority(), "llmtap-aggregator.llmtap.svc.cluster.local");
    c.authority = Some("agg:8080".to_owned());
    assert_eq!(c.authority(), "agg:8080");
}

#[test]
fn abandoning_counts_what_was_queued_or_in_flight() {
    let s = sampler(1.0);
    for p in ["a", "b", "c"] {
        s.sample(&chat(p), false, "m", "p", 0);
    }
    Dispatcher::new(Ok(9)).flush(&s, 0);
    assert_eq!(
        s.abandon(),
        Settled {
            sent: 0,
            dropped: 3
        }
    );
    assert_eq!(s.queued(), 0);
    assert_eq!(s.on_response(9, Some(202)), Settled::default());
    assert_eq!(s.abandon(), Settled::default());
}
