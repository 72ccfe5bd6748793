//! Replays the committed fuzz corpus, and every input that once crashed a fuzz target, through
//! the same checks the fuzz targets make. No nightly compiler or cargo-fuzz is needed: this runs
//! in the ordinary `cargo test`, so a fixed crash stays fixed.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::panic;
use std::path::{Path, PathBuf};

#[path = "../fuzz/src/lib.rs"]
mod checks;
mod common;

fn inputs(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("a readable folder").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_corpus_and_regression_input_passes_its_target_s_checks() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut failures = Vec::new();
    for (target, check) in checks::TARGETS {
        let corpus = inputs(&fuzz.join("corpus").join(target));
        // Seeds are committed for every target; an empty folder means they went missing.
        assert!(!corpus.is_empty(), "fuzz/corpus/{target} has no inputs");
        let regressions = inputs(&fuzz.join("regressions").join(target));
        for path in corpus.iter().chain(&regressions) {
            let data = fs::read(path).expect("a readable input");
            if panic::catch_unwind(|| check(&data)).is_err() {
                failures.push(path.display().to_string());
            }
        }
    }
    assert!(failures.is_empty(), "inputs that fail: {failures:#?}");
}

#[test]
fn every_target_has_a_corpus_folder_and_nothing_else_is_there() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let folders = common::sorted_names(&corpus);
    let mut targets: Vec<String> = checks::TARGETS
        .iter()
        .map(|(name, _)| (*name).to_owned())
        .collect();
    targets.sort();
    assert_eq!(folders, targets);
}

#[test]
fn the_fuzz_crate_builds_a_target_for_each_check() {
    let manifest =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/Cargo.toml"))
            .expect("fuzz/Cargo.toml");
    for (target, _) in checks::TARGETS {
        assert!(
            manifest.contains(&format!(
                "name = \"{target}\"\npath = \"fuzz_targets/{target}.rs\""
            )),
            "fuzz/Cargo.toml has no [[bin]] for {target}"
        );
        let source = fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fuzz/fuzz_targets")
                .join(format!("{target}.rs")),
        )
        .expect("the target's source");
        assert!(source.contains(&format!("tcop_assessor_fuzz::{target}(data)")));
    }
}
