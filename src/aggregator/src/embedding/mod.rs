//! Sentence embeddings of sampled prompts (issue #18): a BERT-family sentence-transformers
//! directory (e.g. all-MiniLM-L6-v2) run on the CPU with candle, the recipe of
//! sentence-transformers: the model's own tokenizer (`tokenizer.json`, truncated to
//! `max_seq_length` of `sentence_bert_config.json`), the BERT encoder, mean pooling over the
//! attention mask (`1_Pooling/config.json`), then L2 normalisation when `modules.json` lists a
//! `Normalize` module. Checked against a reference computed outside this crate
//! (tests/fixtures/embeddings/, [`tests`]).
//!
//! candle rather than hand-written matrix code: it is Hugging Face's own Rust port of the
//! transformers BERT (the same weights layout, exact-erf GELU), pure Rust on the CPU (no BLAS),
//! and kept up to date with the models.

mod model_dir;
#[cfg(test)]
pub(crate) mod tests;

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::BertModel;
pub use model_dir::ModelDir;
use std::path::{Path, PathBuf};
use tokenizers::Tokenizer;

/// Why a model directory cannot be used, or an embedding failed.
#[derive(Debug, thiserror::Error)]
pub enum EmbeddingError {
    #[error("embedding model: cannot read {}: {message}", .path.display())]
    Read { path: PathBuf, message: String },
    #[error("embedding model: {} is not what a BERT sentence-transformers directory holds: {message}", .path.display())]
    Invalid { path: PathBuf, message: String },
    #[error("embedding model {}: only mean pooling is supported (1_Pooling/config.json asks for {mode})", .path.display())]
    Pooling { path: PathBuf, mode: String },
    #[error("tokenizing prompts failed: {0}")]
    Tokenize(String),
    #[error("the BERT forward pass failed: {0}")]
    Forward(#[from] candle_core::Error),
}

/// A loaded sentence encoder.
pub struct SentenceEncoder {
    model: BertModel,
    tokenizer: Tokenizer,
    normalize: bool,
    dimension: usize,
    max_tokens: usize,
    device: Device,
}

impl std::fmt::Debug for SentenceEncoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SentenceEncoder")
            .field("dimension", &self.dimension)
            .field("max_tokens", &self.max_tokens)
            .field("normalize", &self.normalize)
            .finish_non_exhaustive()
    }
}

impl SentenceEncoder {
    /// Loads a sentence-transformers directory (config.json, model.safetensors,
    /// tokenizer.json, optional modules.json, sentence_bert_config.json, 1_Pooling/).
    pub fn load(dir: &Path) -> Result<SentenceEncoder, EmbeddingError> {
        let files = ModelDir::read(dir)?;
        let device = Device::Cpu;
        let weights = candle_core::safetensors::load(&files.weights, &device).map_err(|e| {
            EmbeddingError::Invalid {
                path: files.weights.clone(),
                message: e.to_string(),
            }
        })?;
        let vb = VarBuilder::from_tensors(weights, DType::F32, &device);
        let model = BertModel::load(vb, &files.config).map_err(|e| EmbeddingError::Invalid {
            path: files.weights.clone(),
            message: e.to_string(),
        })?;
        Ok(SentenceEncoder {
            model,
            tokenizer: files.tokenizer,
            normalize: files.normalize,
            dimension: files.config.hidden_size,
            max_tokens: files.max_tokens,
            device,
        })
    }

    /// Length of every embedding (the model's hidden size).
    pub fn dimension(&self) -> usize {
        self.dimension
    }

    /// Word pieces per prompt, at most (longer prompts are truncated, as sentence-transformers does).
    pub fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    /// Number of word pieces `text` is cut to (with [CLS] and [SEP]).
    pub fn token_count(&self, text: &str) -> Result<usize, EmbeddingError> {
        let encoding = self
            .tokenizer
            .encode(text, true)
            .map_err(|e| EmbeddingError::Tokenize(e.to_string()))?;
        Ok(encoding.get_ids().len())
    }

    /// One embedding per text, in order (a batch padded to its longest member; the padding is
    /// masked out of attention and pooling).
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbeddingError> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        let encodings = self
            .tokenizer
            .encode_batch(texts.to_vec(), true)
            .map_err(|e| EmbeddingError::Tokenize(e.to_string()))?;
        let rows = encodings.len();
        let width = encodings
            .iter()
            .map(|e| e.get_ids().len())
            .max()
            .unwrap_or(0);
        let mut ids = Vec::with_capacity(rows * width);
        let mut types = Vec::with_capacity(rows * width);
        let mut mask = Vec::with_capacity(rows * width);
        for e in &encodings {
            let pad = width - e.get_ids().len();
            ids.extend(
                e.get_ids()
                    .iter()
                    .copied()
                    .chain(std::iter::repeat_n(0, pad)),
            );
            types.extend(
                e.get_type_ids()
                    .iter()
                    .copied()
                    .chain(std::iter::repeat_n(0, pad)),
            );
            mask.extend(
                e.get_attention_mask()
                    .iter()
                    .copied()
                    .chain(std::iter::repeat_n(0, pad)),
            );
        }
        let ids = Tensor::from_vec(ids, (rows, width), &self.device)?;
        let types = Tensor::from_vec(types, (rows, width), &self.device)?;
        let mask = Tensor::from_vec(mask, (rows, width), &self.device)?;
        let hidden = self.model.forward(&ids, &types, Some(&mask))?;
        // Mean pooling: Σ_t mask_t·h_t / max(Σ_t mask_t, 1e-9) (sentence-transformers Pooling).
        let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
        let summed = hidden.broadcast_mul(&mask)?.sum(1)?;
        let counts = mask.sum(1)?.clamp(1e-9f32, f32::MAX)?;
        let mut pooled = summed.broadcast_div(&counts)?;
        if self.normalize {
            // x / max(‖x‖₂, 1e-12) (torch.nn.functional.normalize, as sentence-transformers' Normalize).
            let norms = pooled
                .sqr()?
                .sum_keepdim(1)?
                .sqrt()?
                .clamp(1e-12f32, f32::MAX)?;
            pooled = pooled.broadcast_div(&norms)?;
        }
        Ok(pooled.to_vec2::<f32>()?)
    }
}
