//! Encodings of the assessment document: the JSON document itself, and the share link.

pub mod document;
pub mod share;
