//! The request side: which API a path belongs to ([`route`]), what the request body says
//! (`model`, `stream`, `stream_options.include_usage`: [`capture`]), and the opt-in body
//! rewrite that asks an OpenAI-compatible upstream for usage ([`rewrite`]), and the model a
//! path names when the body has none (Gemini, Vertex AI, Bedrock: [`path_model`]), and the
//! prompt's visible text for prompt sampling ([`prompt_text`]).

pub mod capture;
pub mod path_model;
pub mod prompt_text;
pub mod rewrite;
pub mod route;
