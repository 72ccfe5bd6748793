//! Encodings of the assessment document: the JSON document itself, the share link, the HTML
//! report and the CSV spreadsheet.

pub mod csv;
pub mod document;
pub mod report;
pub mod share;
