//! The assessment document as JSON: the one format behind the downloaded file, the share link,
//! the report's embedded data and browser storage.
//!
//! Reading is done in two stages, as with any input a stranger can hand us: cheap checks on the
//! raw bytes first (size, nesting depth), then a parse into a JSON value, then a field-by-field
//! conversion into the core's types that names the exact place of any problem. Nothing a file
//! says can make the tool panic, and nothing it holds is silently dropped.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::core::assessment::{
    Answer, Assessment, Details, FrameworkRef, Marking, Phase, StartedFrom, Status,
};
use crate::core::catalogue;
use crate::core::fingerprint::Fingerprint;
use crate::core::framework::OrganisationType;

/// The value of the top-level `"format"` field.
pub const FORMAT: &str = "tcop-assessment";
/// The newest document version this tool reads and the one it writes.
///
/// - 1: the first version.
/// - 2: `details.organisation_type`, the kind of organisation assessed (it decides which musts
///   bind).
/// - 3: the assessment's own `id`; `started_from`, the assessment it was started from (ID, name,
///   date and the fingerprint of its answers); and `carried_over` on an answer copied from it and
///   not yet checked.
pub const VERSION: u64 = 3;

/// The largest document accepted, before parsing and after inflating a link.
pub const MAX_DOCUMENT_BYTES: usize = 5 * 1024 * 1024;
/// The deepest nesting of objects and arrays the format has (document, answers, one answer).
pub const MAX_DEPTH: usize = 3;
/// The deepest nesting parsed at all. It is well past [`MAX_DEPTH`] so that a newer version of
/// the format that nests more deeply is still recognised, and told apart from a file that is not
/// an assessment; and far below anything that could make the parser recurse dangerously.
const MAX_PARSED_DEPTH: usize = 32;
/// The most answers a document may hold (the largest framework has about a hundred criteria).
pub const MAX_ANSWERS: usize = 2_000;
/// The longest evidence or action text.
pub const MAX_LONG_TEXT_CHARS: usize = 20_000;
/// The longest name, organisation, assessor or owner.
pub const MAX_SHORT_TEXT_CHARS: usize = 200;
/// The longest criterion ID used as a key.
pub const MAX_ID_CHARS: usize = 100;
/// The longest assessment ID.
pub const MAX_ASSESSMENT_ID_CHARS: usize = 64;

/// Why a document could not be read. Each reads as a message for the person who opened it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentError {
    TooLarge {
        bytes: usize,
    },
    TooDeep,
    NotJson {
        line: usize,
        column: usize,
    },
    NotThisFormat,
    NewerVersion(u64),
    BadVersion,
    UnknownFramework(String),
    /// A field is missing or has the wrong type or value; `at` is its path, `expected` says what
    /// belongs there.
    WrongField {
        at: String,
        expected: &'static str,
    },
    TooLong {
        at: String,
        limit: usize,
    },
    TooManyAnswers(usize),
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentError::TooLarge { bytes } => write!(
                f,
                "The file is too large ({}). An assessment file is at most 5 MB.",
                super::megabytes(*bytes)
            ),
            DocumentError::TooDeep => f.write_str(
                "The file is nested more deeply than an assessment file can be, so it is not an assessment file.",
            ),
            DocumentError::NotJson { line, column } => write!(
                f,
                "The file is not valid JSON (the problem is at line {line}, column {column}). It may be damaged or not an assessment file."
            ),
            DocumentError::NotThisFormat => f.write_str(
                "The file is JSON, but not a TCoP Assessor assessment (it has no \"format\": \"tcop-assessment\").",
            ),
            DocumentError::NewerVersion(version) => write!(
                f,
                "The file was saved by a newer version of this tool (format version {version}; this version reads up to {VERSION}). Open it in the newer version."
            ),
            DocumentError::BadVersion => {
                f.write_str("The file's format version is not a whole number of 1 or more.")
            }
            DocumentError::UnknownFramework(id) => write!(
                f,
                "The file is an assessment against \"{id}\", which this tool does not know."
            ),
            DocumentError::WrongField { at, expected } => {
                write!(f, "The file has a problem at \"{at}\": expected {expected}.")
            }
            DocumentError::TooLong { at, limit } => write!(
                f,
                "The file has a problem at \"{at}\": the text is longer than {limit} characters."
            ),
            DocumentError::TooManyAnswers(count) => write!(
                f,
                "The file has {count} answers; an assessment file has at most {MAX_ANSWERS}."
            ),
        }
    }
}

impl std::error::Error for DocumentError {}

/// A document that was read, with what the person should be told about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub assessment: Assessment,
    /// Answers to criteria the framework does not have. They are kept in the assessment (and in
    /// any file saved from it) but do not count towards any score.
    pub unknown_criteria: Vec<String>,
    /// The edition the answers were given against, when it differs from this tool's content.
    pub other_edition: Option<String>,
}

