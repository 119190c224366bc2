//! The files of a sentence-transformers directory and what the encoder takes from them.

use super::EmbeddingError;
use candle_transformers::models::bert::Config;
use std::path::{Path, PathBuf};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

/// What [`super::SentenceEncoder::load`] reads from a model directory.
pub struct ModelDir {
    pub config: Config,
    pub tokenizer: Tokenizer,
    /// model.safetensors.
    pub weights: PathBuf,
    /// modules.json lists a `Normalize` module (the default without modules.json).
    pub normalize: bool,
    /// Word pieces kept per text: `max_seq_length` of sentence_bert_config.json, else the
    /// model's `max_position_embeddings`.
    pub max_tokens: usize,
}

fn read_text(path: &Path) -> Result<String, EmbeddingError> {
    std::fs::read_to_string(path).map_err(|e| EmbeddingError::Read {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, EmbeddingError> {
    serde_json::from_str(&read_text(path)?).map_err(|e| EmbeddingError::Invalid {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

#[derive(serde::Deserialize)]
struct Module {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    path: String,
}

#[derive(serde::Deserialize)]
struct SentenceBertConfig {
    max_seq_length: Option<usize>,
}

#[derive(serde::Deserialize, Default)]
struct PoolingConfig {
    #[serde(default)]
    pooling_mode_cls_token: bool,
    #[serde(default = "yes")]
    pooling_mode_mean_tokens: bool,
    #[serde(default)]
    pooling_mode_max_tokens: bool,
    #[serde(default)]
    pooling_mode_mean_sqrt_len_tokens: bool,
}

fn yes() -> bool {
    true
}

impl ModelDir {
    /// Reads and checks the directory.
    pub fn read(dir: &Path) -> Result<ModelDir, EmbeddingError> {
        let config: Config = read_json(&dir.join("config.json"))?;
        let modules_path = dir.join("modules.json");
        let modules: Vec<Module> = if modules_path.exists() {
            read_json(&modules_path)?
        } else {
            Vec::new()
        };
        let normalize =
            modules.is_empty() || modules.iter().any(|m| m.kind.ends_with(".Normalize"));
        let pooling_dir = modules
            .iter()
            .find(|m| m.kind.ends_with(".Pooling"))
            .map_or_else(|| dir.join("1_Pooling"), |m| dir.join(&m.path));
        let pooling_path = pooling_dir.join("config.json");
        let pooling: PoolingConfig = if pooling_path.exists() {
            read_json(&pooling_path)?
        } else {
            PoolingConfig {
                pooling_mode_mean_tokens: true,
                ..PoolingConfig::default()
            }
        };
        let other = [
            ("cls_token", pooling.pooling_mode_cls_token),
            ("max_tokens", pooling.pooling_mode_max_tokens),
            (
                "mean_sqrt_len_tokens",
                pooling.pooling_mode_mean_sqrt_len_tokens,
            ),
        ];
        if let Some((mode, _)) = other.iter().find(|(_, on)| *on) {
            return Err(EmbeddingError::Pooling {
                path: pooling_path,
                mode: (*mode).to_owned(),
            });
        }
        if !pooling.pooling_mode_mean_tokens {
            return Err(EmbeddingError::Pooling {
                path: pooling_path,
                mode: "no pooling mode".to_owned(),
            });
        }
        let st_path = dir.join("sentence_bert_config.json");
        let max_tokens = if st_path.exists() {
            read_json::<SentenceBertConfig>(&st_path)?.max_seq_length
        } else {
            None
        }
        .unwrap_or(config.max_position_embeddings)
        .min(config.max_position_embeddings);
        let tokenizer_path = dir.join("tokenizer.json");
        let mut tokenizer =
            Tokenizer::from_file(&tokenizer_path).map_err(|e| EmbeddingError::Invalid {
                path: tokenizer_path.clone(),
                message: e.to_string(),
            })?;
        // sentence-transformers tokenizes with truncation to max_seq_length and pads each
        // batch to its longest member, whatever tokenizer.json says (all-MiniLM-L6-v2's
        // pads to a fixed 128).
        let pad_id = tokenizer.get_padding().map_or(0, |p| p.pad_id);
        let pad_token = tokenizer
            .get_padding()
            .map_or_else(|| "[PAD]".to_owned(), |p| p.pad_token.clone());
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: max_tokens,
                ..TruncationParams::default()
            }))
            .map_err(|e| EmbeddingError::Invalid {
                path: tokenizer_path.clone(),
                message: e.to_string(),
            })?;
        tokenizer.with_padding(Some(PaddingParams {
            strategy: PaddingStrategy::BatchLongest,
            pad_id,
            pad_token,
            ..PaddingParams::default()
        }));
        let weights = dir.join("model.safetensors");
        if !weights.exists() {
            return Err(EmbeddingError::Read {
                path: weights,
                message: "no such file (only safetensors weights are read)".to_owned(),
            });
        }
        Ok(ModelDir {
            config,
            tokenizer,
            weights,
            normalize,
            max_tokens,
        })
    }
}
