//! `llmtap tokens`: counts a text's tokens exactly as the filter does when a stream has no
//! usage report (the same core code, natively). Tests compare it with OpenAI's `tiktoken`.

use crate::cli::TokensArgs;
use crate::error::Error;
use llmtap_core::tokenize::{self, estimate::estimate, Encoding};
use std::io::Read;
use std::process::ExitCode;

pub fn run(args: TokensArgs) -> Result<ExitCode, Error> {
    let encoding = Encoding::from_name(&args.encoding).ok_or_else(|| Error::Tokenizer {
        message: format!(
            "unknown encoding {:?} (cl100k_base or o200k_base)",
            args.encoding
        ),
    })?;
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| Error::Tokenizer {
            message: format!("cannot read UTF-8 text from stdin: {e}"),
        })?;
    let tokenizer = tokenize::build(encoding).map_err(|message| Error::Tokenizer { message })?;
    let report = serde_json::json!({
        "encoding": encoding.name(),
        "tokens": tokenizer.count(&text),
        "estimate": estimate(&text),
        "bytes": text.len(),
    });
    println!("{report}");
    Ok(ExitCode::SUCCESS)
}