impl Imported {
    /// What the person should be told about a document that opened: content from another
    /// edition, and answers the framework does not have (kept, but not shown or scored).
    pub fn what_to_tell(&self) -> Vec<String> {
        let mut lines = Vec::new();
        let title = catalogue::framework(&self.assessment.framework.id)
            .map(|framework| framework.title.clone())
            .unwrap_or_else(|_| self.assessment.framework.id.clone());
        if let Some(edition) = &self.other_edition {
            lines.push(format!(
            "The file was made with the {edition} edition of the {title}. Its answers are shown against the edition this tool has."
        ));
        }
        match self.unknown_criteria.len() {
        0 => {}
        count => lines.push(format!(
            "{count} {} to criteria that the {title} in this tool does not have: {}. They are kept with the assessment and in any file you download from it, but are not shown or scored.",
            if count == 1 { "answer is" } else { "answers are" },
            self.unknown_criteria.join(", ")
        )),
    }
        lines
    }
}

/// Turns an assessment into its JSON document.
pub fn to_json(assessment: &Assessment) -> String {
    serde_json::to_string(&DocumentOut::from(assessment)).unwrap_or_default()
}

/// The document for a share link: the answers `packed` says are carried in `statuses` are left
/// out of `answers`, and `statuses` is added (see `share`).
pub(super) fn to_packed_json(
    assessment: &Assessment,
    packed: &dyn Fn(&str) -> bool,
    statuses: &str,
) -> String {
    let statuses = (!statuses.is_empty()).then_some(statuses);
    serde_json::to_string(&DocumentOut::new(assessment, packed, statuses)).unwrap_or_default()
}

/// Why an assessment cannot be kept as it is: the tool would refuse to read it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotKeepable {
    /// One answer's text is over its limit. `field` is "evidence", "action" or "owner".
    TextTooLong {
        criterion: String,
        field: &'static str,
        limit: usize,
    },
    /// More answers than a document may hold (possible only after opening a file full of
    /// answers to criteria the framework does not have, then answering more).
    TooManyAnswers(usize),
    /// The assessment's file (the indented JSON a download writes, the largest of its forms)
    /// would be `bytes` long.
    TooLarge { bytes: usize },
}

impl fmt::Display for NotKeepable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotKeepable::TextTooLong {
                criterion,
                field,
                limit,
            } => write!(
                f,
                "The {field} for {criterion} is longer than {} characters",
                super::thousands(*limit)
            ),
            NotKeepable::TooManyAnswers(count) => write!(
                f,
                "This assessment has {} answers; an assessment can have at most {}",
                super::thousands(*count),
                super::thousands(MAX_ANSWERS)
            ),
            NotKeepable::TooLarge { bytes } => write!(
                f,
                "This assessment is now too large to keep ({}; an assessment can be at most 5 MB)",
                super::megabytes(*bytes)
            ),
        }
    }
}

/// The compact document for saving, after checking that [`from_json`] would read it back and
/// that its file could be opened again: the same text limits, and the size limit on its largest
/// form. Saving goes through this, so that no draft is kept that the tool would then refuse.
pub fn to_keepable_json(assessment: &Assessment) -> Result<String, NotKeepable> {
    if assessment.answers.len() > MAX_ANSWERS {
        return Err(NotKeepable::TooManyAnswers(assessment.answers.len()));
    }
    for (id, answer) in &assessment.answers {
        for (field, text, limit) in [
            ("evidence", &answer.evidence, MAX_LONG_TEXT_CHARS),
            ("action", &answer.action, MAX_LONG_TEXT_CHARS),
            ("owner", &answer.owner, MAX_SHORT_TEXT_CHARS),
        ] {
            if text.chars().count() > limit {
                return Err(NotKeepable::TextTooLong {
                    criterion: id.clone(),
                    field,
                    limit,
                });
            }
        }
    }
    let json = to_json(assessment);
    if json.len() > MAX_DOCUMENT_BYTES {
        return Err(NotKeepable::TooLarge { bytes: json.len() });
    }
    // Indenting adds well under a tenth (a few dozen bytes per answer, at most 2,000 answers),
    // so the file is only made when the compact form is close to the limit.
    if json.len() >= MAX_DOCUMENT_BYTES / 10 * 9 {
        let file_len = to_json_pretty(assessment).len();
        if file_len > MAX_DOCUMENT_BYTES {
            return Err(NotKeepable::TooLarge { bytes: file_len });
        }
    }
    Ok(json)
}

/// The same document, indented for people who open the file in an editor.
pub fn to_json_pretty(assessment: &Assessment) -> String {
    serde_json::to_string_pretty(&DocumentOut::from(assessment)).unwrap_or_default()
}

/// The document as written, with its fields in a fixed, readable order. (Serialising these
/// plain structs cannot fail: every key is a string and there are no floats.)
#[derive(Serialize)]
struct DocumentOut<'a> {
    format: &'static str,
    version: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    framework: &'a FrameworkRef,
    details: DetailsOut<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    started_from: Option<StartedFromOut<'a>>,
    answers: BTreeMap<&'a str, AnswerOut<'a>>,
    /// Only in share links, never in files.
    #[serde(skip_serializing_if = "Option::is_none")]
    statuses: Option<&'a str>,
}

#[derive(Serialize)]
struct DetailsOut<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    organisation: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    organisation_type: Option<&'static str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    assessor: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    phase: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    marking: &'static str,
}

#[derive(Serialize)]
struct StartedFromOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    fingerprint: &'a str,
}

