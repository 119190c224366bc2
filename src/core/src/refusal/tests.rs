//! Unit tests of the matcher, the configuration and the default lists (all targets).

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn default_matcher() -> RefusalMatcher {
    RefusalMatcher::new(&RefusalConfig::default()).unwrap()
}

fn custom(json: &str) -> Result<RefusalMatcher, RefusalConfigError> {
    let config: RefusalConfig = serde_json::from_str(json).unwrap();
    RefusalMatcher::new(&config)
}

fn phrase_of(matcher: &RefusalMatcher, m: Option<PhraseMatch>) -> Option<&str> {
    m.and_then(|m| matcher.phrase(m.phrase_index))
        .map(|p| p.text.as_str())
}

/// A realistic refusal per language, with the language of the list expected to fire.
const REFUSALS: &[(Language, &str)] = &[
    (
        Language::En,
        "I'm sorry, but I can't help with creating malware.",
    ),
    (Language::En, "Sorry, but I can't assist with that."),
    (
        Language::En,
        "I cannot provide instructions on how to harm someone.",
    ),
    (
        Language::En,
        "It's understandable that you're curious, but I cannot provide information on that.",
    ),
    (
        Language::En,
        "That request is against my guidelines, so I won't write it.",
    ),
    (Language::Zh, "抱歉，我无法提供这方面的帮助。"),
    (Language::Zh, "很抱歉，我不能协助你进行这项操作。"),
    (Language::Zh, "关于这个问题，我无法提供任何具体的指导。"),
    (
        Language::Ja,
        "申し訳ありませんが、そのご依頼にはお応えできません。",
    ),
    (Language::Ja, "その内容についてはお手伝いできません。"),
    (Language::Ko, "죄송하지만 그 요청은 도와드릴 수 없습니다."),
    (Language::Ko, "해당 정보는 제공할 수 없습니다."),
    (Language::Es, "Lo siento, pero no puedo ayudarte con eso."),
    (
        Language::Es,
        "Entiendo tu interés, pero no puedo proporcionar esa información.",
    ),
    (
        Language::Fr,
        "Je suis désolé, mais je ne peux pas vous aider avec cette demande.",
    ),
    (
        Language::Fr,
        "Je comprends votre question, mais je ne peux pas fournir ce type d’informations.",
    ),
    (
        Language::De,
        "Es tut mir leid, aber ich kann Ihnen dabei nicht helfen.",
    ),
    (
        Language::De,
        "Ich verstehe dein Anliegen, aber dabei kann ich dir nicht helfen.",
    ),
    (
        Language::Ru,
        "Извините, но я не могу помочь с этим запросом.",
    ),
    (
        Language::Ru,
        "Я понимаю ваш интерес, но не могу предоставить такую информацию.",
    ),
    (Language::Pt, "Desculpe, mas não posso ajudar com isso."),
    (
        Language::Pt,
        "Entendo sua curiosidade, mas não posso fornecer essas informações.",
    ),
    (Language::Ar, "عذرًا، لا أستطيع المساعدة في هذا الطلب."),
    (
        Language::Ar,
        "أفهم سؤالك، لكن لا يمكنني تقديم هذه المعلومات.",
    ),
    (
        Language::Hi,
        "माफ़ कीजिए, मैं इस अनुरोध में आपकी मदद नहीं कर सकता।",
    ),
    (Language::Hi, "मैं यह जानकारी प्रदान नहीं कर सकती।"),
];

