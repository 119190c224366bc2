//! Exact equality with `tiktoken-rs` (the oracle) on random Unicode, adversarial inputs and
//! streamed chunkings, for both encodings. Runs natively and under Node (wasm32).
//! `tests/integration/test_tokenizer_oracle.py` checks the same against OpenAI's Python `tiktoken` and the corpus.

use super::counter::{TextCounter, TokenSource};
use super::tokenizer::Tokenizer;
use super::Encoding;
use crate::testing::Rng;
use std::sync::OnceLock;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn ours(e: Encoding) -> &'static Tokenizer {
    static CL: OnceLock<Tokenizer> = OnceLock::new();
    static O2: OnceLock<Tokenizer> = OnceLock::new();
    let cell = match e {
        Encoding::Cl100kBase => &CL,
        Encoding::O200kBase => &O2,
    };
    cell.get_or_init(|| Tokenizer::new(e).unwrap())
}

fn oracle(e: Encoding, text: &str) -> u64 {
    let bpe = match e {
        Encoding::Cl100kBase => tiktoken_rs::cl100k_base_singleton(),
        Encoding::O200kBase => tiktoken_rs::o200k_base_singleton(),
    };
    bpe.encode_ordinary(text).len() as u64
}

/// Characters that stress the pre-tokenizer: contractions, whitespace kinds, digits,
/// letters of every case class, marks, CJK, emoji with modifiers and joiners, symbols.
const ALPHABET: &[&str] = &[
    "a",
    "Z",
    "é",
    "E\u{301}",
    "ß",
    "İ",
    "ǅ",
    "ʰ",
    "\u{301}",
    "\u{0903}",
    "'",
    "’",
    "s",
    "t",
    "re",
    "ve",
    "ll",
    "d",
    "m",
    "'S",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\u{a0}",
    "\u{3000}",
    "0",
    "7",
    "٣",
    "½",
    "①",
    "日",
    "本",
    "語",
    "한",
    "ー",
    "ا",
    "ب",
    "ह",
    "ि",
    "😀",
    "👍🏽",
    "👨\u{200d}👩\u{200d}👧",
    "🇫🇷",
    "!",
    "?",
    "...",
    "/",
    "\\",
    "\"",
    "{",
    "}",
    "<",
    ">",
    "_",
    "-",
    "—",
    "$",
    "€",
    "\u{feff}",
    "\u{200b}",
    "\u{0}",
    "\u{7f}",
    "ǈ",
    "Ⅻ",
    "𝔘",
    "ﬁ",
];

fn random_text(rng: &mut Rng, max_len: u64) -> String {
    let n = rng.below(max_len) as usize;
    (0..n)
        .map(|_| ALPHABET[rng.below(ALPHABET.len() as u64) as usize])
        .collect()
}

#[test]
fn random_unicode_counts_equal_tiktoken() {
    let mut rng = Rng::new(2026);
    for e in Encoding::ALL {
        for i in 0..400 {
            let text = random_text(&mut rng, 80);
            assert_eq!(
                ours(e).count(&text),
                oracle(e, &text),
                "{e} case {i}: {text:?}"
            );
        }
    }
}

#[test]
fn adversarial_inputs_count_equal_tiktoken() {
    let long_word = "a".repeat(5_000);
    let mixed_case = "aBcDeFgHiJ".repeat(300);
    let digits = "1234567890".repeat(300);
    let spaces = " ".repeat(3_000) + "x";
    let newlines = "\n \n\r\n".repeat(500);
    let cjk = "漢字かなカナ한국어".repeat(300);
    let emoji = "👍🏽👨‍👩‍👧🇫🇷".repeat(200);
    let punct = "!?.,;:()[]{}<>".repeat(300);
    let contractions = "don't they're we've I'll she'd I'M ".repeat(100);
    let marks = "e\u{301}\u{302}\u{303}".repeat(500);
    let cases = [
        &long_word,
        &mixed_case,
        &digits,
        &spaces,
        &newlines,
        &cjk,
        &emoji,
        &punct,
        &contractions,
        &marks,
    ];
    for e in Encoding::ALL {
        for text in cases {
            assert_eq!(ours(e).count(text), oracle(e, text), "{e}: {}", &text[..40]);
        }
    }
}

#[test]
fn streamed_counts_equal_the_whole_text_for_any_chunking() {
    let mut rng = Rng::new(99);
    for e in Encoding::ALL {
        let t = ours(e);
        for _ in 0..150 {
            let text = random_text(&mut rng, 300);
            let whole = oracle(e, &text);
            let cap = 64 + rng.below(200) as usize;
            let mut counter = TextCounter::new(cap);
            let mut rest = text.as_str();
            while !rest.is_empty() {
                let mut n = (1 + rng.below(24) as usize).min(rest.len());
                while !rest.is_char_boundary(n) {
                    n += 1;
                }
                counter.push(&rest[..n], || Some(t));
                rest = &rest[n..];
            }
            let got = counter.finish(Some(t));
            // A piece longer than the cap is cut (labelled estimate); otherwise exact.
            if got.source == TokenSource::Tokenizer {
                assert_eq!(got.tokens, whole, "{e} cap {cap}: {text:?}");
            }
        }
    }
}
