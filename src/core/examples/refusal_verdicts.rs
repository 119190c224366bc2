//! Prints the detector's verdict for each answer text: one JSON string per input line on
//! stdin, one line out (`kind<TAB>phrase`). For error analysis of the evaluation sets:
//! `python3 -c '...print(json.dumps(t))...' | cargo run -q -p llmtap-core --example refusal_verdicts`.

use llmtap_core::refusal::{RefusalConfig, RefusalMatcher};
use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let matcher = RefusalMatcher::new(&RefusalConfig::default())?;
    for line in std::io::stdin().lock().lines() {
        let text: String = serde_json::from_str(&line?)?;
        let (kind, phrase) = match matcher.detect(&text) {
            Some(m) => (
                m.kind.as_str(),
                matcher
                    .phrase(m.phrase_index)
                    .map_or("?", |p| p.text.as_str()),
            ),
            None => ("none", ""),
        };
        println!("{kind}\t{phrase}");
    }
    Ok(())
}
