//! What each fuzz target checks for one input. The same functions replay the committed corpus in
//! the app's own tests (`tests/fuzz_corpus.rs` includes this file), so a crash found here becomes
//! a failing `cargo test` as soon as its input is saved under `fuzz/regressions/<target>/`.
//!
//! Beyond "does not panic", each check holds the decoders to two promises the app relies on:
//! every refusal explains itself in words, and whatever is accepted can be written back and read
//! again without loss (files are reopened, drafts are saved after every change, links are
//! re-shared).

use tcop_assessor::core::assessment::Assessment;
use tcop_assessor::core::catalogue;
use tcop_assessor::core::codec::document::{self, MAX_DOCUMENT_BYTES};
use tcop_assessor::core::codec::share;
use tcop_assessor::core::framework::{ContentError, Framework};
use tcop_assessor::core::scoring;

/// What a target does with one input; it panics when a check fails.
pub type Check = fn(&[u8]);

/// The fuzz targets, by the name of their corpus folder.
pub const TARGETS: [(&str, Check); 4] = [
    ("document_json", document_json),
    ("share_link", share_link),
    ("stored_draft", stored_draft),
    ("framework_toml", framework_toml),
];

/// Every input the app decodes is text (a file read as UTF-8, a URL fragment, a localStorage
/// string), so bytes that are not UTF-8 never reach the decoders.
fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

fn explains(error: &dyn std::fmt::Display) {
    let message = error.to_string();
    assert!(!message.trim().is_empty(), "an error with no message");
}

/// A downloaded assessment file being opened.
pub fn document_json(data: &[u8]) {
    let Some(text) = text(data) else { return };
    match document::from_json(text) {
        Ok(imported) => {
            reads_back_the_same(&imported.assessment);
            // What the file says about its criteria must survive a save too.
            let again = document::from_json(&document::to_json(&imported.assessment));
            if let Ok(again) = again {
                assert_eq!(again.unknown_criteria, imported.unknown_criteria);
            }
        }
        Err(error) => explains(&error),
    }
}

/// A `#share=` payload being opened.
pub fn share_link(data: &[u8]) {
    let Some(payload) = text(data) else { return };
    match share::decode(payload) {
        Ok(imported) => {
            let again = share::decode(&share::encode(&imported.assessment));
            assert_eq!(
                again.map(|again| again.assessment),
                Ok(imported.assessment),
                "a link made from an opened link reads differently"
            );
        }
        Err(error) => explains(&error),
    }
}

/// A value found under the tool's localStorage prefix. The browser's loader
/// (`browser::storage::read`) hands the stored string straight to `document::from_json`;
/// the only other thing it does is pick keys by prefix. So the decoding is the same path as
/// `document_json`, and extracting a storage-specific core function would add nothing. What
/// differs is what happens next, which this target follows: a loaded draft is scored at once
/// for the start page and results, and saved again (compact JSON) on the next change, then
/// loaded on the next visit.
pub fn stored_draft(data: &[u8]) {
    let Some(stored) = text(data) else { return };
    let assessment = match document::from_json(stored) {
        Ok(imported) => imported.assessment,
        Err(error) => return explains(&error),
    };
    // A draft that loaded always names a built-in framework.
    let framework = match catalogue::framework(&assessment.framework.id) {
        Ok(framework) => framework,
        Err(error) => panic!("a loaded draft names a framework that does not load: {error}"),
    };
    let results = scoring::score(framework, &assessment);
    assert_eq!(results.points.len(), framework.points.len());
    if let Some(overall) = results.overall {
        assert!(overall.percent() <= 100, "overall {}%", overall.percent());
    }
    for point in &results.points {
        assert!(point.score.is_none_or(|score| score.percent() <= 100));
    }
    reads_back_the_same(&assessment);
}

/// Framework content being loaded. It is built into the app, not typed by users, but an editor's
/// mistake must be reported, never crash the build's tests or the page.
pub fn framework_toml(data: &[u8]) {
    let Some(text) = text(data) else { return };
    match Framework::from_toml(text) {
        Ok(framework) => {
            assert!(framework.problems().is_empty());
            // The lookups the pages use find everything the content lists.
            for point in &framework.points {
                assert!(framework.point(&point.id).is_some());
                for criterion in &point.criteria {
                    assert!(framework.criterion(&criterion.id).is_some());
                }
            }
            let blank = Assessment::new(&framework, Default::default());
            let results = scoring::score(&framework, &blank);
            assert_eq!(results.points.len(), framework.points.len());
        }
        Err(ContentError::Invalid(problems)) => {
            assert!(!problems.is_empty(), "content refused without a problem");
            for problem in &problems {
                explains(problem);
            }
        }
        Err(error) => explains(&error),
    }
}

/// What the tool writes from an accepted document, in both layouts, reads back as the same
/// assessment. Past the size limit a rewrite is refused by design, so that is not checked.
fn reads_back_the_same(assessment: &Assessment) {
    for json in [
        document::to_json(assessment),
        document::to_json_pretty(assessment),
    ] {
        if json.len() > MAX_DOCUMENT_BYTES {
            continue;
        }
        match document::from_json(&json) {
            Ok(again) => assert_eq!(&again.assessment, assessment, "changed by a save: {json}"),
            Err(error) => panic!("the tool cannot read what it wrote ({error}): {json}"),
        }
    }
}
