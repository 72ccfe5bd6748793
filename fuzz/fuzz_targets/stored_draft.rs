//! A stored draft being loaded, scored and saved again. Its decoding is the same path as
//! `document_json` (the storage loader calls `document::from_json` and nothing else); see
//! `stored_draft` in `src/lib.rs` for why it is a target of its own.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tcop_assessor_fuzz::stored_draft(data));
