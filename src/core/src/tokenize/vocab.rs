//! The linked vocabularies: OpenAI's rank files, gzip-compressed in `src/core/vocab/` and
//! decoded into a rank table when a tokenizer is first built.

use super::Encoding;
use core::fmt;
use std::io::Read;

/// Token bytes → merge rank (lower merges first).
pub type Ranks = super::rank_table::RankTable;

/// Why a vocabulary could not be loaded.
#[derive(Debug, PartialEq, Eq)]
pub enum VocabError {
    /// The module was built without this encoding's cargo feature.
    NotLinked(Encoding),
    /// The embedded gzip stream is damaged.
    Decompress(String),
    /// A line is not `<base64 token> <rank>`.
    BadLine(usize),
}

impl fmt::Display for VocabError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VocabError::NotLinked(e) => write!(
                f,
                "encoding {e} is not linked into this module (build with the `{}` feature, e.g. llmtap-tokenizer.wasm)",
                match e {
                    Encoding::Cl100kBase => "cl100k",
                    Encoding::O200kBase => "o200k",
                }
            ),
            VocabError::Decompress(why) => write!(f, "vocabulary does not decompress: {why}"),
            VocabError::BadLine(n) => write!(f, "vocabulary line {n} is not `<base64> <rank>`"),
        }
    }
}

/// The compressed rank file of an encoding, if linked.
fn compressed(encoding: Encoding) -> Option<&'static [u8]> {
    match encoding {
        #[cfg(feature = "cl100k")]
        Encoding::Cl100kBase => Some(include_bytes!("../../vocab/cl100k_base.tiktoken.gz")),
        #[cfg(feature = "o200k")]
        Encoding::O200kBase => Some(include_bytes!("../../vocab/o200k_base.tiktoken.gz")),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

/// The decompressed rank file (`<base64 token> <rank>` per line).
pub fn rank_file(encoding: Encoding) -> Result<Vec<u8>, VocabError> {
    let gz = compressed(encoding).ok_or(VocabError::NotLinked(encoding))?;
    let mut out = Vec::with_capacity(gz.len() * 3);
    flate2::read::GzDecoder::new(gz)
        .read_to_end(&mut out)
        .map_err(|e| VocabError::Decompress(e.to_string()))?;
    Ok(out)
}

/// Decodes the rank table of a linked encoding.
pub fn load(encoding: Encoding) -> Result<Ranks, VocabError> {
    parse(&rank_file(encoding)?)
}

/// Parses a `tiktoken` rank file.
pub fn parse(file: &[u8]) -> Result<Ranks, VocabError> {
    use base64::Engine;
    let lines = file.split(|&b| b == b'\n').filter(|l| !l.is_empty());
    // One token per line: size the table once, exactly (an oversized table is memory that
    // every worker VM keeps; `bench/tokenizer/RESULTS.md`).
    let mut ranks = Ranks::with_capacity(memchr::memchr_iter(b'\n', file).count() + 1);
    for (n, line) in lines.enumerate() {
        let bad = || VocabError::BadLine(n + 1);
        let space = memchr::memchr(b' ', line).ok_or_else(bad)?;
        let token = base64::engine::general_purpose::STANDARD
            .decode(&line[..space])
            .map_err(|_| bad())?;
        let rank = core::str::from_utf8(&line[space + 1..])
            .ok()
            .and_then(|r| r.trim().parse::<u32>().ok())
            .ok_or_else(bad)?;
        ranks.insert(&token, rank);
    }
    Ok(ranks)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn parses_rank_lines_and_rejects_garbage() {
        let ranks = parse(b"IQ== 0\nIg== 1\n").unwrap();
        assert_eq!(ranks.get(&b"!"[..]), Some(0));
        assert_eq!(ranks.get(&b"\""[..]), Some(1));
        assert_eq!(parse(b"IQ== x\n").err(), Some(VocabError::BadLine(1)));
        assert_eq!(parse(b"no-space\n").err(), Some(VocabError::BadLine(1)));
    }

    #[cfg(feature = "cl100k")]
    #[test]
    fn the_linked_cl100k_has_every_rank() {
        let ranks = load(Encoding::Cl100kBase).unwrap();
        assert_eq!(ranks.len(), 100_256);
        assert_eq!(ranks.get(&b"hello"[..]), Some(15339));
    }

    /// The byte-pair merge's pair memo names each part by its rank (`bpe::PairMemo`), which
    /// is sound only if no two tokens share a rank: every linked file ranks its tokens
    /// 0..n-1, each rank once.
    #[test]
    fn every_linked_vocabulary_gives_each_token_its_own_rank() {
        for encoding in Encoding::ALL {
            let Ok(file) = rank_file(encoding) else {
                continue; // not linked in this build
            };
            let lines: Vec<&[u8]> = file
                .split(|&b| b == b'\n')
                .filter(|l| !l.is_empty())
                .collect();
            let mut seen = vec![false; lines.len()];
            for line in &lines {
                let rank: usize = core::str::from_utf8(line.rsplit(|&b| b == b' ').next().unwrap())
                    .unwrap()
                    .parse()
                    .unwrap();
                assert!(
                    !std::mem::replace(&mut seen[rank], true),
                    "{encoding}: rank {rank} twice"
                );
            }
            let table = parse(&file).unwrap();
            assert_eq!(table.len(), lines.len(), "{encoding}: a token listed twice");
            assert_eq!(table.max_rank() as usize, lines.len() - 1, "{encoding}");
        }
    }
}
