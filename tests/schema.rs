//! `schema/assessment.schema.json` says exactly what `document::from_json` accepts. There is no
//! schema validator here: instead each claim the schema makes (enums, limits, required members,
//! which members may be null) is read from it and tried against the real reader.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{json, Map, Value};
use tcop_assessor::core::assessment::{Marking, Phase, Status};
use tcop_assessor::core::catalogue;
use tcop_assessor::core::codec::document::{
    self, DocumentError, FORMAT, MAX_ANSWERS, MAX_ASSESSMENT_ID_CHARS, MAX_ID_CHARS,
    MAX_LONG_TEXT_CHARS, MAX_SHORT_TEXT_CHARS, VERSION,
};
use tcop_assessor::core::framework::OrganisationType;

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/assessment.schema.json");
    let text = std::fs::read_to_string(path).expect("the schema file");
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// The complete fixture, which uses every member the format has.
fn complete() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/documents/v{VERSION}-complete.json"));
    let text = std::fs::read_to_string(path).expect("the fixture of the current version");
    serde_json::from_str(&text).expect("the fixture is JSON")
}

/// The one answer in the fixture that has every member.
const FULL_ANSWER: &str = "/answers/tcop-2025~1p05~1c01";

fn at<'a>(value: &'a Value, pointer: &str) -> &'a Value {
    value
        .pointer(pointer)
        .unwrap_or_else(|| panic!("nothing at {pointer}"))
}

fn strings(value: &Value) -> Vec<Option<String>> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|item| item.as_str().map(str::to_owned))
        .collect()
}

fn read(document: &Value) -> Result<document::Imported, DocumentError> {
    document::from_json(&document.to_string())
}

/// The schema of each object member, by where the member sits in the complete document.
fn members(schema: &Value) -> Vec<(String, String, Value)> {
    let mut found = Vec::new();
    for (object_at, schema_at) in [
        ("", ""),
        ("/framework", "/properties/framework"),
        ("/details", "/properties/details"),
        (FULL_ANSWER, "/$defs/answer"),
    ] {
        let properties = at(schema, &format!("{schema_at}/properties"))
            .as_object()
            .expect("properties");
        for (name, member) in properties {
            found.push((object_at.to_owned(), name.clone(), member.clone()));
        }
    }
    found
}

fn required(schema: &Value, schema_at: &str) -> Vec<String> {
    match schema.pointer(&format!("{schema_at}/required")) {
        Some(list) => strings(list).into_iter().flatten().collect(),
        None => Vec::new(),
    }
}

#[test]
fn the_schema_is_draft_2020_12_and_describes_this_format_and_version() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    // Relative, so the file describes itself wherever it is published.
    let id = schema["$id"].as_str().unwrap_or("");
    assert!(!id.contains("://"), "{id}");
    assert_eq!(at(&schema, "/properties/format/const"), FORMAT);
    assert_eq!(at(&schema, "/properties/version/type"), "integer");
    assert_eq!(at(&schema, "/properties/version/const"), VERSION);
}

#[test]
fn the_complete_fixture_uses_every_member_the_schema_names() {
    let schema = schema();
    let document = complete();
    for (object_at, name, _) in members(&schema) {
        assert!(
            at(&document, &object_at).get(&name).is_some(),
            "the fixture has no {object_at}/{name}"
        );
    }
    assert!(read(&document).is_ok());
}

#[test]
fn the_status_enum_is_the_codec_s_statuses() {
    let schema = schema();
    let codes: Vec<Option<String>> = Status::ALL
        .iter()
        .map(|status| Some(status.code().to_owned()))
        .collect();
    assert_eq!(strings(at(&schema, "/$defs/status/enum")), codes);
    // Both forms of an answer take exactly these statuses.
    let mut document = complete();
    for code in Status::ALL.map(Status::code) {
        document["answers"]["tcop-2025/p01/c01"] = json!(code);
        document["answers"]["tcop-2025/p05/c01"]["status"] = json!(code);
        assert!(read(&document).is_ok(), "{code}");
    }
    for refused in ["", "Met", "partly_met", "not-met"] {
        let mut bare = complete();
        bare["answers"]["tcop-2025/p01/c01"] = json!(refused);
        assert!(read(&bare).is_err(), "bare {refused:?}");
        let mut full = complete();
        full["answers"]["tcop-2025/p05/c01"]["status"] = json!(refused);
        assert!(read(&full).is_err(), "object {refused:?}");
    }
}