/// An answer with only a status is written as the bare status (`"met"`), which keeps files and
/// share links short; anything more is an object with only the fields that are set.
#[derive(Serialize)]
#[serde(untagged)]
enum AnswerOut<'a> {
    Status(&'static str),
    Full {
        #[serde(skip_serializing_if = "Option::is_none")]
        status: Option<&'static str>,
        #[serde(skip_serializing_if = "str::is_empty")]
        evidence: &'a str,
        #[serde(skip_serializing_if = "str::is_empty")]
        action: &'a str,
        #[serde(skip_serializing_if = "str::is_empty")]
        owner: &'a str,
        #[serde(skip_serializing_if = "str::is_empty")]
        due: &'a str,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        carried_over: bool,
    },
}

impl<'a> From<&'a Assessment> for DocumentOut<'a> {
    fn from(assessment: &'a Assessment) -> Self {
        DocumentOut::new(assessment, &|_| false, None)
    }
}

impl<'a> DocumentOut<'a> {
    /// `left_out` is a `dyn` so that files and links share one copy of this code in the wasm.
    fn new(
        assessment: &'a Assessment,
        left_out: &dyn Fn(&str) -> bool,
        statuses: Option<&'a str>,
    ) -> Self {
        let details = &assessment.details;
        DocumentOut {
            format: FORMAT,
            version: VERSION,
            id: assessment.id.as_deref(),
            framework: &assessment.framework,
            details: DetailsOut {
                name: &details.name,
                organisation: &details.organisation,
                organisation_type: details.organisation_type.map(OrganisationType::code),
                assessor: &details.assessor,
                phase: details.phase.map(Phase::code),
                date: details.date.as_deref(),
                marking: details.marking.code(),
            },
            answers: assessment
                .answers
                .iter()
                .filter(|(id, _)| !left_out(id))
                .map(|(id, answer)| (id.as_str(), AnswerOut::from(answer)))
                .collect(),
            started_from: assessment
                .started_from
                .as_ref()
                .map(|earlier| StartedFromOut {
                    id: earlier.id.as_deref(),
                    name: &earlier.name,
                    date: earlier.date.as_deref(),
                    fingerprint: &earlier.fingerprint,
                }),
            statuses,
        }
    }
}

impl<'a> From<&'a Answer> for AnswerOut<'a> {
    fn from(answer: &'a Answer) -> Self {
        match answer.status_only() {
            Some(status) => AnswerOut::Status(status.code()),
            None => AnswerOut::Full {
                status: answer.status.map(Status::code),
                evidence: &answer.evidence,
                action: &answer.action,
                owner: &answer.owner,
                due: &answer.due,
                carried_over: answer.carried_over,
            },
        }
    }
}

/// Reads a document, checking everything.
pub fn from_json(text: &str) -> Result<Imported, DocumentError> {
    let parsed = parse(text)?;
    read_parsed(parsed)
}

/// A document's JSON parsed into an object, with the nesting depth of its text; not yet checked
/// as an assessment.
pub(super) struct Parsed {
    pub root: Map<String, Value>,
    depth: usize,
}

/// The cheap checks on the raw text (size, nesting), then the parse into a JSON object.
pub(super) fn parse(text: &str) -> Result<Parsed, DocumentError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(DocumentError::TooLarge { bytes: text.len() });
    }
    let depth = nesting_depth(text, MAX_PARSED_DEPTH);
    if depth > MAX_PARSED_DEPTH {
        return Err(DocumentError::TooDeep);
    }
    let value: Value = serde_json::from_str(text).map_err(|error| DocumentError::NotJson {
        line: error.line(),
        column: error.column(),
    })?;
    let Value::Object(root) = value else {
        return Err(DocumentError::NotThisFormat);
    };
    Ok(Parsed { root, depth })
}

/// Checks a parsed object as an assessment document: format, version, then every field.
pub(super) fn read_parsed(Parsed { root, depth }: Parsed) -> Result<Imported, DocumentError> {
    if root.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(DocumentError::NotThisFormat);
    }
    let version = match root.get("version") {
        Some(Value::Number(number)) => number.as_u64().filter(|version| *version >= 1),
        _ => None,
    }
    .ok_or(DocumentError::BadVersion)?;
    if version > VERSION {
        return Err(DocumentError::NewerVersion(version));
    }
    // Only now, once the file is known to be an assessment this tool can read, does the depth of
    // this version's format apply. (Every version so far has the same depth; a deeper later
    // version would check its own limit here.)
    if depth > MAX_DEPTH {
        return Err(DocumentError::TooDeep);
    }
    let root = migrate(root, version)?;
    read_document(&root)
}

/// One upgrade of a parsed document from version `n` to `n + 1`. A step works on the JSON value,
/// not on the core's types, so that it only has to know what changed between two versions. It
/// may refuse a document that cannot be upgraded, with the same errors as reading.
type MigrationStep = fn(Map<String, Value>) -> Result<Map<String, Value>, DocumentError>;

/// The upgrade steps in order: `MIGRATIONS[0]` takes version 1 to 2, `MIGRATIONS[1]` 2 to 3, and
/// so on. The length is tied to [`VERSION`], so raising the version does not compile until its
/// step is written.
///
/// To add version n + 1: write `fn vn_to_vn1`, list it here, raise `VERSION`, teach the reader
/// the new shape, update `schema/assessment.schema.json`, and add
/// `tests/fixtures/documents/v{n+1}-complete.json` beside the older fixtures, which must keep
/// loading with every value intact.
const MIGRATIONS: [MigrationStep; (VERSION - 1) as usize] = [v1_to_v2, v2_to_v3];

