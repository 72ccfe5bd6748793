//! Encodings of the assessment document: the JSON document itself, the share link and the HTML
//! report.

pub mod document;
pub mod report;
pub mod share;
