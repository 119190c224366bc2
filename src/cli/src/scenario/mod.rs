//! `llmtap demo`'s scenario: a baseline, then longer prompts on one model, a refusal burst on
//! another, a slow first token on a third and a steady control, through Envoy + llmtap with
//! `llmtap aggregate` scraping it; the verdicts and the HTML report at the end.

pub mod drive;
pub mod narrate;
pub mod script;
