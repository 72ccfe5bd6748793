//! Promises about the built-in framework content that saved work relies on.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use tcop_assessor::core::catalogue;
use tcop_assessor::core::framework::{Criterion, Framework, Level, OrganisationType};

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

/// Every text a person reads, with where it comes from, composed as the pages compose it.
fn shown_texts() -> Vec<(String, String)> {
    let mut shown = Vec::new();
    for framework in catalogue::frameworks() {
        let id = &framework.id;
        shown.push((id.clone(), framework.title.clone()));
        shown.push((id.clone(), framework.edition.clone()));
        shown.push((
            id.clone(),
            format!("Standard: {} ({})", framework.title, framework.edition),
        ));
        shown.push((id.clone(), framework.summary.clone()));
        for point in &framework.points {
            let id = &point.id;
            shown.push((id.clone(), format!("{}. {}", point.number, point.title)));
            shown.push((id.clone(), point.summary.clone()));
            shown.extend(
                point
                    .applicability
                    .iter()
                    .map(|text| (id.clone(), text.clone())),
            );
            for criterion in &point.criteria {
                let id = &criterion.id;
                shown.push((id.clone(), criterion.question.clone()));
                shown.push((id.clone(), criterion.hint.clone()));
                // The point page ends the source's sentence itself.
                if let Some(source) = &criterion.derived_from {
                    shown.push((
                        id.clone(),
                        format!("{} This question is based on: {source}.", criterion.hint),
                    ));
                }
                shown.extend(criterion.binding_note().map(|note| (id.clone(), note)));
            }
        }
    }
    shown
}

#[test]
fn no_source_ends_its_own_sentence() {
    for criterion in catalogue::frameworks().flat_map(Framework::criteria) {
        if let Some(source) = &criterion.derived_from {
            assert!(
                !source.trim_end().ends_with(['.', '?', '!']),
                "{}: derived_from ends with a stop, but the page adds one: {source:?}",
                criterion.id
            );
        }
    }
}

#[test]
fn no_shown_text_has_a_doubled_stop_or_space() {
    for (id, text) in shown_texts() {
        assert!(!text.contains(".."), "{id} shows {text:?}");
        assert!(!text.contains("  "), "{id} shows {text:?}");
    }
}

#[test]
fn every_hint_speaks_in_one_voice() {
    const VOICE: &str = "Evidence could include: ";
    for criterion in catalogue::frameworks().flat_map(Framework::criteria) {
        let rest = criterion.hint.strip_prefix(VOICE).unwrap_or_else(|| {
            panic!(
                "{}: a hint starts \"{VOICE}\", this one is {:?}",
                criterion.id, criterion.hint
            )
        });
        assert!(
            rest.len() > 1 && rest.ends_with('.'),
            "{}: {:?}",
            criterion.id,
            criterion.hint
        );
    }
}

/// GOV.UK style: sentences of about 25 words. Sources are left out: they name documents and
/// addresses in full.
#[test]
fn no_sentence_is_longer_than_25_words() {
    let mut prose = Vec::new();
    for framework in catalogue::frameworks() {
        prose.push((framework.id.clone(), framework.summary.clone()));
        for point in &framework.points {
            prose.push((point.id.clone(), point.summary.clone()));
            prose.extend(
                point
                    .applicability
                    .iter()
                    .map(|text| (point.id.clone(), text.clone())),
            );
            for criterion in &point.criteria {
                prose.push((criterion.id.clone(), criterion.question.clone()));
                prose.push((criterion.id.clone(), criterion.hint.clone()));
            }
        }
    }
    for (id, text) in prose {
        let mut words = 0;
        for word in text.split_whitespace() {
            words += 1;
            assert!(
                words <= 25,
                "{id} has a sentence of more than 25 words: {text:?}"
            );
            if word.ends_with(['.', '?', '!']) {
                words = 0;
            }
        }
    }
}

fn criterion(id: &str) -> &'static Criterion {
    let framework = id.split('/').next().unwrap_or_default();
    catalogue::framework(framework)
        .ok()
        .and_then(|framework| framework.criterion(id))
        .map(|(_, criterion)| criterion)
        .unwrap_or_else(|| panic!("{id} is in the content"))
}

#[test]
fn considering_cloud_binds_everyone_and_public_cloud_first_binds_central_government() {
    let considered = criterion("tcop-2025/p05/c01");
    assert_eq!(considered.level, Level::Must);
    assert_eq!(considered.must_for, None);
    let public_cloud_first = criterion("tcop-2025/p05/c08");
    assert_eq!(public_cloud_first.level, Level::Must);
    assert_eq!(
        public_cloud_first.must_for.as_deref(),
        Some(&[OrganisationType::Central][..])
    );
    for kind in [OrganisationType::Local, OrganisationType::OtherPublic] {
        assert_eq!(considered.level_for(Some(kind)), Level::Must);
        assert_eq!(public_cloud_first.level_for(Some(kind)), Level::Should);
    }
    assert_eq!(
        public_cloud_first.level_for(Some(OrganisationType::Central)),
        Level::Must
    );
}

#[test]
fn a_must_that_binds_only_some_organisations_names_its_source() {
    let mut bound = 0;
    for criterion in catalogue::frameworks().flat_map(Framework::criteria) {
        if criterion.must_for.is_some() {
            bound += 1;
            assert!(
                criterion.derived_from.is_some(),
                "{} binds only some organisations but does not say which text makes it so",
                criterion.id
            );
        }
    }
    assert!(bound > 0);
}

#[test]
fn the_2016_edition_is_named_as_the_public_draft() {
    let draft = catalogue::framework("tcop-2016").expect("built in");
    assert!(draft.title.contains("draft"), "{}", draft.title);
    assert!(draft.edition.contains("draft"), "{}", draft.edition);
    assert!(
        draft
            .summary
            .contains("not a statement of government policy"),
        "{}",
        draft.summary
    );
    assert!(!draft.summary.contains("published in August 2016, after"));
}

/// Services that have closed are named as history, in the same summary or criterion that names
/// them.
#[test]
fn closed_services_are_named_as_closed() {
    const CLOSED: [&str; 3] = [
        "Digital Marketplace",
        "GOV.UK Verify",
        "Platform as a Service",
    ];
    let mut texts = Vec::new();
    for framework in catalogue::frameworks() {
        texts.push((framework.id.clone(), framework.summary.clone()));
        for point in &framework.points {
            texts.push((point.id.clone(), point.summary.clone()));
            // A criterion's question, hint and source are shown together.
            for criterion in &point.criteria {
                let source = criterion.derived_from.as_deref().unwrap_or_default();
                let shown = format!("{} {} {source}", criterion.question, criterion.hint);
                texts.push((criterion.id.clone(), shown));
            }
        }
    }
    let mut named = 0;
    for (id, text) in texts {
        for service in CLOSED.iter().filter(|service| text.contains(*service)) {
            named += 1;
            assert!(
                text.contains("closed"),
                "{id} names {service} without saying it has closed: {text:?}"
            );
        }
    }
    assert!(named > 0);
}

#[test]
fn the_greening_government_strategy_is_named_with_its_dates() {
    const STRATEGY: &str = "ICT and Digital Services Strategy";
    let mut named = 0;
    for (id, text) in shown_texts() {
        if text.contains(STRATEGY) {
            named += 1;
            assert!(text.contains("2020 to 2025"), "{id}: {text:?}");
        }
    }
    assert!(named > 0);
}
