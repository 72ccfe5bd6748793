//! Reads and checks the framework content in `src/frameworks/*.toml`, and writes each framework in
//! its compact JSON form to `OUT_DIR` for `core::catalogue` to embed.
//!
//! Doing this at build time keeps a TOML parser out of the app (it was the largest single part of
//! the download after the content itself), and turns broken content into a build error that
//! names the problem, rather than a framework the app cannot load.

use std::fs;
use std::path::Path;

// The very code the app and the tests use to read and check content, so the build cannot accept
// anything the app would refuse. Much of the module is not needed here.
#[allow(dead_code)]
#[path = "src/core/framework.rs"]
mod framework;

fn main() {
    println!("cargo::rerun-if-changed=src/core/framework.rs");
    println!("cargo::rerun-if-changed=src/frameworks");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let mut sources: Vec<_> = fs::read_dir("src/frameworks")
        .expect("src/frameworks is readable")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    sources.sort();
    let mut failed = false;
    for source in sources {
        println!("cargo::rerun-if-changed={}", source.display());
        let text = fs::read_to_string(&source).expect("framework file is readable UTF-8");
        let name = source
            .file_stem()
            .and_then(|stem| stem.to_str())
            .expect("framework file names are UTF-8");
        match framework::Framework::from_toml(&text) {
            Ok(framework) => {
                let target = Path::new(&out_dir).join(format!("{name}.json"));
                fs::write(target, framework.to_compact()).expect("OUT_DIR is writable");
            }
            Err(error) => {
                // Every broken file is reported before the build stops.
                for line in format!("{}: {error}", source.display()).lines() {
                    println!("cargo::error={line}");
                }
                failed = true;
            }
        }
    }
    if failed {
        std::process::exit(1);
    }
}