#[test]
fn the_other_enums_are_the_codec_s_codes() {
    let schema = schema();
    let with_empty = |codes: Vec<&str>| {
        let mut list: Vec<Option<String>> = codes
            .into_iter()
            .map(|code| Some(code.to_owned()))
            .collect();
        list.push(Some(String::new()));
        list.push(None);
        list
    };
    assert_eq!(
        strings(at(&schema, "/properties/details/properties/phase/enum")),
        with_empty(Phase::ALL.map(Phase::code).to_vec())
    );
    assert_eq!(
        strings(at(&schema, "/properties/details/properties/marking/enum")),
        with_empty(Marking::ALL.map(Marking::code).to_vec())
    );
    assert_eq!(
        strings(at(
            &schema,
            "/properties/details/properties/organisation_type/enum"
        )),
        with_empty(OrganisationType::ALL.map(OrganisationType::code).to_vec())
    );
    let ids: Vec<Option<String>> = catalogue::ids().map(|id| Some(id.to_owned())).collect();
    assert_eq!(
        strings(at(&schema, "/properties/framework/properties/id/enum")),
        ids
    );
    // Each listed value is read; a value not listed is refused.
    for (member, values) in [
        ("phase", with_empty(Phase::ALL.map(Phase::code).to_vec())),
        (
            "marking",
            with_empty(Marking::ALL.map(Marking::code).to_vec()),
        ),
        (
            "organisation_type",
            with_empty(OrganisationType::ALL.map(OrganisationType::code).to_vec()),
        ),
    ] {
        for value in values {
            let mut document = complete();
            document["details"][member] = json!(value);
            assert!(read(&document).is_ok(), "{member} {value:?}");
        }
        let mut document = complete();
        document["details"][member] = json!("Beta");
        assert!(read(&document).is_err(), "{member} Beta");
    }
    for id in catalogue::ids() {
        let mut document = complete();
        document["framework"]["id"] = json!(id);
        assert!(read(&document).is_ok(), "{id}");
    }
}

/// Every length limit in the schema, by where it sits, with the constant the codec uses there.
fn limits() -> BTreeMap<&'static str, usize> {
    BTreeMap::from([
        (
            "/properties/framework/properties/id/maxLength",
            MAX_ID_CHARS,
        ),
        (
            "/properties/framework/properties/edition/maxLength",
            MAX_SHORT_TEXT_CHARS,
        ),
        (
            "/properties/details/properties/name/maxLength",
            MAX_SHORT_TEXT_CHARS,
        ),
        (
            "/properties/details/properties/organisation/maxLength",
            MAX_SHORT_TEXT_CHARS,
        ),
        (
            "/properties/details/properties/assessor/maxLength",
            MAX_SHORT_TEXT_CHARS,
        ),
        ("/properties/answers/maxProperties", MAX_ANSWERS),
        ("/properties/answers/propertyNames/maxLength", MAX_ID_CHARS),
        (
            "/$defs/answer/properties/evidence/maxLength",
            MAX_LONG_TEXT_CHARS,
        ),
        (
            "/$defs/answer/properties/action/maxLength",
            MAX_LONG_TEXT_CHARS,
        ),
        (
            "/$defs/answer/properties/owner/maxLength",
            MAX_SHORT_TEXT_CHARS,
        ),
        ("/$defs/assessmentId/maxLength", MAX_ASSESSMENT_ID_CHARS),
        (
            "/properties/started_from/anyOf/0/properties/name/maxLength",
            MAX_SHORT_TEXT_CHARS,
        ),
        (
            "/properties/started_from/anyOf/0/properties/fingerprint/maxLength",
            MAX_ID_CHARS,
        ),
    ])
}

fn find_limits(value: &Value, pointer: String, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                let here = format!("{pointer}/{escaped}");
                if matches!(key.as_str(), "maxLength" | "maxProperties" | "maxItems") {
                    found.push(here.clone());
                }
                find_limits(inner, here, found);
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                find_limits(inner, format!("{pointer}/{index}"), found);
            }
        }
        _ => {}
    }
}

#[test]
fn every_limit_in_the_schema_is_the_codec_s_constant() {
    let schema = schema();
    let limits = limits();
    let mut found = Vec::new();
    find_limits(&schema, String::new(), &mut found);
    found.sort();
    let expected: Vec<String> = limits.keys().map(|key| (*key).to_owned()).collect();
    assert_eq!(found, expected, "a limit in the schema has no check here");
    for (pointer, constant) in limits {
        assert_eq!(
            at(&schema, pointer).as_u64(),
            Some(constant as u64),
            "{pointer}"
        );
    }
}

