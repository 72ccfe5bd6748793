//! The pure core: frameworks, the assessment document, scoring and routes. Nothing here knows
//! about the browser, so all of it is tested natively with `cargo test`.

pub mod assessment;
pub mod catalogue;
pub mod codec;
pub mod compare;
pub mod fingerprint;
pub mod forms;
pub mod framework;
pub mod reassess;
pub mod results_text;
pub mod route;
pub mod scoring;
