//! A share link's payload being opened: `share::decode`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tcop_assessor_fuzz::share_link(data));
