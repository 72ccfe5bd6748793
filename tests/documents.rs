//! Saved documents of every version keep opening, and every kind of bad file or link is refused
//! with its own error. The fixtures are committed files, so they also pin what was once written.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use tcop_assessor::core::assessment::{Marking, Phase, Status};
use tcop_assessor::core::catalogue;
use tcop_assessor::core::codec::document::{
    self, DocumentError, Imported, MAX_DOCUMENT_BYTES, VERSION,
};
use tcop_assessor::core::codec::share::{self, LinkError};
use tcop_assessor::core::framework::OrganisationType;

fn fixture(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path);
    fs::read_to_string(&full).unwrap_or_else(|error| panic!("{}: {error}", full.display()))
}

fn load(path: &str) -> Imported {
    document::from_json(&fixture(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
}

#[test]
fn the_complete_v1_document_loads_with_every_value() {
    let imported = load("documents/v1-complete.json");
    let assessment = &imported.assessment;

    assert_eq!(assessment.framework.id, "tcop-2025");
    assert_eq!(
        assessment.framework.edition,
        "13 points, last updated 18 February 2025"
    );
    // The edition is only reported when the built-in content has moved on since.
    let current = &catalogue::framework("tcop-2025").expect("built in").edition;
    assert_eq!(
        imported.other_edition.is_some(),
        current != "13 points, last updated 18 February 2025"
    );

    let details = &assessment.details;
    assert_eq!(details.name, "Case management \"Phase 2\" </script>");
    assert_eq!(
        details.organisation,
        "Department for Testing — Ünïcödé Unit"
    );
    assert_eq!(details.assessor, "Alex O'Neill");
    assert_eq!(details.phase, Some(Phase::Beta));
    assert_eq!(details.date.as_deref(), Some("2026-02-28"));
    assert_eq!(details.marking, Marking::OfficialSensitive);

    let answers = &assessment.answers;
    assert_eq!(answers.len(), 9);
    let status = |id: &str| answers.get(id).and_then(|answer| answer.status);
    assert_eq!(status("tcop-2025/p01/c01"), Some(Status::Met));
    assert_eq!(status("tcop-2025/p01/c02"), Some(Status::PartlyMet));
    assert_eq!(status("tcop-2025/p02/c01"), Some(Status::NotMet));
    assert_eq!(status("tcop-2025/p03/c01"), Some(Status::NotApplicable));
    for bare in [
        "tcop-2025/p01/c01",
        "tcop-2025/p01/c02",
        "tcop-2025/p02/c01",
        "tcop-2025/p03/c01",
        "ldd-2018/p02/c01",
    ] {
        let answer = &answers[bare];
        assert!(
            answer.evidence.is_empty()
                && answer.action.is_empty()
                && answer.owner.is_empty()
                && answer.due.is_empty(),
            "{bare} has only a status"
        );
    }

    let full = &answers["tcop-2025/p05/c01"];
    assert_eq!(full.status, Some(Status::NotMet));
    assert_eq!(
        full.evidence,
        "Hosting review, 2025.\nSee \"options\" <draft> & notes 🚀"
    );
    assert_eq!(full.action, "Evaluate public cloud\tbefore renewal");
    assert_eq!(full.owner, "Priya Shah");
    assert_eq!(full.due, "2028-02-29");

    let partial = &answers["tcop-2025/p06/c02"];
    assert_eq!(partial.status, Some(Status::PartlyMet));
    assert_eq!(partial.evidence, "Threat model agreed");
    assert!(partial.action.is_empty() && partial.owner.is_empty() && partial.due.is_empty());

    let notes_only = &answers["tcop-2025/p04/c03"];
    assert_eq!(notes_only.status, None);
    assert_eq!(notes_only.action, "Decide who owns this");
    assert_eq!(notes_only.due, "2027-01-01");
    assert!(notes_only.evidence.is_empty() && notes_only.owner.is_empty());

    // Answers keyed to other frameworks' criteria are kept and reported, not scored or dropped.
    assert_eq!(status("ldd-2018/p02/c01"), Some(Status::Met));
    let other = &answers["service-standard/p01/c01"];
    assert_eq!(other.status, Some(Status::NotApplicable));
    assert_eq!(other.owner, "Sam");
    assert_eq!(
        imported.unknown_criteria,
        ["ldd-2018/p02/c01", "service-standard/p01/c01"]
    );
}

#[test]
fn the_complete_v1_document_survives_being_saved_again() {
    let imported = load("documents/v1-complete.json");
    for json in [
        document::to_json(&imported.assessment),
        document::to_json_pretty(&imported.assessment),
    ] {
        assert_eq!(
            document::from_json(&json).expect("reads").assessment,
            imported.assessment
        );
    }
}

fn documents_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/documents")
}

#[test]
fn there_is_a_complete_fixture_for_every_version_and_each_loads() {
    for version in 1..=VERSION {
        let name = format!("v{version}-complete.json");
        assert!(
            documents_folder().join(&name).is_file(),
            "add tests/fixtures/documents/{name} for format version {version}"
        );
    }
    // Every document ever committed here, of any version, still opens.
    let mut count = 0;
    for entry in fs::read_dir(documents_folder()).expect("fixtures folder") {
        let path = entry.expect("entry").path();
        let text = fs::read_to_string(&path).expect("readable");
        if let Err(error) = document::from_json(&text) {
            panic!("{}: {error}", path.display());
        }
        count += 1;
    }
    assert!(count >= VERSION as usize);
}

#[test]
fn a_document_from_a_newer_version_asks_for_the_newer_tool() {
    let latest = fixture(&format!("documents/v{VERSION}-complete.json"));
    let next = VERSION + 1;
    let newer = latest.replacen(
        &format!("\"version\": {VERSION}"),
        &format!("\"version\": {next}"),
        1,
    );
    assert_ne!(latest, newer);
    assert_eq!(
        document::from_json(&newer),
        Err(DocumentError::NewerVersion(next))
    );
}

#[test]
fn a_version_1_document_is_for_an_organisation_of_a_type_not_stated() {
    assert_eq!(
        load("documents/v1-complete.json")
            .assessment
            .details
            .organisation_type,
        None
    );
    // Version 1 ignored members it did not know, so one that happens to be there still means
    // nothing after the upgrade.
    let v1 = fixture("documents/v1-complete.json").replacen(
        "\"assessor\":",
        "\"organisation_type\": \"central\", \"assessor\":",
        1,
    );
    let imported = document::from_json(&v1).expect("reads");
    assert_eq!(imported.assessment.details.organisation_type, None);
    // Upgraded and saved again, it is a current document with every other value intact.
    let again = document::from_json(&document::to_json(&imported.assessment)).expect("reads");
    assert_eq!(
        again.assessment,
        load("documents/v1-complete.json").assessment
    );
}

#[test]
fn the_complete_v2_document_loads_with_the_organisation_type_and_every_v1_value() {
    let v2 = load("documents/v2-complete.json").assessment;
    assert_eq!(v2.details.organisation_type, Some(OrganisationType::Local));
    assert_eq!(
        v2.details.organisation,
        "Borough Council of Testing — Ünïcödé Unit"
    );
    // Apart from those two details it is the v1 fixture, which loads as checked above.
    let mut v1 = load("documents/v1-complete.json").assessment;
    v1.details.organisation_type = Some(OrganisationType::Local);
    v1.details.organisation = v2.details.organisation.clone();
    assert_eq!(v2, v1);
    for kind in OrganisationType::ALL {
        let mut assessment = v2.clone();
        assessment.details.organisation_type = Some(kind);
        let json = document::to_json(&assessment);
        assert!(json.contains(&format!("\"organisation_type\":\"{}\"", kind.code())));
        assert_eq!(
            document::from_json(&json).expect("reads").assessment,
            assessment
        );
    }
    let mut not_stated = v2;
    not_stated.details.organisation_type = None;
    let json = document::to_json(&not_stated);
    assert!(!json.contains("organisation_type"), "{json}");
}

fn bad(name: &str) -> DocumentError {
    match document::from_json(&fixture(&format!("bad/{name}"))) {
        Ok(_) => panic!("bad/{name} was accepted"),
        Err(error) => error,
    }
}

#[test]
fn each_bad_file_gets_its_own_error() {
    // YAML-like text: the parser reads "f" as the start of `false` and fails at the "o".
    assert_eq!(
        bad("not-json.json"),
        DocumentError::NotJson { line: 1, column: 2 }
    );
    assert_eq!(bad("not-this-format.json"), DocumentError::NotThisFormat);
    // This one also nests deeper than any version so far allows: the version still wins, because the
    // person needs to be told to use a newer tool, not that the file is no assessment at all.
    assert_eq!(bad("newer-version.json"), DocumentError::NewerVersion(99));
    assert_eq!(
        bad("unknown-framework.json"),
        DocumentError::UnknownFramework("tcop-2099".into())
    );
    assert_eq!(
        bad("wrong-type.json"),
        DocumentError::WrongField {
            at: "details.assessor".into(),
            expected: "text"
        }
    );
    assert_eq!(bad("too-deep.json"), DocumentError::TooDeep);
}

#[test]
fn every_bad_file_has_a_test_and_a_message() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let names = common::sorted_names(&folder);
    assert_eq!(
        names,
        [
            "newer-version.json",
            "not-json.json",
            "not-this-format.json",
            "too-deep.json",
            "unknown-framework.json",
            "wrong-type.json"
        ]
    );
    for name in names {
        assert!(!bad(&name).to_string().is_empty());
    }
}