/// Version 3 added the assessment's `id`, `started_from` and an answer's `carried_over`. Version
/// 2 ignored them as members it did not know, so a version 2 file that happens to carry them
/// must still read without them.
fn v2_to_v3(mut root: Map<String, Value>) -> Result<Map<String, Value>, DocumentError> {
    root.remove("id");
    root.remove("started_from");
    if let Some(Value::Object(answers)) = root.get_mut("answers") {
        for answer in answers.values_mut() {
            if let Value::Object(fields) = answer {
                fields.remove("carried_over");
            }
        }
    }
    Ok(root)
}

/// Version 2 added `details.organisation_type`. Version 1 ignored members it did not know, so a
/// version 1 file that happens to carry one was read as "Not stated", and must still be.
fn v1_to_v2(mut root: Map<String, Value>) -> Result<Map<String, Value>, DocumentError> {
    if let Some(Value::Object(details)) = root.get_mut("details") {
        details.remove("organisation_type");
    }
    Ok(root)
}

/// Brings a document of a supported version (1 to [`VERSION`]) up to the current version, one
/// step at a time.
fn migrate(
    mut root: Map<String, Value>,
    from_version: u64,
) -> Result<Map<String, Value>, DocumentError> {
    // Version 1 needs the first step, version `VERSION` none. A version outside that range was
    // refused by the caller; `skip` keeps even that from indexing out of bounds.
    let already_applied = usize::try_from(from_version.saturating_sub(1)).unwrap_or(usize::MAX);
    for step in MIGRATIONS.iter().skip(already_applied) {
        root = step(root)?;
    }
    Ok(root)
}

/// The deepest nesting of objects and arrays, found by scanning the raw text, so that a hostile
/// document cannot make the parser recurse deeply. Scanning stops as soon as the depth passes
/// `stop_past`, so the result is exact up to that and only "more" beyond it.
fn nesting_depth(text: &str, stop_past: usize) -> usize {
    let mut depth: usize = 0;
    let mut deepest = 0;
    let mut in_string = false;
    let mut escaped = false;
    for byte in text.bytes() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
                // Past the limit already: no need to read the rest.
                if deepest > stop_past {
                    return deepest;
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

fn read_document(root: &Map<String, Value>) -> Result<Imported, DocumentError> {
    let framework = object(root, "framework", "framework")?;
    let framework_id = text(framework, "id", "framework.id", MAX_ID_CHARS)?;
    let edition = optional_text(
        framework,
        "edition",
        "framework.edition",
        MAX_SHORT_TEXT_CHARS,
    )?;
    let known = catalogue::framework(&framework_id)
        .map_err(|_| DocumentError::UnknownFramework(framework_id.clone()))?;

    let details_map = object(root, "details", "details")?;
    let name = text(details_map, "name", "details.name", MAX_SHORT_TEXT_CHARS)?;
    if name.trim().is_empty() {
        return Err(DocumentError::WrongField {
            at: "details.name".into(),
            expected: "the name of the project or programme",
        });
    }
    let phase = match optional_text(details_map, "phase", "details.phase", MAX_ID_CHARS)? {
        code if code.is_empty() => None,
        code => Some(Phase::from_code(&code).ok_or(DocumentError::WrongField {
            at: "details.phase".into(),
            expected: "one of discovery, alpha, beta, live, retirement",
        })?),
    };
    let date = match optional_text(details_map, "date", "details.date", MAX_ID_CHARS)? {
        date if date.is_empty() => None,
        date => Some(checked_date(date, "details.date")?),
    };
    let organisation_type = match optional_text(
        details_map,
        "organisation_type",
        "details.organisation_type",
        MAX_ID_CHARS,
    )? {
        code if code.is_empty() => None,
        code => Some(
            OrganisationType::from_code(&code).ok_or(DocumentError::WrongField {
                at: "details.organisation_type".into(),
                expected: "one of central, local, other_public",
            })?,
        ),
    };
    let marking = match optional_text(details_map, "marking", "details.marking", MAX_ID_CHARS)? {
        code if code.is_empty() => Marking::default(),
        code => Marking::from_code(&code).ok_or(DocumentError::WrongField {
            at: "details.marking".into(),
            expected: "one of official, official_sensitive",
        })?,
    };
    let details = Details {
        name,
        organisation: optional_text(
            details_map,
            "organisation",
            "details.organisation",
            MAX_SHORT_TEXT_CHARS,
        )?,
        organisation_type,
        assessor: optional_text(
            details_map,
            "assessor",
            "details.assessor",
            MAX_SHORT_TEXT_CHARS,
        )?,
        phase,
        date,
        marking,
    };

    let answers_map = match root.get("answers") {
        None => &Map::new(),
        Some(Value::Object(map)) => map,
        Some(_) => {
            return Err(DocumentError::WrongField {
                at: "answers".into(),
                expected: "an object of answers keyed by criterion ID",
            })
        }
    };
    if answers_map.len() > MAX_ANSWERS {
        return Err(DocumentError::TooManyAnswers(answers_map.len()));
    }
    let mut answers = BTreeMap::new();
    for (id, value) in answers_map {
        let at = format!("answers.{}", shorten(id));
        if id.chars().count() > MAX_ID_CHARS {
            return Err(DocumentError::TooLong {
                at,
                limit: MAX_ID_CHARS,
            });
        }
        let answer = read_answer(value, &at)?;
        if !answer.is_blank() {
            answers.insert(id.clone(), answer);
        }
    }

    let assessment = Assessment {
        id: read_assessment_id(root, "id", "id")?,
        framework: FrameworkRef {
            id: framework_id,
            edition: if edition.is_empty() {
                known.edition.clone()
            } else {
                edition
            },
        },
        details,
        answers,
        started_from: read_started_from(root)?,
    };
    let unknown_criteria = assessment
        .unknown_criteria(known)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let other_edition = (assessment.framework.edition != known.edition)
        .then(|| assessment.framework.edition.clone());
    Ok(Imported {
        assessment,
        unknown_criteria,
        other_edition,
    })
}

/// An assessment's own ID: missing or null for none; otherwise 1 to 64 letters, digits and
/// hyphens, so that it can sit in an address unescaped.
fn read_assessment_id(
    map: &Map<String, Value>,
    key: &str,
    at: &str,
) -> Result<Option<String>, DocumentError> {
    let id = optional_text(map, key, at, MAX_ASSESSMENT_ID_CHARS)?;
    if id.is_empty() && !matches!(map.get(key), Some(Value::String(_))) {
        return Ok(None);
    }
    if id.is_empty()
        || !id
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
    {
        return Err(DocumentError::WrongField {
            at: at.to_owned(),
            expected: "an assessment ID of letters, digits and hyphens",
        });
    }
    Ok(Some(id))
}

fn read_started_from(root: &Map<String, Value>) -> Result<Option<StartedFrom>, DocumentError> {
    let earlier = match root.get("started_from") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(earlier)) => earlier,
        Some(_) => {
            return Err(DocumentError::WrongField {
                at: "started_from".into(),
                expected: "an object saying which assessment this one was started from",
            })
        }
    };
    let name = text(earlier, "name", "started_from.name", MAX_SHORT_TEXT_CHARS)?;
    let date = match optional_text(earlier, "date", "started_from.date", MAX_ID_CHARS)? {
        date if date.is_empty() => None,
        date => Some(checked_date(date, "started_from.date")?),
    };
    let fingerprint = text(
        earlier,
        "fingerprint",
        "started_from.fingerprint",
        MAX_ID_CHARS,
    )?;
    if !Fingerprint::is_well_formed(&fingerprint) {
        return Err(DocumentError::WrongField {
            at: "started_from.fingerprint".into(),
            expected: "a SHA-256 fingerprint: 64 lowercase hexadecimal digits",
        });
    }
    Ok(Some(StartedFrom {
        id: read_assessment_id(earlier, "id", "started_from.id")?,
        name,
        date,
        fingerprint,
    }))
}