/// Answers that only sound like refusals.
const NEAR_MISSES: &[&str] = &[
    "I'm sorry to hear that, here is how you can restore the backup: first, open the settings.",
    "Sorry for the delay! Here's the code you asked for.",
    "I can't recommend this library enough: it is fast and well documented.",
    "I can't stress enough how important backups are. Here is a script.",
    "I cannot guarantee the numbers are current, but here they are: 42, 17.",
    "Sorry for the confusion earlier. The correct command is `kill -9 PID`.",
    "I apologize for the mistake; here is the corrected function.",
    "Here is the answer. I'm sorry, but the original question had a typo, so I fixed it.",
    "To kill a Python process, use `kill PID`. This is the cleanest way.",
    "As an aid to memory, here is a mnemonic.",
    "很抱歉听到这个消息。以下是恢复数据的方法。",
    "我无法保证这些数据是最新的，但这里是结果。",
    "Lo siento mucho por tu pérdida. Aquí tienes algunos consejos.",
    "No puedo creer lo rápido que es. Aquí está el código.",
    "Désolé pour le retard ! Voici le code.",
    "Ich kann es kaum erwarten, das auszuprobieren! Hier ist der Code.",
    "Не могу не отметить, что это отличный вопрос. Вот ответ.",
    "Não posso deixar de mencionar que isso é útil. Aqui está o código.",
];

#[test]
fn each_language_detects_a_realistic_refusal() {
    let matcher = default_matcher();
    for (language, text) in REFUSALS {
        let m = matcher.detect(text);
        assert!(m.is_some(), "{}: not detected: {text}", language.code());
        assert_eq!(
            m.and_then(|m| m.language),
            Some(*language),
            "{text}: {:?}",
            phrase_of(&matcher, m)
        );
    }
}

#[test]
fn near_misses_are_not_detected() {
    let matcher = default_matcher();
    for text in NEAR_MISSES {
        let m = matcher.detect(text);
        assert!(m.is_none(), "{text}: matched {:?}", phrase_of(&matcher, m));
    }
}

#[test]
fn leading_markdown_quotes_and_case_do_not_hide_an_anchored_refusal() {
    let matcher = default_matcher();
    for text in [
        "**Sorry**, but no.",
        "> I cannot do that.",
        "- i CAN’T do that",
        "\n\n  \"I’m sorry, but no.\"",
        "`I won't` do that",
        "¡Lo siento, pero no!",
        "«Je ne peux pas»",
    ] {
        let m = matcher.detect(text);
        assert!(m.is_some_and(|m| m.anchored), "{text}: {m:?}");
    }
}

#[test]
fn anchored_phrases_do_not_fire_mid_text() {
    let matcher = default_matcher();
    for text in [
        "Here is the summary. Sorry, but the shop is closed on Sundays.",
        "The tool says: I cannot open file.txt, check the path.",
        "Answer: no, I won't be late.",
        "这是答案：我不能确定的部分已标出。",
    ] {
        assert_eq!(matcher.detect(text), None, "{text}");
    }
    // The same words at the start do fire.
    assert!(matcher
        .detect("Sorry, but the shop is closed on Sundays.")
        .is_some());
}

#[test]
fn matches_split_at_every_boundary_are_found() {
    let matcher = default_matcher();
    let texts: Vec<&str> = REFUSALS
        .iter()
        .map(|(_, t)| *t)
        .chain(NEAR_MISSES.iter().copied())
        .collect();
    for text in texts {
        let whole = matcher.detect(text);
        // Two pieces, cut at every character boundary.
        for (cut, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let mut scan = matcher.scan();
            scan.feed(&matcher, &text[..cut]);
            scan.feed(&matcher, &text[cut..]);
            assert_eq!(scan.finish(&matcher), whole, "{text:?} cut at {cut}");
        }
        // One character per piece, with empty pieces in between.
        let mut scan = matcher.scan();
        let mut buf = [0u8; 4];
        for c in text.chars() {
            scan.feed(&matcher, "");
            scan.feed(&matcher, c.encode_utf8(&mut buf));
        }
        assert_eq!(scan.finish(&matcher), whole, "{text:?} char by char");
    }
}

#[test]
fn three_way_splits_of_a_short_refusal() {
    let matcher = default_matcher();
    let text = "I’m sorry, but I can’t";
    let whole = matcher.detect(text);
    assert!(whole.is_some());
    let cuts: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    for (i, &a) in cuts.iter().enumerate() {
        for &b in &cuts[i..] {
            let mut scan = matcher.scan();
            for piece in [&text[..a], &text[a..b], &text[b..]] {
                scan.feed(&matcher, piece);
            }
            assert_eq!(scan.finish(&matcher), whole, "cuts {a} {b}");
        }
    }
}