#[test]
fn a_file_over_5_mb_is_refused_before_it_is_read() {
    let valid = fixture("documents/v1-complete.json");
    // A valid document padded with white space to one byte past the limit.
    let padding = MAX_DOCUMENT_BYTES + 1 - valid.len();
    let oversized = format!("{valid}{}", " ".repeat(padding));
    assert_eq!(
        document::from_json(&oversized),
        Err(DocumentError::TooLarge {
            bytes: MAX_DOCUMENT_BYTES + 1
        })
    );
    // One byte less and the same document opens.
    assert!(document::from_json(&oversized[..MAX_DOCUMENT_BYTES]).is_ok());
}

/// A payload made from any bytes the way the tool makes links.
fn link_of(bytes: &[u8]) -> String {
    format!(
        "{}{}",
        share::PREFIX,
        URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(bytes, 6))
    )
}

fn good_link() -> String {
    share::encode(&load("documents/v1-complete.json").assessment)
}

#[test]
fn the_complete_document_travels_by_link() {
    let imported = load("documents/v1-complete.json");
    let opened = share::decode(&good_link()).expect("opens");
    assert_eq!(opened.assessment, imported.assessment);
    assert_eq!(opened.unknown_criteria, imported.unknown_criteria);
}

#[test]
fn each_kind_of_broken_link_gets_its_own_error() {
    let good = good_link();

    // Not base64url: characters of standard base64 and of the URL itself, in place of one of the
    // link's own characters, so that the length stays right.
    for stranger in ["+", "/", "#", "%", "="] {
        let broken = format!("{}{stranger}{}", &good[..20], &good[21..]);
        assert_eq!(
            share::decode(&broken),
            Err(LinkError::NotBase64),
            "{broken}"
        );
    }

    // Cut short anywhere past the prefix: the base64 or the DEFLATE stream ends too soon. (Any
    // shorter cut still decodes as base64 of a shorter stream, which cannot be complete.)
    for cut in (share::PREFIX.len() + 1..good.len()).step_by(7) {
        assert_eq!(
            share::decode(&good[..cut]),
            Err(LinkError::Truncated),
            "cut at {cut} of {}",
            good.len()
        );
    }

    // Base64url of bytes that are not a DEFLATE stream (BTYPE 11 is reserved).
    let not_deflate = format!("{}{}", share::PREFIX, URL_SAFE_NO_PAD.encode([0x07; 32]));
    assert_eq!(share::decode(&not_deflate), Err(LinkError::NotCompressed));

    // A valid DEFLATE stream of text that is not an assessment.
    assert_eq!(
        share::decode(&link_of(br#"{"hello":"world"}"#)),
        Err(LinkError::Document(DocumentError::NotThisFormat))
    );
    assert_eq!(
        share::decode(&link_of(b"<html>not even JSON</html>")),
        Err(LinkError::Document(DocumentError::NotJson {
            line: 1,
            column: 1
        }))
    );

    // A link version this tool has never made.
    for version in ["v3.", "v10.", "v0."] {
        let future = good.replacen(share::PREFIX, version, 1);
        assert_eq!(
            share::decode(&future),
            Err(LinkError::UnknownVersion),
            "{version}"
        );
    }
    assert_eq!(share::decode("share=abc"), Err(LinkError::NotAShareLink));

    for error in [
        LinkError::NotBase64,
        LinkError::Truncated,
        LinkError::NotCompressed,
        LinkError::UnknownVersion,
        LinkError::TooLarge,
    ] {
        assert!(!error.to_string().is_empty());
    }
}

#[test]
fn a_link_that_inflates_past_5_mb_is_refused() {
    // Just past the limit.
    let bomb = link_of(&vec![b'{'; MAX_DOCUMENT_BYTES + 1]);
    assert_eq!(share::decode(&bomb), Err(LinkError::TooLarge));
    // That it stops while inflating, rather than after, is shown in tests/inflate_limit.rs.
}

/// Links people have already sent must keep opening: each golden link here holds the complete
/// fixture document. The `v1.` one was made outside this code (Python's zlib), the `v2.` one by
/// the encoder when packing was introduced. Neither file may ever change.
#[test]
fn golden_links_of_every_version_still_open() {
    let expected = load("documents/v1-complete.json");
    for (file, prefix) in [
        ("links/v1-complete.txt", "v1."),
        ("links/v2-complete.txt", "v2."),
    ] {
        let link = fixture(file);
        let link = link.trim_end();
        assert!(link.starts_with(prefix), "{file}");
        let opened = share::decode(link).unwrap_or_else(|error| panic!("{file}: {error}"));
        assert_eq!(opened.assessment, expected.assessment, "{file}");
        assert_eq!(opened.unknown_criteria, expected.unknown_criteria, "{file}");
    }
}

#[test]
fn the_complete_v3_document_loads_with_where_it_started_and_what_is_carried_over() {
    let v3 = load("documents/v3-complete.json").assessment;
    assert_eq!(v3.id.as_deref(), Some("case-mgmt-2026-beta"));
    let from = v3.started_from.as_ref().expect("started from");
    assert_eq!(from.id.as_deref(), Some("case-mgmt-2025-alpha"));
    assert_eq!(from.name, "Case management \"Phase 1\"");
    assert_eq!(from.date.as_deref(), Some("2025-09-30"));
    assert_eq!(
        from.fingerprint,
        "e4c0130c5a581db495a23e5fa329ece9cabc9df6cddbbbe2dac624fa24f0e2b5"
    );
    assert!(v3.answers["tcop-2025/p05/c01"].carried_over);
    assert_eq!(v3.unchecked(), 1);
    // Apart from those, it is the v2 fixture.
    let mut v2 = load("documents/v2-complete.json").assessment;
    v2.id = v3.id.clone();
    v2.started_from = v3.started_from.clone();
    if let Some(answer) = v2.answers.get_mut("tcop-2025/p05/c01") {
        answer.carried_over = true;
    }
    assert_eq!(v3, v2);
    let again = document::from_json(&document::to_json(&v3)).expect("reads");
    assert_eq!(again.assessment, v3);
}

#[test]
fn a_version_2_document_never_reads_members_added_in_version_3() {
    let v3 = fixture("documents/v3-complete.json");
    let as_v2 = v3.replacen("\"version\": 3", "\"version\": 2", 1);
    let read = document::from_json(&as_v2).expect("reads").assessment;
    assert_eq!(read.id, None);
    assert_eq!(read.started_from, None);
    assert_eq!(read.unchecked(), 0);
    assert_eq!(read, load("documents/v2-complete.json").assessment);
}
