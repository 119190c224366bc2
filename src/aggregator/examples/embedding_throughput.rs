//! Embeddings per second of prompts of `max_tokens` (256) word pieces, in batches of the
//! prompt-samples worker's size (bench/embeddings/RESULTS.md):
//!
//! ```sh
//! make embedding-model
//! taskset -c 0,1 cargo run --profile test -p llmtap-aggregator --example embedding_throughput -- build/models/all-MiniLM-L6-v2
//! ```

use llmtap_aggregator::embedding::SentenceEncoder;
use llmtap_aggregator::prompt_samples::FORWARD_BATCH;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: embedding_throughput MODEL_DIR")?;
    let encoder = SentenceEncoder::load(&dir)?;
    let sentence = "Explain how the borrow checker decides whether two references may alias. ";
    let mut prompt = String::new();
    while encoder.token_count(&prompt)? < encoder.max_tokens() {
        prompt.push_str(sentence);
    }
    let tokens = encoder.token_count(&prompt)?;
    let prompts: Vec<String> = (0..128).map(|i| format!("{i} {prompt}")).collect();
    let texts: Vec<&str> = prompts.iter().map(String::as_str).collect();
    encoder.embed(&texts[..FORWARD_BATCH])?; // warm-up
    let start = std::time::Instant::now();
    for chunk in texts.chunks(FORWARD_BATCH) {
        encoder.embed(chunk)?;
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{} prompts of {tokens} tokens in {seconds:.2} s: {:.1} prompts/s (batches of {FORWARD_BATCH}, {} threads available)",
        texts.len(),
        texts.len() as f64 / seconds,
        std::thread::available_parallelism().map_or(0, usize::from)
    );
    Ok(())
}
