//! Promises about the built-in framework content that saved work relies on.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use tcop_assessor::core::catalogue;

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

#[test]
fn every_point_links_to_official_guidance() {
    for framework in catalogue::frameworks() {
        for point in &framework.points {
            assert!(
                point.url.starts_with("https://www.gov.uk/")
                    || point.url.starts_with("https://localdigital.gov.uk/"),
                "{} links to {}, which is not an official page",
                point.id,
                point.url
            );
        }
    }
}
