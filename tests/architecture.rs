//! Keeps the core free of browser types, so it stays testable natively and reusable.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable source folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn the_core_never_uses_browser_or_ui_crates() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core"),
        &mut files,
    );
    assert!(!files.is_empty());
    for file in files {
        let text = fs::read_to_string(&file).expect("readable file");
        for forbidden in [
            "leptos",
            "web_sys",
            "wasm_bindgen",
            "gloo",
            "js_sys",
            "crate::ui",
            "crate::browser",
        ] {
            assert!(
                !text.contains(forbidden),
                "{} mentions {forbidden}; the core must not depend on the browser",
                file.display()
            );
        }
    }
}
