//! The refusal fixtures of `tests/fixtures/refusals/` (listed with their expected source in
//! `cases.json`) run through the whole per-stream state machine — path → format, framing,
//! decoder, structured signal, phrase scan — in random pieces: each must be counted once,
//! under its expected `refusal_source`, or not at all. The same files go through the real
//! Envoy in `tests/integration/test_refusals.py`. Native only (reads files).
#![cfg(not(target_arch = "wasm32"))]

use crate::config::Config;
use crate::stream::Plugin;
use crate::testing::{random_splits, RecordingHost, Rng};
use std::path::PathBuf;
use std::rc::Rc;

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/refusals")
}

struct Case {
    file: String,
    path: String,
    expect: String,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(fixtures_dir().join("cases.json"))
        .expect("tests/fixtures/refusals/cases.json (run generate.py there)");
    let list: Vec<serde_json::Value> = serde_json::from_str(&text).expect("cases.json is JSON");
    list.iter()
        .map(|c| Case {
            file: c["file"].as_str().expect("file").to_owned(),
            path: c["path"].as_str().expect("path").to_owned(),
            expect: c["expect"].as_str().expect("expect").to_owned(),
        })
        .collect()
}

/// The content type `llmtap mock` serves a replayed file with (by extension).
fn content_type(file: &str) -> &'static str {
    match file.rsplit('.').next() {
        Some("sse") => "text/event-stream",
        Some("ndjson") => "application/x-ndjson",
        Some("bin") => "application/vnd.amazon.eventstream",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

/// Runs one response through a fresh stream; returns (refusal attribute, counter increments).
/// One host for every stream, as in a VM: the plugin defines each metric once.
fn replay(
    host: &RecordingHost,
    plugin: &Rc<Plugin>,
    case: &Case,
    reads: &[&[u8]],
) -> (Option<String>, i64) {
    host.attributes.borrow_mut().clear();
    let before = host.counter("llm_refusals_total");
    host.replay_post(plugin, &case.path, content_type(&case.file), reads);
    (
        host.attribute("llmtap.refusal"),
        host.counter("llm_refusals_total") - before,
    )
}

#[test]
fn every_fixture_is_counted_once_under_its_source_or_not_at_all() {
    let plugin = Plugin::new(Config::default());
    let host = RecordingHost::default();
    let cases = cases();
    assert!(cases.len() >= 40, "only {} fixtures", cases.len());
    let mut rng = Rng::new(5);
    let mut wrong = Vec::new();
    for case in &cases {
        let body = std::fs::read(fixtures_dir().join(&case.file)).expect("fixture file");
        let mut splits: Vec<Vec<&[u8]>> = vec![vec![&body[..]], body.chunks(1).collect()];
        for _ in 0..4 {
            splits.push(random_splits(&body, &mut rng, 40));
        }
        let want_count = i64::from(case.expect != "none");
        for reads in &splits {
            let (attribute, counted) = replay(&host, &plugin, case, reads);
            if attribute.as_deref() != Some(case.expect.as_str()) || counted != want_count {
                wrong.push(format!(
                    "{} in {} pieces: refusal {attribute:?} counted {counted}, want {} counted {want_count}",
                    case.file,
                    reads.len(),
                    case.expect
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
