//! Token-counting speed and worst case, natively or under a WASI runtime (Node's V8):
//!
//! ```sh
//! cargo run --release -p llmtap-core --example tokenizer_speed
//! cargo build --release -p llmtap-core --example tokenizer_speed --target wasm32-wasip1
//! node bench/tokenizer/run-wasi.mjs target/wasm32-wasip1/release/examples/tokenizer_speed.wasm
//! ```
//!
//! Prints one JSON line per (encoding, input): MB/s over repeated counts of mixed English /
//! code / CJK text, and milliseconds for 50 KB without a split point (the first call, and the
//! median of nine more). Timings, not tests.

use llmtap_core::tokenize::{self, Encoding};
use std::time::Instant;

fn mixed_text() -> String {
    let english =
        "The quick brown fox jumps over the lazy dog. They're sure it'll work, don't you think? ";
    let code =
        "fn main() { let x: Vec<u32> = (0..10).map(|i| i * 2).collect(); println!(\"{x:?}\"); }\n";
    let cjk = "日本語のテキストと한국어 문장, 中文句子。";
    let mut s = String::new();
    while s.len() < 256 * 1024 {
        s.push_str(english);
        s.push_str(english);
        s.push_str(code);
        s.push_str(cjk);
        s.push('\n');
    }
    s
}

fn main() {
    let text = mixed_text();
    let unsplittable = "a".repeat(50 * 1024);
    let letters = "aBcDeFgHiJ".repeat(5 * 1024);
    for e in Encoding::ALL {
        let start = Instant::now();
        let Ok(t) = tokenize::build(e) else {
            println!("{{\"encoding\":\"{e}\",\"error\":\"not linked\"}}");
            continue;
        };
        let build_ms = start.elapsed().as_secs_f64() * 1e3;
        // The oracle in the same run, for a ratio that survives a busy machine.
        let oracle = match e {
            Encoding::Cl100kBase => tiktoken_rs::cl100k_base_singleton(),
            Encoding::O200kBase => tiktoken_rs::o200k_base_singleton(),
        };
        let _ = t.count(&text); // warm-up (V8 tier-up)
                                // Pre-tokenization alone (how much of the time is the regex).
        let pre = tokenize::pretokenize::Pretokenizer::new(e).ok();
        if let Some(pre) = &pre {
            let start = Instant::now();
            let mut pieces = 0;
            for _ in 0..8 {
                pieces = pre.pieces(&text).count();
            }
            let mb_s = (text.len() * 8) as f64 / start.elapsed().as_secs_f64() / 1e6;
            println!("{{\"encoding\":\"{e}\",\"input\":\"mixed\",\"pieces\":{pieces},\"pretokenize_mb_per_s\":{mb_s:.1}}}");
        }
        let rounds = 8;
        let start = Instant::now();
        let mut tokens = 0;
        for _ in 0..rounds {
            tokens = t.count(&text);
        }
        let secs = start.elapsed().as_secs_f64();
        let mb_s = (text.len() * rounds) as f64 / secs / 1e6;
        let worst = |name: &str, input: &str| {
            // The first call (V8 may still run baseline code), then the median of 9 more.
            let start = Instant::now();
            let n = t.count(input);
            let first_ms = start.elapsed().as_secs_f64() * 1e3;
            let mut times: Vec<f64> = (0..9)
                .map(|_| {
                    let start = Instant::now();
                    assert_eq!(t.count(input), n);
                    start.elapsed().as_secs_f64() * 1e3
                })
                .collect();
            times.sort_by(f64::total_cmp);
            let ms = times[times.len() / 2];
            let start = Instant::now();
            assert_eq!(oracle.encode_ordinary(input).len() as u64, n);
            let oracle_ms = start.elapsed().as_secs_f64() * 1e3;
            println!(
                "{{\"encoding\":\"{e}\",\"input\":\"{name}\",\"bytes\":{},\"tokens\":{n},\"first_call_ms\":{first_ms:.3},\"median_ms\":{ms:.3},\"tiktoken_rs_ms\":{oracle_ms:.3}}}",
                input.len()
            );
        };
        let _ = oracle.encode_ordinary(&text).len();
        let start = Instant::now();
        for _ in 0..rounds {
            assert_eq!(oracle.encode_ordinary(&text).len() as u64, tokens);
        }
        let oracle_mb_s = (text.len() * rounds) as f64 / start.elapsed().as_secs_f64() / 1e6;
        println!(
            "{{\"encoding\":\"{e}\",\"input\":\"mixed\",\"bytes\":{},\"tokens\":{tokens},\"mb_per_s\":{mb_s:.1},\"tiktoken_rs_mb_per_s\":{oracle_mb_s:.1},\"build_ms\":{build_ms:.1}}}",
            text.len()
        );
        worst("50KB-one-letter", &unsplittable);
        worst("50KB-mixed-case-letters", &letters);
    }
}
