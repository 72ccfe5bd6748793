//! Framework content being loaded: `Framework::from_toml` and `problems()`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tcop_assessor_fuzz::framework_toml(data));