/// Sets one text member to `chars` characters (multi-byte ones, since limits count characters).
fn with_text(member: &str, chars: usize) -> Value {
    let mut document = complete();
    let text = "é".repeat(chars);
    match member {
        "framework.edition" => document["framework"]["edition"] = json!(text),
        "details.name" | "details.organisation" | "details.assessor" => {
            let name = &member["details.".len()..];
            document["details"][name] = json!(text);
        }
        _ => {
            let name = member.rsplit('.').next().expect("a member");
            document["answers"]["tcop-2025/p05/c01"][name] = json!(text);
        }
    }
    document
}

#[test]
fn the_reader_enforces_each_text_limit_exactly_where_the_schema_says() {
    for (member, limit) in [
        ("framework.edition", MAX_SHORT_TEXT_CHARS),
        ("details.name", MAX_SHORT_TEXT_CHARS),
        ("details.organisation", MAX_SHORT_TEXT_CHARS),
        ("details.assessor", MAX_SHORT_TEXT_CHARS),
        ("answers.tcop-2025/p05/c01.evidence", MAX_LONG_TEXT_CHARS),
        ("answers.tcop-2025/p05/c01.action", MAX_LONG_TEXT_CHARS),
        ("answers.tcop-2025/p05/c01.owner", MAX_SHORT_TEXT_CHARS),
    ] {
        assert!(
            read(&with_text(member, limit)).is_ok(),
            "{member} at {limit}"
        );
        assert_eq!(
            read(&with_text(member, limit + 1)).map(|_| ()),
            Err(DocumentError::TooLong {
                at: member.to_owned(),
                limit
            }),
            "{member}"
        );
    }

    // Criterion IDs: any text up to the limit is kept (unknown IDs are reported, not refused).
    let mut document = complete();
    let longest = "k".repeat(MAX_ID_CHARS);
    document["answers"][&longest] = json!("met");
    let imported = read(&document).expect("a key at the limit");
    assert!(imported.unknown_criteria.contains(&longest));
    document["answers"][format!("{longest}k")] = json!("met");
    assert!(matches!(
        read(&document),
        Err(DocumentError::TooLong { limit, .. }) if limit == MAX_ID_CHARS
    ));

    // Framework IDs longer than the limit are refused before they are looked up.
    let mut document = complete();
    document["framework"]["id"] = json!("t".repeat(MAX_ID_CHARS + 1));
    assert!(matches!(
        read(&document),
        Err(DocumentError::TooLong { limit, .. }) if limit == MAX_ID_CHARS
    ));

    // The number of answers.
    let answers = |count: usize| -> Map<String, Value> {
        (0..count)
            .map(|n| (format!("x/{n}"), json!("na")))
            .collect()
    };
    let mut document = complete();
    document["answers"] = Value::Object(answers(MAX_ANSWERS));
    assert!(read(&document).is_ok());
    document["answers"] = Value::Object(answers(MAX_ANSWERS + 1));
    assert_eq!(
        read(&document).map(|_| ()),
        Err(DocumentError::TooManyAnswers(MAX_ANSWERS + 1))
    );
}

fn remove(document: &mut Value, object_at: &str, name: &str) {
    let object = document
        .pointer_mut(object_at)
        .and_then(Value::as_object_mut)
        .expect("an object");
    assert!(object.remove(name).is_some(), "{object_at}/{name}");
}

#[test]
fn exactly_the_required_members_are_required() {
    let schema = schema();
    assert_eq!(
        required(&schema, ""),
        ["format", "version", "framework", "details"]
    );
    assert_eq!(required(&schema, "/properties/framework"), ["id"]);
    assert_eq!(required(&schema, "/properties/details"), ["name"]);
    assert!(required(&schema, "/$defs/answer").is_empty());

    let mut tried = 0;
    for (object_at, name, _) in members(&schema) {
        let schema_at = match object_at.as_str() {
            "" => "",
            "/framework" => "/properties/framework",
            "/details" => "/properties/details",
            _ => "/$defs/answer",
        };
        let is_required = required(&schema, schema_at).contains(&name);
        let mut document = complete();
        remove(&mut document, &object_at, &name);
        let result = read(&document);
        assert_eq!(
            result.is_err(),
            is_required,
            "without {object_at}/{name}: {:?}",
            result.map(|_| ())
        );
        tried += 1;
    }
    // Seven at the top, two in framework, seven in details, six in an answer.
    assert_eq!(tried, 22);
}