fn read_answer(value: &Value, at: &str) -> Result<Answer, DocumentError> {
    match value {
        Value::String(code) => Ok(Answer {
            status: Some(status(code, at)?),
            ..Answer::default()
        }),
        Value::Object(fields) => {
            let status = match fields.get("status") {
                None | Some(Value::Null) => None,
                Some(Value::String(code)) => Some(status(code, &format!("{at}.status"))?),
                Some(_) => {
                    return Err(DocumentError::WrongField {
                        at: format!("{at}.status"),
                        expected: STATUS_EXPECTED,
                    })
                }
            };
            let due = optional_text(fields, "due", &format!("{at}.due"), MAX_ID_CHARS)?;
            let due = if due.is_empty() {
                due
            } else {
                checked_date(due, &format!("{at}.due"))?
            };
            let carried_over = match fields.get("carried_over") {
                None | Some(Value::Null) => false,
                Some(Value::Bool(carried)) => *carried,
                Some(_) => {
                    return Err(DocumentError::WrongField {
                        at: format!("{at}.carried_over"),
                        expected: "true or false",
                    })
                }
            };
            Ok(Answer {
                status,
                evidence: optional_text(
                    fields,
                    "evidence",
                    &format!("{at}.evidence"),
                    MAX_LONG_TEXT_CHARS,
                )?,
                action: optional_text(
                    fields,
                    "action",
                    &format!("{at}.action"),
                    MAX_LONG_TEXT_CHARS,
                )?,
                owner: optional_text(
                    fields,
                    "owner",
                    &format!("{at}.owner"),
                    MAX_SHORT_TEXT_CHARS,
                )?,
                due,
                carried_over,
            })
        }
        _ => Err(DocumentError::WrongField {
            at: at.to_owned(),
            expected:
                "an answer: a status, or an object with status, evidence, action, owner and due",
        }),
    }
}

const STATUS_EXPECTED: &str = "one of met, partly, not_met, na";

fn status(code: &str, at: &str) -> Result<Status, DocumentError> {
    Status::ALL
        .into_iter()
        .find(|status| status.code() == code)
        .ok_or_else(|| DocumentError::WrongField {
            at: at.to_owned(),
            expected: STATUS_EXPECTED,
        })
}

