//! An assessment file being opened: `document::from_json`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tcop_assessor_fuzz::document_json(data));