fn allows_null(member: &Value) -> bool {
    let in_list = |list: Option<&Value>| {
        list.and_then(Value::as_array)
            .is_some_and(|items| items.iter().any(|item| item == "null" || item.is_null()))
    };
    let referenced = member.get("$ref").and_then(Value::as_str).map(|pointer| {
        let schema = schema();
        at(&schema, &pointer.replacen('#', "", 1)).clone()
    });
    let alternatives: Vec<Value> = member
        .get("anyOf")
        .or_else(|| referenced.as_ref().and_then(|target| target.get("anyOf")))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    in_list(member.get("type"))
        || in_list(member.get("enum"))
        || alternatives
            .iter()
            .any(|alternative| alternative["type"] == "null")
}

#[test]
fn exactly_the_members_the_schema_lets_be_null_may_be_null() {
    let schema = schema();
    let mut nullable = Vec::new();
    for (object_at, name, member) in members(&schema) {
        let mut document = complete();
        document
            .pointer_mut(&object_at)
            .and_then(Value::as_object_mut)
            .expect("an object")
            .insert(name.clone(), Value::Null);
        let accepts = allows_null(&member);
        assert_eq!(
            read(&document).is_ok(),
            accepts,
            "{object_at}/{name} = null"
        );
        if accepts {
            nullable.push(format!("{object_at}/{name}"));
        }
    }
    // So that the check above cannot pass by finding nothing nullable.
    assert_eq!(nullable.len(), 15, "{nullable:?}");
}

#[test]
fn text_members_refuse_other_types() {
    let schema = schema();
    for (object_at, name, member) in members(&schema) {
        if name == "version" {
            continue;
        }
        let boolean = member["type"]
            .as_array()
            .is_some_and(|types| types.iter().any(|kind| kind == "boolean"));
        let wrongs = if boolean {
            vec![json!(5), json!("true"), json!(["met"])]
        } else {
            vec![json!(5), json!(true), json!(["met"])]
        };
        for wrong in wrongs {
            let mut document = complete();
            document
                .pointer_mut(&object_at)
                .and_then(Value::as_object_mut)
                .expect("an object")
                .insert(name.clone(), wrong.clone());
            assert!(
                read(&document).is_err(),
                "{object_at}/{name} = {wrong} was accepted; schema: {member}"
            );
        }
    }
}

#[test]
fn dates_are_real_calendar_dates_written_in_full() {
    for (date, real) in [
        ("2028-02-29", true),
        ("1000-01-01", true),
        ("9999-12-31", true),
        ("", true),
        ("2027-02-29", false),
        ("2026-2-3", false),
        ("0999-12-31", false),
        ("2026-13-01", false),
        ("26-01-01", false),
        ("2026-01-01T00:00", false),
    ] {
        for member in ["date", "due"] {
            let mut document = complete();
            if member == "date" {
                document["details"]["date"] = json!(date);
            } else {
                document["answers"]["tcop-2025/p05/c01"]["due"] = json!(date);
            }
            assert_eq!(read(&document).is_ok(), real, "{member} {date:?}");
        }
    }
    let schema = schema();
    let pattern = at(&schema, "/$defs/optionalDate/anyOf/0/pattern");
    assert_eq!(
        pattern,
        "^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
    );
}

/// The name must hold a character that Rust's `trim` keeps; the schema's pattern lists the
/// characters it removes (Unicode's White_Space set), which this builds from the standard
/// library, so the two cannot drift apart.
#[test]
fn a_blank_name_is_refused_and_the_pattern_names_the_same_white_space() {
    let spaces: Vec<char> = (char::MIN..=char::MAX)
        .filter(|c| c.is_whitespace())
        .collect();
    let mut class = String::from("[^");
    let mut index = 0;
    while index < spaces.len() {
        let start = spaces[index];
        let mut end = index;
        while end + 1 < spaces.len() && spaces[end + 1] as u32 == spaces[end] as u32 + 1 {
            end += 1;
        }
        let write = |c: char| match c {
            '\t' => "\\t".to_owned(),
            '\r' => "\\r".to_owned(),
            ' ' => " ".to_owned(),
            other => format!("\\u{:04x}", other as u32),
        };
        class.push_str(&write(start));
        if end > index {
            class.push('-');
            class.push_str(&write(spaces[end]));
        }
        index = end + 1;
    }
    class.push(']');
    assert_eq!(
        at(&schema(), "/properties/details/properties/name/pattern"),
        class.as_str()
    );
    for blank in spaces.iter().map(|c| c.to_string()).chain([String::new()]) {
        let mut document = complete();
        document["details"]["name"] = json!(format!("{blank}{blank}"));
        assert!(read(&document).is_err(), "{blank:?}");
    }
    let mut document = complete();
    document["details"]["name"] = json!("\u{3000}x\u{85}");
    assert!(read(&document).is_ok());
}

