//! Workload for counting instructions per chunk under callgrind (`bench/run.py` runs it
//! twice with different chunk counts and divides the difference, so start-up, plugin
//! construction and per-stream work cancel out):
//!
//! ```sh
//! cargo build --release -p llmtap-core --example chunk_instructions
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!   target/release/examples/chunk_instructions synthetic 4 1000 1
//! ```
//!
//! - `synthetic STREAMS EVENTS TOKENS`: STREAMS OpenAI chat streams of EVENTS content
//!   chunks of TOKENS words each, one `on_response_body` call per chunk;
//! - `corpus LABEL REPEATS`: the recorded stream of format LABEL (see
//!   `benches/support/mod.rs`) REPEATS times, one call per event-sized 256-byte read.
//!
//! Prints the number of `on_response_body` calls made.

#[path = "../benches/support/mod.rs"]
mod support;

use support::{
    default_plugin, openai_chat_stream, read_corpus, run_stream, BenchHost, CHAT_REQUEST,
    FORMAT_SAMPLES,
};

/// What went wrong with the command line or the corpus.
#[derive(Debug)]
enum Error {
    Usage,
    UnknownFormat(String),
    Corpus(support::CorpusMissing),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Usage => write!(
                f,
                "usage: chunk_instructions synthetic STREAMS EVENTS TOKENS | corpus LABEL REPEATS"
            ),
            Error::UnknownFormat(label) => write!(f, "no corpus sample labelled {label:?}"),
            Error::Corpus(missing) => missing.fmt(f),
        }
    }
}

fn number(arg: Option<&String>) -> Result<usize, Error> {
    arg.and_then(|a| a.parse().ok()).ok_or(Error::Usage)
}

fn run() -> Result<usize, Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let plugin = default_plugin();
    match args.first().map(String::as_str) {
        Some("synthetic") => {
            let streams = number(args.get(1))?;
            let events = number(args.get(2))?;
            let tokens = number(args.get(3))?;
            let host = BenchHost::new("/v1/chat/completions", "text/event-stream");
            let reads = openai_chat_stream(events, tokens);
            for _ in 0..streams {
                run_stream(&plugin, &host, CHAT_REQUEST, &reads);
            }
            Ok(streams * reads.len())
        }
        Some("corpus") => {
            let label = args.get(1).ok_or(Error::Usage)?;
            let repeats = number(args.get(2))?;
            let &(_, file, _, path, content_type) = FORMAT_SAMPLES
                .iter()
                .find(|s| s.0 == label)
                .ok_or_else(|| Error::UnknownFormat(label.clone()))?;
            let body = read_corpus(file).map_err(Error::Corpus)?;
            let reads: Vec<Vec<u8>> = body.chunks(256).map(<[u8]>::to_vec).collect();
            let host = BenchHost::new(path, content_type);
            for _ in 0..repeats {
                run_stream(&plugin, &host, CHAT_REQUEST, &reads);
            }
            Ok(repeats * reads.len())
        }
        _ => Err(Error::Usage),
    }
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(calls) => {
            println!("on_response_body calls: {calls}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("chunk_instructions: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
