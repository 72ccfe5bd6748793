//! Promises about the built-in framework content that saved work relies on.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use tcop_assessor::core::catalogue;
use tcop_assessor::core::framework::Framework;

fn released_ids() -> BTreeSet<String> {
    include_str!("fixtures/released-ids.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

fn current_ids() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for framework in catalogue::frameworks() {
        ids.insert(framework.id.clone());
        for point in &framework.points {
            ids.insert(point.id.clone());
            ids.extend(point.criteria.iter().map(|criterion| criterion.id.clone()));
        }
    }
    ids
}

#[test]
fn no_released_id_ever_disappears() {
    let current = current_ids();
    let missing: Vec<_> = released_ids().difference(&current).cloned().collect();
    assert!(
        missing.is_empty(),
        "released IDs are missing from the content (saved work refers to them): {missing:?}"
    );
}

#[test]
fn every_id_in_the_content_is_recorded_as_released() {
    let released = released_ids();
    let unrecorded: Vec<_> = current_ids().difference(&released).cloned().collect();
    assert!(
        unrecorded.is_empty(),
        "new IDs must be added to tests/fixtures/released-ids.txt: {unrecorded:?}"
    );
}

/// The 2016 edition follows the public draft, which has no page on GOV.UK: GOV.UK's own page for
/// the code now shows the 2019 text.
const DRAFT_2016: &str =
    "https://docs.google.com/document/d/1P_OWfgBcLdGS7b2XzGWjDot9GOJ8gwrH_yAI5x9i18c/pub";

fn official(framework: &Framework, url: &str) -> bool {
    url.starts_with("https://www.gov.uk/")
        || url.starts_with("https://localdigital.gov.uk/")
        || (framework.id == "tcop-2016" && url == DRAFT_2016)
}

#[test]
fn every_link_goes_to_official_guidance() {
    for framework in catalogue::frameworks() {
        assert!(
            official(framework, &framework.url),
            "{} links to {}, which is not an official page",
            framework.id,
            framework.url
        );
        for point in &framework.points {
            assert!(
                official(framework, &point.url),
                "{} links to {}, which is not an official page",
                point.id,
                point.url
            );
        }
    }
}