#[test]
fn unknown_members_are_ignored_when_no_deeper_than_the_schema_allows() {
    let schema = schema();
    assert_eq!(
        at(&schema, "/additionalProperties/$ref"),
        "#/$defs/twoLevelValue"
    );
    let mut document = complete();
    document["note"] = json!({"tags": ["a", 1, null]});
    document["framework"]["source"] = json!(["x"]);
    document["details"]["team"] = json!({"size": 4});
    document["answers"]["tcop-2025/p05/c01"]["reviewed"] = json!(true);
    let imported = read(&document).expect("unknown members are ignored");
    let plain = read(&complete()).expect("the fixture");
    assert_eq!(imported.assessment, plain.assessment);

    // One level further anywhere is refused, as the schema's flat values say.
    for (object_at, deeper) in [
        ("", json!({"tags": [["a"]]})),
        ("/framework", json!([["x"]])),
        ("/details", json!({"size": [4]})),
        (FULL_ANSWER, json!([true])),
    ] {
        let mut document = complete();
        document
            .pointer_mut(object_at)
            .and_then(Value::as_object_mut)
            .expect("an object")
            .insert("extra".into(), deeper);
        assert_eq!(read(&document).map(|_| ()), Err(DocumentError::TooDeep));
    }
}

#[test]
fn the_release_build_publishes_the_schema() {
    let index = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html"))
        .expect("index.html");
    // Trunk copies the file to dist/assessment.schema.json, beside the app.
    assert!(index
        .contains(r#"<link data-trunk rel="copy-file" href="schema/assessment.schema.json" />"#));
}

#[test]
fn started_from_and_the_assessment_id_are_checked_as_the_schema_says() {
    let schema = schema();
    let started_from = at(&schema, "/properties/started_from/anyOf/0");
    assert_eq!(required(started_from, ""), ["name", "fingerprint"]);
    for name in ["name", "fingerprint"] {
        let mut document = complete();
        remove(&mut document, "/started_from", name);
        assert!(read(&document).is_err(), "without started_from.{name}");
    }
    for name in ["id", "date"] {
        let mut document = complete();
        remove(&mut document, "/started_from", name);
        assert!(read(&document).is_ok(), "without started_from.{name}");
    }
    let fingerprint = at(&complete(), "/started_from/fingerprint").clone();
    for (bad, why) in [
        (
            json!(fingerprint.as_str().map(str::to_uppercase)),
            "upper case",
        ),
        (
            json!(&fingerprint.as_str().unwrap_or_default()[1..]),
            "63 digits",
        ),
        (json!(5), "a number"),
    ] {
        let mut document = complete();
        document["started_from"]["fingerprint"] = bad;
        assert!(read(&document).is_err(), "{why}");
    }
    let id_pattern = at(&schema, "/$defs/assessmentId/pattern");
    assert_eq!(id_pattern, "^[A-Za-z0-9-]+$");
    for (id, good) in [
        ("a", true),
        ("case-2026-Beta", true),
        ("", false),
        ("has space", false),
        ("slash/no", false),
        ("é", false),
    ] {
        let mut document = complete();
        document["id"] = json!(id);
        assert_eq!(read(&document).is_ok(), good, "id {id:?}");
        let mut document = complete();
        document["started_from"]["id"] = json!(id);
        assert_eq!(read(&document).is_ok(), good, "started_from.id {id:?}");
    }
    let mut document = complete();
    document["id"] = json!("i".repeat(MAX_ASSESSMENT_ID_CHARS));
    assert!(read(&document).is_ok());
    document["id"] = json!("i".repeat(MAX_ASSESSMENT_ID_CHARS + 1));
    assert!(read(&document).is_err());
    let mut document = complete();
    document["started_from"]["name"] = json!("é".repeat(MAX_SHORT_TEXT_CHARS + 1));
    assert!(read(&document).is_err());
}