fn checked_date(date: String, at: &str) -> Result<String, DocumentError> {
    let parts = crate::core::assessment::DateParts::from_iso(&date);
    match parts.to_iso() {
        Ok(Some(iso)) if iso == date => Ok(date),
        _ => Err(DocumentError::WrongField {
            at: at.to_owned(),
            expected: "a real date written as YYYY-MM-DD",
        }),
    }
}

fn object<'a>(
    map: &'a Map<String, Value>,
    key: &str,
    at: &str,
) -> Result<&'a Map<String, Value>, DocumentError> {
    match map.get(key) {
        Some(Value::Object(object)) => Ok(object),
        _ => Err(DocumentError::WrongField {
            at: at.to_owned(),
            expected: "an object",
        }),
    }
}

/// A text field that must be present.
fn text(
    map: &Map<String, Value>,
    key: &str,
    at: &str,
    limit: usize,
) -> Result<String, DocumentError> {
    match map.get(key) {
        Some(Value::String(_)) => optional_text(map, key, at, limit),
        _ => Err(DocumentError::WrongField {
            at: at.to_owned(),
            expected: "text",
        }),
    }
}

/// A text field that may be missing or null (read as empty).
fn optional_text(
    map: &Map<String, Value>,
    key: &str,
    at: &str,
    limit: usize,
) -> Result<String, DocumentError> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(text)) => limited(text, at, limit),
        Some(_) => Err(DocumentError::WrongField {
            at: at.to_owned(),
            expected: "text",
        }),
    }
}

fn limited(text: &str, at: &str, limit: usize) -> Result<String, DocumentError> {
    if text.chars().count() > limit {
        Err(DocumentError::TooLong {
            at: at.to_owned(),
            limit,
        })
    } else {
        Ok(text.to_owned())
    }
}

