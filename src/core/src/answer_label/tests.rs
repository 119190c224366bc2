//! Extractors on answers split anywhere, JSON in code fences and after prose, invalid JSON,
//! huge answers, unicode values, the allowed set and the per-VM cap; and through a stream.

use super::*;
use crate::config::Config;
use crate::stream::{Plugin, Stream};
use crate::testing::RecordingHost;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn config(answer_labels: &str) -> Config {
    Config::parse(format!(r#"{{"answer_labels": {answer_labels}}}"#).as_bytes())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The labels of one answer fed in `pieces`, with a fresh VM.
fn labels_of(config: &Config, pieces: &[&str]) -> Vec<(String, String)> {
    labels_in(&VmAnswerLabels::new(config), pieces)
}

fn labels_in(vm: &VmAnswerLabels, pieces: &[&str]) -> Vec<(String, String)> {
    let mut scan = vm.scan(None).expect("extractors configured");
    for piece in pieces {
        if scan.wants_text() {
            scan.feed(piece);
        }
    }
    scan.finish(vm)
        .into_iter()
        .map(|l| (l.name, l.value))
        .collect()
}

fn one(config: &Config, pieces: &[&str]) -> String {
    labels_of(config, pieces)
        .pop()
        .map(|(_, v)| v)
        .unwrap_or_default()
}

/// Every split into two pieces (at char boundaries: pieces are decoded text) and one piece
/// per character give `want`.
fn assert_every_split(config: &Config, answer: &str, want: &str) {
    assert_eq!(one(config, &[answer]), want, "whole: {answer:?}");
    for (at, _) in answer.char_indices() {
        let (a, b) = answer.split_at(at);
        assert_eq!(one(config, &[a, b]), want, "split at {at}: {answer:?}");
    }
    let chars: Vec<String> = answer.chars().map(String::from).collect();
    let pieces: Vec<&str> = chars.iter().map(String::as_str).collect();
    assert_eq!(one(config, &pieces), want, "char by char: {answer:?}");
}

const SENTIMENT: &str = r#"[{"name": "sentiment", "json_pointer": "/label", "values": ["positive", "negative", "neutral"]}]"#;

#[test]
fn json_pointer_reads_the_answer_split_anywhere() {
    let c = config(SENTIMENT);
    assert_every_split(&c, r#"{"label": "positive", "score": 0.93}"#, "positive");
    assert_every_split(
        &c,
        r#"  {"score": {"x": [1, "}"]}, "label": "neutral"}"#,
        "neutral",
    );
}

#[test]
fn json_pointer_finds_the_object_in_code_fences_and_after_prose() {
    let c = config(SENTIMENT);
    let fenced = "Sure! Here is the classification:\n```json\n{\n  \"label\": \"negative\"\n}\n```\nLet me know.";
    assert_every_split(&c, fenced, "negative");
    // A brace pair that is not JSON, then an object without the pointer, then the answer.
    let decoys = r#"Fill {placeholder} in; e.g. {"other": 1}. Result: {"label": "positive"}"#;
    assert_every_split(&c, decoys, "positive");
    // Braces and escaped quotes inside strings do not end the object.
    let tricky = r#"{"note": "a } and \" and {", "label": "negative"}"#;
    assert_every_split(&c, tricky, "negative");
}

#[test]
fn json_pointer_nested_paths_numbers_booleans_and_escapes() {
    let c = config(
        r#"[{"name": "a", "json_pointer": "/result/labels/1"},
            {"name": "b", "json_pointer": "/score"},
            {"name": "c", "json_pointer": "/ok"},
            {"name": "d", "json_pointer": "/a~1b"},
            {"name": "e", "json_pointer": "/missing"},
            {"name": "f", "json_pointer": "/obj"}]"#,
    );
    let answer = r#"{"result": {"labels": ["x", "Spam"]}, "score": -4.5e1, "ok": true, "a/b": "sl\u0061sh", "obj": {"k": 1}}"#;
    let got = labels_of(&c, &[answer]);
    let want: Vec<(String, String)> = [
        ("a", "Spam"),
        ("b", "-4.5e1"),
        ("c", "true"),
        ("d", "slash"),
        ("e", "none"),
        ("f", "none"),
    ]
    .iter()
    .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn invalid_or_unfinished_json_gives_none() {
    let c = config(SENTIMENT);
    for answer in [
        r#"{"label": "positive""#,
        r#"{"label": positive}"#,
        r#"{"label": "positive",}"#,
        "no json at all",
        "",
        r#"{"label": null}"#,
        r#"["positive"]"#,
    ] {
        assert_eq!(one(&c, &[answer]), "none", "{answer:?}");
    }
}

#[test]
fn huge_answers_stay_within_the_caps() {
    let c = config(SENTIMENT);
    let vm = VmAnswerLabels::new(&c);
    // 2 MB of prose, then the object: found, with nothing of the prose kept.
    let prose = "lorem ipsum ".repeat(170_000);
    let mut scan = vm.scan(None).expect("configured");
    for chunk in prose.as_bytes().chunks(1000) {
        scan.feed(std::str::from_utf8(chunk).expect("ascii"));
    }
    scan.feed(r#"{"label": "negative"}"#);
    assert!(scan.retained_bytes() <= json_pointer::MAX_OBJECT_BYTES);
    assert_eq!(scan.finish(&vm)[0].value, "negative");
    // An object larger than the cap cannot give the value; the next object can.
    let filler = "x".repeat(json_pointer::MAX_OBJECT_BYTES);
    let big = format!(r#"{{"pad": "{filler}", "label": "positive"}}"#);
    let mut scan = vm.scan(None).expect("configured");
    for chunk in big.as_bytes().chunks(777) {
        scan.feed(std::str::from_utf8(chunk).expect("ascii"));
        assert!(scan.retained_bytes() <= json_pointer::MAX_OBJECT_BYTES);
    }
    assert_eq!(scan.finish(&vm)[0].value, "none");
    assert_eq!(one(&c, &[&big, r#" then {"label": "neutral"}"#]), "neutral");
    // Regex and first_line keep only the prefix window.
    let c =
        config(r#"[{"name": "r", "regex": "label=(\\w+)"}, {"name": "l", "first_line": true}]"#);
    let vm = VmAnswerLabels::new(&c);
    let mut scan = vm.scan(None).expect("configured");
    for chunk in prose.as_bytes().chunks(1000) {
        if scan.wants_text() {
            scan.feed(std::str::from_utf8(chunk).expect("ascii"));
        }
    }
    assert!(!scan.wants_text(), "the window is full: no more decoding");
    scan.feed("label=late");
    assert!(scan.retained_bytes() <= PREFIX_WINDOW_BYTES);
    let got = scan.finish(&vm);
    assert_eq!(got[0].value, "none", "past the window");
    assert_eq!(
        got[1].value,
        "lorem_ipsum_lorem_ipsum_lorem_ipsum_lorem_ipsum_lorem_ipsum_lore"
    );
}

#[test]
fn unicode_values_are_matched_then_sanitised() {
    let c = config(
        r#"[{"name": "sentiment", "json_pointer": "/label", "values": ["Négatif", "positif"], "case_fold": true}]"#,
    );
    assert_every_split(&c, r#"{"label": "NÉGATIF"}"#, "n__gatif");
    assert_every_split(&c, r#"{"label": "n\u00e9gatif"}"#, "n__gatif");
    assert_eq!(one(&c, &[r#"{"label": "😀"}"#]), "other");
    // Without an allowed set, non-ASCII is sanitised like every label from traffic.
    let c = config(r#"[{"name": "topic", "first_line": true}]"#);
    assert_every_split(&c, "Ünïcode ✓;.;x=.=y\nmore", "__n__code_____._x_._y");
}

#[test]
fn values_outside_the_set_and_past_the_cap_are_other() {
    let c = config(SENTIMENT);
    assert_eq!(one(&c, &[r#"{"label": "mixed"}"#]), "other");
    assert_eq!(
        one(&c, &[r#"{"label": "Positive"}"#]),
        "other",
        "no case folding by default"
    );
    let c = config(r#"[{"name": "topic", "first_line": true, "max_values": 3}]"#);
    let vm = VmAnswerLabels::new(&c);
    let got: Vec<String> = (0..10)
        .map(|i| {
            labels_in(&vm, &[&format!("topic-{}\n", i % 5)])[0]
                .1
                .clone()
        })
        .collect();
    assert_eq!(
        got,
        [
            "topic-0", "topic-1", "topic-2", "other", "other", "topic-0", "topic-1", "topic-2",
            "other", "other"
        ]
    );
    assert_eq!(
        labels_in(&vm, &["\n  \n"])[0].1,
        "none",
        "none is not counted"
    );
    // The default cap is 32 per name.
    let c = config(r#"[{"name": "topic", "first_line": true}]"#);
    let vm = VmAnswerLabels::new(&c);
    let distinct: std::collections::BTreeSet<String> = (0..1000)
        .map(|i| labels_in(&vm, &[&format!("t{i}")])[0].1.clone())
        .collect();
    assert_eq!(
        distinct.len(),
        config::DEFAULT_MAX_VALUES + 1,
        "32 values and other"
    );
}

#[test]
fn regex_takes_the_first_group_split_anywhere() {
    let c =
        config(r#"[{"name": "intent", "regex": "(?i)intent:\\s*([a-z_]+)", "case_fold": true}]"#);
    assert_every_split(
        &c,
        "Thinking...\nINTENT: Billing_Question\nDetails follow",
        "billing_question",
    );
    assert_eq!(one(&c, &["no intent here"]), "none");
    let c = config(r#"[{"name": "x", "regex": "a(b)?c"}]"#);
    assert_eq!(one(&c, &["ac"]), "none", "the group did not take part");
}

#[test]
fn first_line_skips_blank_lines_and_trims() {
    let c = config(r#"[{"name": "verdict", "first_line": true, "case_fold": true}]"#);
    assert_every_split(
        &c,
        "\n\n  \"Positive.\"  \nbecause the customer...",
        "positive",
    );
    let c = config(r#"[{"name": "verdict", "first_line": true, "trim": false}]"#);
    assert_eq!(one(&c, &["  Positive \n"]), "__Positive_");
}

#[test]
fn routes_replace_the_global_list() {
    let c = Config::parse(
        br#"{"answer_labels": [{"name": "g", "first_line": true}],
             "routes": [{"path_prefix": "/a/", "format": "openai_chat", "answer_labels": []},
                        {"path_prefix": "/b/", "format": "openai_chat",
                         "answer_labels": [{"name": "r", "first_line": true}]},
                        {"path_prefix": "/c/", "format": "openai_chat"}]}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let vm = VmAnswerLabels::new(&c);
    let name = |rule| vm.scan(rule).map(|s| s.extractors[0].name().to_owned());
    assert_eq!(name(None).as_deref(), Some("g"));
    assert_eq!(
        name(Some(0)),
        None,
        "an empty route list switches labels off"
    );
    assert_eq!(name(Some(1)).as_deref(), Some("r"));
    assert_eq!(name(Some(2)).as_deref(), Some("g"));
    assert!(VmAnswerLabels::new(&Config::default()).scan(None).is_none());
}

#[test]
fn invalid_extractors_are_rejected_with_one_clear_line() {
    let cases: &[(&str, &str)] = &[
        (
            r#"[{"name": "", "first_line": true}]"#,
            "answer_labels[0].name must be",
        ),
        (
            r#"[{"name": "a b", "first_line": true}]"#,
            "answer_labels[0].name must be",
        ),
        (
            r#"[{"name": "a"}]"#,
            "needs exactly one of json_pointer, regex, first_line",
        ),
        (
            r#"[{"name": "a", "first_line": true, "regex": "(x)"}]"#,
            "needs exactly one of",
        ),
        (
            r#"[{"name": "a", "json_pointer": "label"}]"#,
            "json_pointer must be",
        ),
        (
            r#"[{"name": "a", "json_pointer": "/a~2"}]"#,
            "json_pointer must be",
        ),
        (
            r#"[{"name": "a", "regex": "(unclosed"}]"#,
            "answer_labels[\"a\"].regex:",
        ),
        (
            r#"[{"name": "a", "regex": "no group"}]"#,
            "needs a capture group",
        ),
        (
            r#"[{"name": "a", "regex": "(x{1000}){1000}"}]"#,
            "answer_labels[\"a\"].regex:",
        ),
        (
            r#"[{"name": "a", "first_line": true, "max_values": 0}]"#,
            "max_values = 0 is outside 1..=10000",
        ),
        (
            r#"[{"name": "a", "first_line": true, "values": []}]"#,
            "values must not be empty",
        ),
        (
            r#"[{"name": "a", "first_line": true, "values": [" "]}]"#,
            "values must not be empty",
        ),
        (
            r#"[{"name": "a", "first_line": true}, {"name": "a", "first_line": true}]"#,
            "the name \"a\" is used twice",
        ),
        (
            r#"[{"name": "a", "first_line": true, "jsonpointer": "/x"}]"#,
            "unknown field `jsonpointer`",
        ),
    ];
    for (list, expected) in cases {
        let err = Config::parse(format!(r#"{{"answer_labels": {list}}}"#).as_bytes())
            .expect_err(list)
            .to_string();
        assert!(err.contains(expected), "{list}: got {err}");
        assert!(
            err.starts_with("llmtap: invalid plugin configuration"),
            "{err}"
        );
        assert!(!err.contains('\n'), "one line: {err}");
    }
    let too_many: Vec<String> = (0..=config::MAX_EXTRACTORS)
        .map(|i| format!(r#"{{"name": "n{i}", "first_line": true}}"#))
        .collect();
    let err = Config::parse(format!(r#"{{"answer_labels": [{}]}}"#, too_many.join(",")).as_bytes())
        .expect_err("too many")
        .to_string();
    assert!(err.contains("at most 16"), "{err}");
    let err = Config::parse(
        br#"{"routes": [{"path_prefix": "/x", "format": "tgi", "answer_labels": [{"name": "a"}]}]}"#,
    )
    .expect_err("route list")
    .to_string();
    assert!(err.contains("routes[0].answer_labels[\"a\"]"), "{err}");
}

/// A stream through the state machine counts one label per extractor, once.
#[test]
fn a_stream_counts_its_labels_once() {
    let plugin = Plugin::new(config(
        r#"[{"name": "sentiment", "json_pointer": "/label"}, {"name": "line", "first_line": true}]"#,
    ));
    let host = RecordingHost::default();
    let piece = |text: &str| {
        format!(
            "data: {{\"choices\":[{{\"delta\":{{\"content\":{}}}}}]}}\n\n",
            serde_json::Value::from(text)
        )
    };
    let reads = [
        piece("```json\n{\"lab"),
        piece("el\": \"posi"),
        piece("tive\"}\n```"),
        "data: [DONE]\n\n".to_owned(),
    ];
    let mut stream = Stream::new(plugin.clone());
    host.with_request(&[(":path", "/v1/chat/completions")]);
    stream.on_request_headers(&host);
    stream.on_request_body(br#"{"model":"m1","stream":true}"#, true);
    host.with_response(&[(":status", "200"), ("content-type", "text/event-stream")]);
    stream.on_response_headers(&host);
    for read in &reads {
        stream.on_response_body(&host, read.as_bytes(), false);
    }
    stream.on_response_body(&host, b"", true);
    stream.on_log(&host);
    let base = "llm_answer_labels_total.gen_ai_request_model=.=m1;.;gen_ai_provider_name=.=openai;.;gen_ai_operation_name=.=chat;.;";
    assert_eq!(
        host.counter(&format!(
            "{base}label_name=.=sentiment;.;label_value=.=positive;.;"
        )),
        1
    );
    assert_eq!(
        host.counter(&format!("{base}label_name=.=line;.;label_value=.=json;.;")),
        1
    );
    assert_eq!(host.counter("llm_answer_labels_total"), 2);
    // Without extractors: no scan, no series.
    let plain = Plugin::new(Config::default());
    let host = RecordingHost::default();
    let mut stream = Stream::new(plain);
    host.with_request(&[(":path", "/v1/chat/completions")]);
    stream.on_request_headers(&host);
    stream.on_log(&host);
    assert_eq!(host.counter("llm_answer_labels_total"), 0);
}