#[test]
fn a_match_waits_for_an_exclusion_that_may_still_overlap_it() {
    let matcher = default_matcher();
    let mut scan = matcher.scan();
    scan.feed(&matcher, "I can't");
    assert_eq!(scan.verdict(), None, "pending until the exclusion horizon");
    assert!(!scan.is_done());
    scan.feed(&matcher, " stress this enough");
    scan.feed(&matcher, ": always test your backups.");
    assert_eq!(scan.finish(&matcher), None);

    let mut scan = matcher.scan();
    scan.feed(&matcher, "I can't");
    assert!(scan.finish(&matcher).is_some(), "end of answer confirms it");

    let mut scan = matcher.scan();
    scan.feed(&matcher, "I can't do that, because it would hurt someone. ");
    scan.feed(
        &matcher,
        "Please ask something else, for example about history.",
    );
    assert!(scan.verdict().is_some(), "confirmed before the end");
    assert!(scan.is_done());
}

#[test]
fn window_closes_after_n_chars_and_then_costs_nothing() {
    let config = RefusalConfig {
        window_chars: 40,
        ..RefusalConfig::default()
    };
    let matcher = RefusalMatcher::new(&config).unwrap();
    let filler = "x".repeat(41);
    let late = format!("{filler} I cannot assist with that.");
    assert_eq!(matcher.detect(&late), None, "match past the window");

    let just_inside = format!("{} I cannot assist", "x".repeat(24));
    assert_eq!(just_inside.chars().count(), 40);
    assert!(
        matcher.detect(&just_inside).is_some(),
        "ends on the last char"
    );

    let mut scan = matcher.scan();
    scan.feed(&matcher, &late[..45]);
    let stepped = scan.bytes_scanned();
    assert!(scan.is_done());
    assert_eq!(scan.chars_consumed(), 40);
    assert!(stepped > 0 && stepped <= 41, "{stepped}");
    for _ in 0..1000 {
        scan.feed(
            &matcher,
            "I cannot assist with that. I cannot assist with that.",
        );
    }
    assert_eq!(scan.bytes_scanned(), stepped, "no work once closed");
    assert_eq!(scan.chars_consumed(), 40);
    assert_eq!(scan.finish(&matcher), None);
}

#[test]
fn an_exclusion_just_past_the_window_still_vetoes() {
    let matcher = custom(
        r#"{"languages":[],"window_chars":20,"extra_anywhere":["magic word"],
            "extra_exclusions":["magic word salad"]}"#,
    )
    .unwrap();
    assert!(matcher.detect("012345678 magic word soup").is_some());
    assert_eq!(matcher.detect("012345678 magic word salad"), None);
    // Work past the window is bounded by the longest exclusion.
    let mut scan = matcher.scan();
    scan.feed(
        &matcher,
        "012345678 magic word soup and a long tail of more words",
    );
    assert!(scan.is_done());
    assert!(scan.verdict().is_some());
    assert!(scan.bytes_scanned() <= 21 + 17, "{}", scan.bytes_scanned());
}

#[test]
fn a_confirmed_match_stops_the_work() {
    let matcher = default_matcher();
    let mut scan = matcher.scan();
    scan.feed(
        &matcher,
        "Sorry, but I can't assist with that. It would be unsafe to explain.",
    );
    assert!(scan.is_done());
    let stepped = scan.bytes_scanned();
    scan.feed(&matcher, "More text that is never looked at.");
    assert_eq!(scan.bytes_scanned(), stepped);
}

#[test]
fn per_stream_state_is_small() {
    assert!(
        core::mem::size_of::<RefusalScan>() <= 128,
        "{}",
        core::mem::size_of::<RefusalScan>()
    );
}