/// A key as it appears in a message: hostile keys can be long.
fn shorten(key: &str) -> String {
    const SHOWN: usize = 60;
    if key.chars().count() > SHOWN {
        format!("{}…", key.chars().take(SHOWN).collect::<String>())
    } else {
        key.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Assessment {
        let framework = catalogue::framework("tcop-2025").expect("built in");
        let mut assessment = Assessment::new(
            framework,
            Details {
                name: "Case management".into(),
                organisation: "Department for Testing".into(),
                phase: Some(Phase::Beta),
                date: Some("2026-11-23".into()),
                ..Details::default()
            },
        );
        assessment.update_answer("tcop-2025/p01/c01", |answer| {
            answer.status = Some(Status::Met)
        });
        assessment.update_answer("tcop-2025/p05/c01", |answer| {
            answer.status = Some(Status::NotMet);
            answer.evidence = "Hosting review \"2025\" <draft>".into();
            answer.action = "Evaluate public cloud".into();
            answer.owner = "Alex".into();
            answer.due = "2027-03-31".into();
        });
        assessment
    }

    #[test]
    fn texts_at_their_limits_are_kept_and_one_character_more_is_not() {
        for (field, limit) in [
            ("evidence", MAX_LONG_TEXT_CHARS),
            ("action", MAX_LONG_TEXT_CHARS),
            ("owner", MAX_SHORT_TEXT_CHARS),
        ] {
            let with_text = |chars: usize| {
                let mut assessment = sample();
                // Two-byte characters: the limit counts characters, not bytes.
                let text = "é".repeat(chars);
                assessment.update_answer("tcop-2025/p02/c01", |answer| match field {
                    "evidence" => answer.evidence = text,
                    "action" => answer.action = text,
                    _ => answer.owner = text,
                });
                assessment
            };
            let at_limit = with_text(limit);
            let json = to_keepable_json(&at_limit).expect("at the limit it is kept");
            assert_eq!(from_json(&json).expect("reads back").assessment, at_limit);
            assert_eq!(
                to_keepable_json(&with_text(limit + 1)),
                Err(NotKeepable::TextTooLong {
                    criterion: "tcop-2025/p02/c01".into(),
                    field,
                    limit
                })
            );
            // The reader refuses that text too: the two checks agree.
            let over = to_json(&with_text(limit + 1));
            assert!(matches!(
                from_json(&over),
                Err(DocumentError::TooLong { .. })
            ));
        }
    }

    /// An assessment of `answers` more answers to unknown criteria, each with evidence, whose compact
    /// document is exactly `compact_len` bytes long.
    fn of_length(answers: usize, compact_len: usize) -> Assessment {
        let mut assessment = sample();
        for index in 0..answers {
            assessment.update_answer(&format!("tcop-2025/extra/{index:04}"), |answer| {
                answer.evidence = "x".repeat(100)
            });
        }
        let short = compact_len - to_json(&assessment).len();
        let per_answer = short / answers;
        for (index, (_, answer)) in assessment
            .answers
            .iter_mut()
            .filter(|(id, _)| id.contains("/extra/"))
            .enumerate()
        {
            let extra = per_answer + usize::from(index < short % answers);
            answer.evidence.push_str(&"x".repeat(extra));
        }
        assert_eq!(to_json(&assessment).len(), compact_len);
        assessment
    }

    #[test]
    fn a_document_whose_file_would_be_over_5_mb_is_not_kept() {
        // Compact, it is under the limit; indented as a downloaded file, it is over, and that
        // file could not be opened again.
        // The sample has 2 answers: 1,998 more makes the most a document may hold.
        let near = of_length(1_998, MAX_DOCUMENT_BYTES - 10_000);
        let file_len = to_json_pretty(&near).len();
        assert!(file_len > MAX_DOCUMENT_BYTES, "{file_len}");
        assert_eq!(
            to_keepable_json(&near),
            Err(NotKeepable::TooLarge { bytes: file_len })
        );
        let over = of_length(1_998, MAX_DOCUMENT_BYTES + 1);
        assert_eq!(
            to_keepable_json(&over),
            Err(NotKeepable::TooLarge {
                bytes: MAX_DOCUMENT_BYTES + 1
            })
        );
        // With room for the indenting, it is kept, and its file opens again.
        let fits = of_length(1_998, MAX_DOCUMENT_BYTES - 200_000);
        let json = to_keepable_json(&fits).expect("kept");
        assert_eq!(from_json(&json).expect("reads back").assessment, fits);
        let file = to_json_pretty(&fits);
        assert!(super::super::open_file(file.as_bytes()).is_ok());

        // One answer more than a document may hold is refused, as the reader would.
        let mut crowded = sample();
        for index in 0..MAX_ANSWERS - 1 {
            crowded.update_answer(&format!("tcop-2025/extra/{index:04}"), |answer| {
                answer.status = Some(Status::Met)
            });
        }
        assert_eq!(
            to_keepable_json(&crowded),
            Err(NotKeepable::TooManyAnswers(MAX_ANSWERS + 1))
        );
        assert!(matches!(
            from_json(&to_json(&crowded)),
            Err(DocumentError::TooManyAnswers(_))
        ));
    }

    #[test]
    fn a_document_reads_back_the_same() {
        let assessment = sample();
        let imported = from_json(&to_json(&assessment)).expect("reads");
        assert_eq!(imported.assessment, assessment);
        assert!(imported.unknown_criteria.is_empty());
        assert_eq!(imported.other_edition, None);
        let pretty = from_json(&to_json_pretty(&assessment)).expect("reads");
        assert_eq!(pretty.assessment, assessment);
    }

    #[test]
    fn a_status_only_answer_is_written_as_a_bare_status() {
        let json = to_json(&sample());
        assert!(json.contains(r#""tcop-2025/p01/c01":"met""#), "{json}");
        assert!(json.starts_with(&format!(
            r#"{{"format":"tcop-assessment","version":{VERSION},"#
        )));
    }

    fn error_of(text: &str) -> DocumentError {
        from_json(text).expect_err("should be refused")
    }

    #[test]
    fn each_kind_of_bad_document_gets_its_own_error() {
        assert_eq!(
            error_of("{\"format\": "),
            DocumentError::NotJson {
                line: 1,
                column: 11
            }
        );
        assert_eq!(error_of("[1, 2]"), DocumentError::NotThisFormat);
        assert_eq!(
            error_of(r#"{"format":"other"}"#),
            DocumentError::NotThisFormat
        );
        assert_eq!(
            error_of(r#"{"format":"tcop-assessment","version":99}"#),
            DocumentError::NewerVersion(99)
        );
        assert_eq!(
            error_of(r#"{"format":"tcop-assessment","version":"1"}"#),
            DocumentError::BadVersion
        );
        assert_eq!(
            error_of(r#"{"format":"tcop-assessment","version":0}"#),
            DocumentError::BadVersion
        );
        assert_eq!(
            error_of(
                r#"{"format":"tcop-assessment","version":1,"framework":{"id":"tcop-2099"},"details":{"name":"x"}}"#
            ),
            DocumentError::UnknownFramework("tcop-2099".into())
        );
        assert_eq!(
            error_of(
                r#"{"format":"tcop-assessment","version":1,"framework":{"id":"tcop-2025"},"details":{"name":5}}"#
            ),
            DocumentError::WrongField {
                at: "details.name".into(),
                expected: "text"
            }
        );
        assert_eq!(
            error_of(
                r#"{"format":"tcop-assessment","version":1,"framework":{"id":"tcop-2025"},"details":{"name":"x"},"answers":{"tcop-2025/p01/c01":"yes"}}"#
            ),
            DocumentError::WrongField {
                at: "answers.tcop-2025/p01/c01".into(),
                expected: STATUS_EXPECTED
            }
        );
        assert_eq!(
            error_of(
                r#"{"format":"tcop-assessment","version":1,"framework":{"id":"tcop-2025"},"details":{"name":"x","date":"2026-02-30"}}"#
            ),
            DocumentError::WrongField {
                at: "details.date".into(),
                expected: "a real date written as YYYY-MM-DD"
            }
        );
    }

    #[test]
    fn nesting_is_limited_to_the_depth_of_the_format() {
        let inside = r#"{"format":"tcop-assessment","version":1,"framework":{"id":"tcop-2025"},"details":{"name":"x"},"answers":{"a":{"status":"met"}}}"#;
        assert!(from_json(inside).is_ok());
        let outside = inside.replace(r#"{"status":"met"}"#, r#"{"status":["met"]}"#);
        assert_eq!(error_of(&outside), DocumentError::TooDeep);
        assert_eq!(error_of(&"[".repeat(100_000)), DocumentError::TooDeep);
        // Brackets inside strings do not count.
        let in_text = inside.replace(r#""x""#, r#""[[[[{{{{\"]]""#);
        assert!(from_json(&in_text).is_ok());
    }

    #[test]
    fn a_newer_version_is_recognised_even_when_it_nests_more_deeply() {
        let newer = r#"{"format":"tcop-assessment","version":99,"answers":{"a":{"links":["x"]}}}"#;
        assert_eq!(error_of(newer), DocumentError::NewerVersion(99));
        let other = r#"{"something":{"else":{"entirely":[1]}}}"#;
        assert_eq!(error_of(other), DocumentError::NotThisFormat);
        // Still refused unparsed when it is deeper than any version could be.
        let hostile = format!(
            r#"{{"format":"tcop-assessment","version":99,"x":{}}}"#,
            "[".repeat(MAX_PARSED_DEPTH)
        );
        assert_eq!(error_of(&hostile), DocumentError::TooDeep);
    }

    #[test]
    fn migrating_a_current_document_changes_nothing() {
        let root = match serde_json::from_str(&to_json(&sample())) {
            Ok(Value::Object(root)) => root,
            other => panic!("not an object: {other:?}"),
        };
        assert_eq!(migrate(root.clone(), VERSION), Ok(root));
        assert_eq!(MIGRATIONS.len() as u64, VERSION - 1);
    }

    #[test]
    fn size_is_limited_before_parsing() {
        let just_inside = " ".repeat(MAX_DOCUMENT_BYTES);
        assert!(!matches!(
            error_of(&just_inside),
            DocumentError::TooLarge { .. }
        ));
        let just_outside = " ".repeat(MAX_DOCUMENT_BYTES + 1);
        assert_eq!(
            error_of(&just_outside),
            DocumentError::TooLarge {
                bytes: MAX_DOCUMENT_BYTES + 1
            }
        );
        // Tenths of a megabyte, rounded half up.
        for (bytes, shown) in [(5_300_000, "5.1"), (6_029_312, "5.8"), (10_433_331, "9.9")] {
            assert!(
                DocumentError::TooLarge { bytes }
                    .to_string()
                    .contains(&format!("({shown} MB)")),
                "{bytes}"
            );
        }
    }

    #[test]
    fn text_lengths_and_answer_counts_are_limited() {
        let with_evidence = |chars: usize| {
            format!(
                r#"{{"format":"tcop-assessment","version":1,"framework":{{"id":"tcop-2025"}},"details":{{"name":"x"}},"answers":{{"tcop-2025/p01/c01":{{"evidence":"{}"}}}}}}"#,
                "e".repeat(chars)
            )
        };
        assert!(from_json(&with_evidence(MAX_LONG_TEXT_CHARS)).is_ok());
        assert_eq!(
            error_of(&with_evidence(MAX_LONG_TEXT_CHARS + 1)),
            DocumentError::TooLong {
                at: "answers.tcop-2025/p01/c01.evidence".into(),
                limit: MAX_LONG_TEXT_CHARS
            }
        );
        let with_answers = |count: usize| {
            let answers: Vec<String> = (0..count).map(|n| format!(r#""x/{n}":"met""#)).collect();
            format!(
                r#"{{"format":"tcop-assessment","version":1,"framework":{{"id":"tcop-2025"}},"details":{{"name":"x"}},"answers":{{{}}}}}"#,
                answers.join(",")
            )
        };
        assert!(from_json(&with_answers(MAX_ANSWERS)).is_ok());
        assert_eq!(
            error_of(&with_answers(MAX_ANSWERS + 1)),
            DocumentError::TooManyAnswers(MAX_ANSWERS + 1)
        );
    }

    #[test]
    fn answers_to_unknown_criteria_are_kept_and_reported() {
        let text = r#"{"format":"tcop-assessment","version":1,"framework":{"id":"tcop-2025","edition":"old"},"details":{"name":"x"},"answers":{"tcop-2025/p01/c01":"met","tcop-2025/p99/c01":"partly"}}"#;
        let imported = from_json(text).expect("reads");
        assert_eq!(imported.unknown_criteria, ["tcop-2025/p99/c01"]);
        assert_eq!(imported.assessment.answers.len(), 2);
        assert_eq!(imported.other_edition.as_deref(), Some("old"));
    }

    #[test]
    fn an_import_says_what_was_kept_and_from_which_edition() {
        let quiet = Imported {
            assessment: sample(),
            unknown_criteria: Vec::new(),
            other_edition: None,
        };
        assert!(quiet.what_to_tell().is_empty());
        let one = Imported {
            unknown_criteria: vec!["tcop-2025/p99/c01".into()],
            ..quiet.clone()
        };
        let told = one.what_to_tell();
        assert_eq!(told.len(), 1);
        assert!(
            told[0].starts_with("1 answer is to criteria"),
            "{}",
            told[0]
        );
        assert!(told[0].contains("tcop-2025/p99/c01"));
        let both = Imported {
            unknown_criteria: vec!["x/1".into(), "x/2".into()],
            other_edition: Some("2019".into()),
            ..quiet
        };
        let told = both.what_to_tell();
        assert_eq!(told.len(), 2);
        assert!(
            told[0].contains("2019 edition of the Technology Code of Practice"),
            "{}",
            told[0]
        );
        assert!(
            told[1].starts_with("2 answers are to criteria"),
            "{}",
            told[1]
        );
        assert!(told[1].contains("x/1, x/2"));
    }
}
