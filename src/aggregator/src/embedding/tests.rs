//! The encoder on the real all-MiniLM-L6-v2 (`make embedding-model` unpacks it into
//! build/models/; `LLMTAP_EMBEDDING_MODEL` names another directory) against the reference in
//! tests/fixtures/embeddings/reference.json.

use super::SentenceEncoder;
use std::path::PathBuf;
use std::sync::OnceLock;

/// The model directory the tests use.
pub(crate) fn model_dir() -> PathBuf {
    std::env::var_os("LLMTAP_EMBEDDING_MODEL").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../build/models/all-MiniLM-L6-v2"),
        PathBuf::from,
    )
}

/// The test model, loaded once per test binary. Absent: `None` (the test says it was skipped)
/// on a developer's machine, a failure under CI (`CI` set), where `make` provides it.
pub(crate) fn test_encoder() -> Option<&'static SentenceEncoder> {
    static ENCODER: OnceLock<Option<SentenceEncoder>> = OnceLock::new();
    ENCODER
        .get_or_init(|| {
            let dir = model_dir();
            if !dir.join("model.safetensors").exists() {
                assert!(
                    std::env::var_os("CI").is_none(),
                    "no embedding model at {} (run `make embedding-model`)",
                    dir.display()
                );
                eprintln!(
                    "SKIPPED: no embedding model at {} (run `make embedding-model`)",
                    dir.display()
                );
                return None;
            }
            Some(SentenceEncoder::load(&dir).unwrap())
        })
        .as_ref()
}

#[derive(serde::Deserialize)]
struct Reference {
    sentences: Vec<ReferenceSentence>,
}

#[derive(serde::Deserialize)]
struct ReferenceSentence {
    sentence: String,
    tokens: usize,
    embedding: Vec<f64>,
}

fn reference() -> Reference {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/embeddings/reference.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn cosine(a: &[f32], b: &[f64]) -> f64 {
    let dot: f64 = a.iter().zip(b).map(|(x, y)| f64::from(*x) * y).sum();
    let na: f64 = a.iter().map(|x| f64::from(*x).powi(2)).sum::<f64>().sqrt();
    let nb: f64 = b.iter().map(|y| y * y).sum::<f64>().sqrt();
    dot / (na * nb)
}

#[test]
fn embeddings_equal_the_sentence_transformers_reference() {
    let Some(encoder) = test_encoder() else {
        return;
    };
    let reference = reference();
    assert!(reference.sentences.len() >= 5);
    let texts: Vec<&str> = reference
        .sentences
        .iter()
        .map(|s| s.sentence.as_str())
        .collect();
    // Together (one padded batch) and one by one: both match.
    let batch = encoder.embed(&texts).unwrap();
    for (s, got) in reference.sentences.iter().zip(&batch) {
        assert_eq!(got.len(), 384);
        assert_eq!(
            encoder.token_count(&s.sentence).unwrap(),
            s.tokens,
            "{:?}",
            s.sentence
        );
        let single = encoder.embed(&[s.sentence.as_str()]).unwrap().remove(0);
        for v in [got, &single] {
            let c = cosine(v, &s.embedding);
            assert!(1.0 - c < 1e-4, "{:?}: cosine {c}", s.sentence);
            let norm: f64 = v.iter().map(|x| f64::from(*x).powi(2)).sum::<f64>().sqrt();
            assert!((norm - 1.0).abs() < 1e-5, "{norm}");
        }
    }
    assert_eq!(encoder.max_tokens(), 256);
    assert_eq!(encoder.dimension(), 384);
}

#[test]
fn a_directory_without_a_model_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let err = SentenceEncoder::load(dir.path()).unwrap_err().to_string();
    assert!(err.contains("config.json"), "{err}");
}