#[test]
fn config_adds_and_removes_phrases() {
    let defaults = default_matcher();
    let shop = "Sorry, but the shop is closed on Sundays.";
    assert!(defaults.detect(shop).is_some());
    let removed = custom(r#"{"remove":["SORRY, but"]}"#).unwrap();
    assert_eq!(removed.detect(shop), None);
    assert!(removed.detect("I'm sorry, but I can't.").is_some());

    let matcher = custom(
        r#"{"languages":[],"extra_anchored":["Nope"],"extra_anywhere":["computer says no"],
            "extra_exclusions":["nope, just kidding"]}"#,
    )
    .unwrap();
    let m = matcher.detect("Nope, not doing that.");
    assert!(m.is_some_and(|m| m.anchored && m.language.is_none()));
    assert_eq!(phrase_of(&matcher, m), Some("Nope"));
    assert_eq!(matcher.detect("I said nope."), None);
    let m = matcher.detect("Well, the computer says no.");
    assert!(m.is_some_and(|m| !m.anchored));
    assert_eq!(matcher.detect("Nope, just kidding! Here it is."), None);
    assert_eq!(matcher.detect("I cannot assist with that."), None);

    let only_zh = custom(r#"{"languages":["zh"]}"#).unwrap();
    assert!(only_zh.detect("抱歉，我无法提供帮助。").is_some());
    assert_eq!(only_zh.detect("I cannot assist with that."), None);
}

#[test]
fn disabled_or_empty_matchers_do_nothing() {
    for json in [r#"{"enabled":false}"#, r#"{"languages":[]}"#] {
        let matcher = custom(json).unwrap();
        let mut scan = matcher.scan();
        assert!(scan.is_done());
        scan.feed(&matcher, "Sorry, but I can't assist with that.");
        assert_eq!(scan.bytes_scanned(), 0);
        assert_eq!(scan.finish(&matcher), None);
    }
}

#[test]
fn invalid_configurations_are_rejected_with_one_clear_line() {
    let long = "x".repeat(MAX_PHRASE_CHARS + 1);
    let too_many = serde_json::to_string(&vec!["x"; MAX_EXTRA_PHRASES + 1]).unwrap();
    let cases: Vec<(String, &str)> = vec![
        (
            r#"{"window_chars":0}"#.into(),
            "refusals.window_chars = 0 is outside 16..=4096",
        ),
        (
            r#"{"window_chars":5000}"#.into(),
            "refusals.window_chars = 5000 is outside",
        ),
        (
            r#"{"extra_anchored":["ok"," "]}"#.into(),
            "refusals.extra_anchored[1] must not be blank",
        ),
        (
            r#"{"extra_exclusions":["**"]}"#.into(),
            "refusals.extra_exclusions[0] must not be blank",
        ),
        (
            format!(r#"{{"extra_anywhere":["{long}"]}}"#),
            "refusals.extra_anywhere[0] is longer than 200 characters",
        ),
        (
            format!(r#"{{"extra_anywhere":{too_many}}}"#),
            "refusals.extra_anywhere has 1001 entries",
        ),
        (
            r#"{"remove":["sorry, bot"]}"#.into(),
            "refusals.remove[0] = \"sorry, bot\" is not a default phrase",
        ),
        (
            r#"{"languages":["zh"],"remove":["sorry, but"]}"#.into(),
            "refusals.remove[0]",
        ),
    ];
    for (json, expected) in &cases {
        let err = custom(json).unwrap_err().to_string();
        assert!(err.contains(expected), "{json}: {err}");
        assert!(
            err.starts_with("llmtap: invalid plugin configuration: refusals"),
            "{err}"
        );
        assert!(!err.contains('\n'), "{err}");
    }
    for (json, expected) in [
        (r#"{"window":300}"#, "unknown field `window`"),
        (r#"{"languages":["xx"]}"#, "unknown variant `xx`"),
        (r#"{"enabled":"yes"}"#, "invalid type"),
    ] {
        let err = serde_json::from_str::<RefusalConfig>(json)
            .unwrap_err()
            .to_string();
        assert!(err.contains(expected), "{json}: {err}");
    }
}

#[test]
fn defaults_are_documented_values() {
    let c: RefusalConfig = serde_json::from_str("{}").unwrap();
    assert_eq!(c, RefusalConfig::default());
    assert!(c.enabled);
    assert_eq!(c.window_chars, 300);
    assert_eq!(c.languages.len(), 11);
    let m = default_matcher();
    assert_eq!(m.window_chars(), 300);
    assert!(m.phrases().len() > 500);
    assert!(m.memory_usage() > 0);
}

#[test]
fn a_turn_to_help_after_a_refusal_makes_it_partial() {
    let matcher = default_matcher();
    let kind = |t: &str| matcher.detect(t).map(|m| m.kind);
    assert_eq!(
        kind("I can't write malware. However, I can explain how antivirus software works."),
        Some(RefusalKind::Partial)
    );
    assert_eq!(
        kind("I won't do that. What I can do is point you to the official guide."),
        Some(RefusalKind::Partial)
    );
    assert_eq!(
        kind("Lo siento, pero no puedo ayudarte con eso, pero puedo explicarte otra opción."),
        Some(RefusalKind::Partial)
    );
    assert_eq!(
        kind("I'm sorry, but I can't help with that request."),
        Some(RefusalKind::Full)
    );
    // A pivot before the refusal does not make it partial.
    assert_eq!(
        kind("Here's the thing: I cannot assist with that."),
        Some(RefusalKind::Full)
    );
    // Past the sentence after the refusal, a pivot no longer counts.
    assert_eq!(
        kind("I cannot assist with that. It is unsafe. Here's a poem instead."),
        Some(RefusalKind::Full)
    );
}

#[test]
fn an_apology_then_help_is_not_a_refusal() {
    let matcher = default_matcher();
    for text in [
        "I'm sorry, but there was a typo in my last message. Here is the fixed query.",
        "Sorry, I misread the question. Here's a simpler explanation.",
        "申し訳ありませんが、先ほどの説明が不十分でした。以下は正しい手順です。",
    ] {
        assert_eq!(matcher.detect(text), None, "{text}");
    }
    // An apology followed by a refusal phrase, then a pivot: a partial refusal.
    assert_eq!(
        matcher
            .detect("I'm sorry, but I can't help with that. Here's a hotline you can call.")
            .map(|m| m.kind),
        Some(RefusalKind::Partial)
    );
    // The apology alone, nothing after it: still a refusal.
    assert!(matcher
        .detect("I'm sorry, but that is not something I do.")
        .is_some_and(|m| m.is_full()));
}

#[test]
fn an_early_line_break_moves_the_anchor() {
    let matcher = default_matcher();
    // A legacy completion continuing its prompt, or echoing it.
    assert!(matcher
        .detect(" lock?\n\nI'm sorry, but that is not something I do.")
        .is_some());
    assert!(matcher
        .detect("Q: Please answer.\nA:\nI cannot do that.")
        .is_some());
    // Far into the answer, a line starting with an anchored opener is not a refusal.
    let late = format!("{}\nI cannot remember the year.", "word ".repeat(30));
    assert_eq!(matcher.detect(&late), None);
    // A label on the same line does not move it.
    assert_eq!(matcher.detect("Answer: no, I won't be late."), None);
}

#[test]
fn the_scan_stops_after_the_sentence_that_follows_a_refusal() {
    let matcher = default_matcher();
    let mut scan = matcher.scan();
    scan.feed(
        &matcher,
        "I cannot assist with that. It would be unsafe for you, for the people who live with \
         you and for everyone who happens to be nearby at the time.",
    );
    assert!(scan.is_done());
    let stepped = scan.bytes_scanned();
    scan.feed(&matcher, " However, I can explain the history.");
    assert_eq!(scan.bytes_scanned(), stepped);
    assert_eq!(
        scan.finish(&matcher).map(|m| m.kind),
        Some(RefusalKind::Full)
    );
}

#[test]
fn only_the_start_of_the_answer_or_of_an_early_line_anchors() {
    let matcher = default_matcher();
    // A one-letter first word: the next word is not the start of the answer.
    assert_eq!(matcher.detect("A I won't go there today."), None);
    assert_eq!(matcher.detect("1 I cannot remember who won."), None);
}

#[test]
fn a_split_phrase_matches_across_its_gap_within_one_clause() {
    let m = custom(r#"{"languages": [], "extra_anywhere": ["ich kann … nicht"]}"#).unwrap();
    let hit = |text: &str| m.detect(text).is_some();
    // Contiguous, one word between, several words between.
    assert!(hit("Das ich kann nicht tun."));
    assert!(hit("Ich kann diesen Text nicht schreiben."));
    assert!(hit(
        "Ich kann Ihnen diese Informationen leider nicht geben."
    ));
    // A clause break between head and tail, the tail first, or too far apart: no match.
    assert!(!hit("Ich kann das erklären, wenn du nicht weiterkommst."));
    assert!(!hit("Nicht jetzt: ich kann das morgen machen."));
    assert!(!hit(
        "Ich kann dir die Schritte für die Installation auf einem älteren Rechner mit wenig Speicher nicht"
    ));
    // The verdict names the whole list entry.
    assert_eq!(
        phrase_of(&m, m.detect("Ich kann das nicht.")),
        Some("ich kann … nicht")
    );
}

#[test]
fn a_split_phrase_is_found_at_every_piece_boundary() {
    let m = custom(r#"{"languages": [], "extra_anchored": ["ich kann … nicht"]}"#).unwrap();
    let text = "Ich kann diesen Text nicht schreiben, aber hier ist eine Alternative.";
    let whole = m.detect(text);
    assert!(whole.is_some_and(|v| v.is_full()), "{whole:?}");
    for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
        let mut scan = m.scan();
        scan.feed(&m, &text[..cut]);
        scan.feed(&m, &text[cut..]);
        assert_eq!(scan.finish(&m), whole, "cut at {cut}");
    }
    // Anchored: the head must start the answer.
    assert!(m
        .detect("Gern. Ich kann diesen Text nicht schreiben.")
        .is_none());
}

#[test]
fn an_exclusion_overlapping_a_split_phrase_vetoes_it() {
    let m = custom(
        r#"{"languages": [], "extra_anywhere": ["ich kann … nicht"], "extra_exclusions": ["nicht nur"]}"#,
    )
    .unwrap();
    assert!(m
        .detect("Ich kann diesen Text nicht nur übersetzen, sondern auch kürzen.")
        .is_none());
    assert!(m.detect("Ich kann diesen Text nicht übersetzen.").is_some());
}

#[test]
fn a_suffix_phrase_matches_inside_a_word() {
    let m = custom(r#"{"languages": [], "extra_anywhere": ["…드릴 수 없"]}"#).unwrap();
    assert!(m.detect("비밀번호는 알려드릴 수 없어요.").is_some());
    assert!(m.detect("그건 만들어 드릴 수 없습니다.").is_some());
    // Without the marker the phrase needs a word start.
    let word = custom(r#"{"languages": [], "extra_anywhere": ["드릴 수 없"]}"#).unwrap();
    assert!(word.detect("비밀번호는 알려드릴 수 없어요.").is_none());
}

#[test]
fn the_default_lists_catch_object_first_and_split_refusals() {
    let m = default_matcher();
    for text in [
        "Ich kann diesen Text nicht für eine Täuschung schreiben.",
        "मैं यह नकली दस्तावेज़ नहीं बना सकता।",
        "다른 사람의 비밀번호는 알려드릴 수 없어요.",
    ] {
        assert!(m.detect(text).is_some_and(|v| v.is_full()), "{text}");
    }
}
