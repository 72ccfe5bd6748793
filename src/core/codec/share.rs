//! Share links: the whole assessment in the URL fragment, which browsers never send to a server.
//!
//! Form: `#share=v2.` then the document's UTF-8 JSON with its plain answers packed (below),
//! compressed with raw DEFLATE (RFC 1951) and encoded as base64url without padding (RFC 4648
//! section 5).
//!
//! Packing: an answer that is only a status, to a criterion whose ID has the framework's own
//! form (`tcop-2025/p03/c02`), leaves the `answers` object and becomes one letter in the
//! top-level `"statuses"` string: one run of letters per point, in point-number order, joined by
//! `.`; in a run, the letter at position *n* is the answer to criterion `c`*n*; `-` is no answer.
//! The letters are `m` met, `p` partly, `n` not met and `x` not applicable. Only the numbers in
//! the IDs are used, never the order of the content, so a link stays right when criteria are
//! reworded, reordered, added or retired. Every other answer (with text, or to an ID of another
//! form) stays in `answers` exactly as in the file. DEFLATE cannot shorten a list of full IDs
//! much further, and this makes a complete current Code link about half as long.
//!
//! `v1.` links (the unpacked document) were made before packing and still open. Links already
//! sent must keep opening, so the golden links in `tests/fixtures/links/` (checked by
//! `tests/documents.rs`) never change.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};
use serde_json::{Map, Value};

use super::document::{self, DocumentError, Imported, MAX_DOCUMENT_BYTES};
use crate::core::assessment::{Assessment, Status};

/// The version prefix of the payload this tool writes.
pub const PREFIX: &str = "v2.";
/// The first link version: the document JSON without packing.
pub const V1_PREFIX: &str = "v1.";

/// The top-level field that holds the packed statuses.
const STATUSES: &str = "statuses";
/// Criterion and point numbers are two digits, so a run and the number of runs are bounded.
const MAX_NUMBER: usize = 99;
const NO_ANSWER: u8 = b'-';
const RUN_SEPARATOR: char = '.';

/// The longest payload accepted: the base64 of a maximal compressed document is far shorter than
/// this, and the limit stops a hostile link from costing time before anything is checked.
pub const MAX_PAYLOAD_CHARS: usize = MAX_DOCUMENT_BYTES;

/// The payload for a share link (what follows `#share=`).
pub fn encode(assessment: &Assessment) -> String {
    let framework_id = assessment.framework.id.as_str();
    let packable = |id: &str| {
        let status = assessment.answers.get(id)?.status_only()?;
        Some((numbers_of(id, framework_id)?, status))
    };
    let statuses = pack(assessment.answers.keys().filter_map(|id| packable(id)));
    let json = document::to_packed_json(assessment, &|id| packable(id).is_some(), &statuses);
    format!("{PREFIX}{}", compress(json.as_bytes()))
}

/// The payload of a `v1.` link, as this tool wrote them before packing: kept so that tests and
/// the benchmark can show both forms still read back.
pub fn encode_v1(assessment: &Assessment) -> String {
    format!(
        "{V1_PREFIX}{}",
        compress(document::to_json(assessment).as_bytes())
    )
}

fn compress(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(bytes, 10))
}

/// Reads a share link's payload, of either version.
pub fn decode(payload: &str) -> Result<Imported, LinkError> {
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(LinkError::TooLong);
    }
    let (packed, data) = if let Some(data) = payload.strip_prefix(PREFIX) {
        (true, data)
    } else if let Some(data) = payload.strip_prefix(V1_PREFIX) {
        (false, data)
    } else {
        return Err(match payload.split_once('.') {
            Some((version, _)) if version.starts_with('v') => LinkError::UnknownVersion,
            _ => LinkError::NotAShareLink,
        });
    };
    let json = inflate(data)?;
    let mut parsed = document::parse(&json).map_err(LinkError::Document)?;
    if packed {
        unpack(&mut parsed.root)?;
    }
    document::read_parsed(parsed).map_err(LinkError::Document)
}

/// base64url, then DEFLATE with a limit on the inflated size, then UTF-8.
fn inflate(data: &str) -> Result<String, LinkError> {
    // Some mail and chat programs leave a trailing full stop or wrap long links over lines.
    let data: String = data.chars().filter(|c| !c.is_whitespace()).collect();
    let compressed =
        URL_SAFE_NO_PAD
            .decode(data.trim_end_matches('.'))
            .map_err(|error| match error {
                base64::DecodeError::InvalidLength(_)
                | base64::DecodeError::InvalidLastSymbol(..) => LinkError::Truncated,
                _ => LinkError::NotBase64,
            })?;
    let json =
        decompress_to_vec_with_limit(&compressed, MAX_DOCUMENT_BYTES).map_err(
            |error| match error.status {
                TINFLStatus::HasMoreOutput => LinkError::TooLarge,
                TINFLStatus::FailedCannotMakeProgress => LinkError::Truncated,
                _ => LinkError::NotCompressed,
            },
        )?;
    String::from_utf8(json).map_err(|_| LinkError::NotText)
}

fn letter(status: Status) -> u8 {
    match status {
        Status::Met => b'm',
        Status::PartlyMet => b'p',
        Status::NotMet => b'n',
        Status::NotApplicable => b'x',
    }
}

fn status_of_letter(letter_byte: u8) -> Option<Status> {
    Status::ALL
        .into_iter()
        .find(|status| letter(*status) == letter_byte)
}

/// The point and criterion numbers of `{framework}/pNN/cNN`, each 1 to 99; `None` for any
/// other form, which is then left unpacked.
fn numbers_of(id: &str, framework_id: &str) -> Option<(usize, usize)> {
    let rest = id.strip_prefix(framework_id)?.strip_prefix("/p")?;
    let (point, criterion) = rest.split_once("/c")?;
    let number = |digits: &str| {
        (digits.len() == 2 && digits.bytes().all(|byte| byte.is_ascii_digit()))
            .then(|| digits.parse::<usize>().ok())
            .flatten()
            .filter(|number| *number >= 1)
    };
    Some((number(point)?, number(criterion)?))
}

fn id_of(framework_id: &str, point: usize, criterion: usize) -> String {
    format!("{framework_id}/p{point:02}/c{criterion:02}")
}

/// The `statuses` string for answers given as ((point, criterion), status); empty for none.
fn pack(answers: impl Iterator<Item = ((usize, usize), Status)>) -> String {
    let mut runs: Vec<Vec<u8>> = Vec::new();
    for ((point, criterion), status) in answers {
        if runs.len() < point {
            runs.resize(point, Vec::new());
        }
        let run = &mut runs[point - 1];
        if run.len() < criterion {
            run.resize(criterion, NO_ANSWER);
        }
        run[criterion - 1] = letter(status);
    }
    let mut statuses = String::new();
    for (index, run) in runs.iter().enumerate() {
        if index > 0 {
            statuses.push(RUN_SEPARATOR);
        }
        // Only the ASCII letters and `-` are ever put in a run.
        statuses.extend(run.iter().map(|byte| char::from(*byte)));
    }
    statuses
}

/// Puts the packed statuses back into `answers` as the plain answers they were.
fn unpack(root: &mut Map<String, Value>) -> Result<(), LinkError> {
    // The field is left in place: the document reader ignores fields it does not know, and
    // removing it would add the map's removal code to the wasm.
    let statuses = match root.get(STATUSES) {
        None => return Ok(()),
        Some(Value::String(statuses)) => statuses.clone(),
        Some(_) => return Err(LinkError::BadStatuses),
    };
    let framework_id = root
        .get("framework")
        .and_then(|framework| framework.get("id"))
        .and_then(Value::as_str)
        .ok_or(LinkError::BadStatuses)?
        .to_owned();
    let mut unpacked = Vec::new();
    for (point_index, run) in statuses.split(RUN_SEPARATOR).enumerate() {
        if point_index >= MAX_NUMBER || run.len() > MAX_NUMBER {
            return Err(LinkError::BadStatuses);
        }
        for (criterion_index, letter_byte) in run.bytes().enumerate() {
            if letter_byte == NO_ANSWER {
                continue;
            }
            let status = status_of_letter(letter_byte).ok_or(LinkError::BadStatuses)?;
            unpacked.push((
                id_of(&framework_id, point_index + 1, criterion_index + 1),
                status,
            ));
        }
    }
    if !root.contains_key("answers") {
        root.insert("answers".to_owned(), Value::Object(Map::new()));
    }
    let Some(Value::Object(answers)) = root.get_mut("answers") else {
        return Err(LinkError::BadStatuses);
    };
    for (id, status) in unpacked {
        // A criterion answered twice could only come from an altered link.
        if answers
            .insert(id, Value::String(status.code().to_owned()))
            .is_some()
        {
            return Err(LinkError::BadStatuses);
        }
    }
    Ok(())
}

/// Why a share link could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    NotAShareLink,
    UnknownVersion,
    TooLong,
    NotBase64,
    Truncated,
    NotCompressed,
    TooLarge,
    NotText,
    /// The packed statuses of a `v2.` link are not in the form this tool writes.
    BadStatuses,
    Document(DocumentError),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NotAShareLink => f.write_str("The link is not a TCoP Assessor share link."),
            LinkError::UnknownVersion => f.write_str(
                "The link was made by a newer version of this tool. Open it in the newer version.",
            ),
            LinkError::TooLong => f.write_str("The link is far too long to be a share link."),
            LinkError::NotBase64 => f.write_str(
                "The link has been changed or damaged: it contains characters a share link never has.",
            ),
            LinkError::Truncated => f.write_str(
                "The link is incomplete. It may have been cut off when it was copied: ask for it again, or copy all of it.",
            ),
            LinkError::NotCompressed => {
                f.write_str("The link has been changed or damaged, so it cannot be read.")
            }
            LinkError::TooLarge => f.write_str(
                "The link holds more than an assessment can (over 5 MB when unpacked), so it was not opened.",
            ),
            LinkError::NotText => f.write_str("The link has been changed or damaged: its contents are not text."),
            LinkError::BadStatuses => f.write_str(
                "The link has been changed or damaged: the answers in it are not in the form this tool writes.",
            ),
            LinkError::Document(error) => write!(f, "The link opened, but {}", lowercase_first(&error.to_string())),
        }
    }
}

impl std::error::Error for LinkError {}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::{Details, Status};
    use crate::core::catalogue;

    fn sample() -> Assessment {
        let framework = catalogue::framework("ldd-2018").expect("built in");
        let mut assessment = Assessment::new(
            framework,
            Details {
                name: "Council website".into(),
                ..Details::default()
            },
        );
        for criterion in framework.criteria().take(5) {
            assessment.update_answer(&criterion.id, |answer| answer.status = Some(Status::Met));
        }
        assessment.update_answer("ldd-2018/p02/c01", |answer| {
            answer.status = Some(Status::NotMet);
            answer.evidence = "Ünïcödé — and emoji 🚀".into();
        });
        assessment
    }

    #[test]
    fn a_link_reads_back_the_same() {
        let assessment = sample();
        let payload = encode(&assessment);
        assert!(payload.starts_with(PREFIX));
        assert!(payload[PREFIX.len()..]
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_'));
        assert_eq!(decode(&payload).expect("decodes").assessment, assessment);
    }

    fn deflate(bytes: &[u8]) -> String {
        format!("{PREFIX}{}", compress(bytes))
    }

    /// The JSON inside a link this tool makes.
    fn packed_json(assessment: &Assessment) -> Map<String, Value> {
        let link = encode(assessment);
        let json = inflate(&link[PREFIX.len()..]).expect("inflates");
        match serde_json::from_str(&json) {
            Ok(Value::Object(root)) => root,
            other => panic!("not an object: {other:?}"),
        }
    }

    #[test]
    fn plain_answers_are_packed_and_the_rest_kept_whole() {
        let mut assessment = sample();
        // An answer the framework does not have, and one with a near-miss ID: neither packs.
        assessment.update_answer("ldd-2018/p09/c99", |answer| {
            answer.status = Some(Status::PartlyMet)
        });
        assessment.update_answer("ldd-2018/p1/c1", |answer| {
            answer.status = Some(Status::NotApplicable)
        });
        let root = packed_json(&assessment);
        let Some(Value::String(statuses)) = root.get(STATUSES) else {
            panic!("no statuses in {root:?}");
        };
        // Five Met in point 1 (the sample's first five criteria), then point 9's c99 alone.
        let runs: Vec<&str> = statuses.split('.').collect();
        assert_eq!(runs.len(), 9, "{statuses}");
        assert!(runs[0].starts_with("mmm"), "{statuses}");
        assert_eq!(runs[8].len(), 99);
        assert!(runs[8].ends_with("-p"), "{statuses}");
        let Some(Value::Object(answers)) = root.get("answers") else {
            panic!("no answers left");
        };
        let kept: Vec<&str> = answers.keys().map(String::as_str).collect();
        assert_eq!(kept, ["ldd-2018/p02/c01", "ldd-2018/p1/c1"]);

        let read = decode(&encode(&assessment)).expect("decodes");
        assert_eq!(read.assessment, assessment);
        assert_eq!(
            read.unknown_criteria,
            ["ldd-2018/p09/c99", "ldd-2018/p1/c1"]
        );
    }

    #[test]
    fn an_assessment_with_no_plain_answers_has_no_statuses() {
        let framework = catalogue::framework("ldd-2018").expect("built in");
        let blank = Assessment::new(framework, sample().details);
        assert!(!packed_json(&blank).contains_key(STATUSES));
        assert_eq!(decode(&encode(&blank)).expect("decodes").assessment, blank);
    }

    #[test]
    fn v1_links_still_open() {
        let assessment = sample();
        let v1 = encode_v1(&assessment);
        assert!(v1.starts_with("v1."));
        assert_eq!(decode(&v1).expect("decodes").assessment, assessment);
        assert!(encode(&assessment).len() < v1.len());
    }

    /// A `v2.` payload made from hand-written JSON, as an altered link would be.
    fn packed_link(statuses: &str, answers: &str) -> String {
        deflate(
            format!(
                r#"{{"format":"tcop-assessment","version":1,"framework":{{"id":"ldd-2018"}},"details":{{"name":"N"}},"answers":{answers},"statuses":{statuses}}}"#
            )
            .as_bytes(),
        )
    }

    #[test]
    fn altered_statuses_are_refused_as_damaged() {
        let good = packed_link(r#""m-p.x""#, "{}");
        let read = decode(&good).expect("decodes");
        let statuses: Vec<(&str, Option<Status>)> = read
            .assessment
            .answers
            .iter()
            .map(|(id, answer)| (id.as_str(), answer.status))
            .collect();
        assert_eq!(
            statuses,
            [
                ("ldd-2018/p01/c01", Some(Status::Met)),
                ("ldd-2018/p01/c03", Some(Status::PartlyMet)),
                ("ldd-2018/p02/c01", Some(Status::NotApplicable)),
            ]
        );
        let too_many_points = format!("\"{}m\"", ".".repeat(99));
        let too_long_run = format!("\"{}\"", "m".repeat(100));
        for (statuses, answers) in [
            (r#""mq""#, "{}"),
            (r#"7"#, "{}"),
            (too_many_points.as_str(), "{}"),
            (too_long_run.as_str(), "{}"),
            // The same criterion packed and also written out.
            (r#""m""#, r#"{"ldd-2018/p01/c01":"na"}"#),
            (r#""m""#, r#"["not an object"]"#),
        ] {
            assert_eq!(
                decode(&packed_link(statuses, answers)),
                Err(LinkError::BadStatuses),
                "{statuses} {answers}"
            );
        }
        // 99 points of 99 letters is the most a link can pack; the answer limit then applies.
        let most = format!("\"{}\"", vec!["m".repeat(99); 99].join("."));
        assert!(matches!(
            decode(&packed_link(&most, "{}")),
            Err(LinkError::Document(DocumentError::TooManyAnswers(9801)))
        ));
    }

    #[test]
    fn each_kind_of_broken_link_gets_its_own_error() {
        let good = encode(&sample());
        assert_eq!(decode("hello"), Err(LinkError::NotAShareLink));
        assert_eq!(decode("v3.AAAA"), Err(LinkError::UnknownVersion));
        assert_eq!(decode("v1.abc$def"), Err(LinkError::NotBase64));
        // Cut short: either base64 of an impossible length or DEFLATE that ends too soon.
        for cut in [good.len() / 2, good.len() / 2 + 1, good.len() - 3] {
            assert_eq!(
                decode(&good[..cut]),
                Err(LinkError::Truncated),
                "cut at {cut}"
            );
        }
        assert_eq!(
            decode(&format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode([0xff; 16]))),
            Err(LinkError::NotCompressed)
        );
        assert_eq!(decode(&deflate(&[0xc3, 0x28])), Err(LinkError::NotText));
        assert!(matches!(
            decode(&deflate(b"{\"format\":\"something else\"}")),
            Err(LinkError::Document(DocumentError::NotThisFormat))
        ));
    }

    #[test]
    fn inflating_stops_at_the_limit() {
        // A tiny link that would inflate to just over 5 MB of spaces.
        let bomb = deflate(&vec![b' '; MAX_DOCUMENT_BYTES + 1]);
        assert!(bomb.len() < 20_000, "{}", bomb.len());
        assert_eq!(decode(&bomb), Err(LinkError::TooLarge));
        // Exactly at the limit it inflates, then fails as a document, not as a bomb.
        let at_limit = deflate(&vec![b' '; MAX_DOCUMENT_BYTES]);
        assert!(matches!(decode(&at_limit), Err(LinkError::Document(_))));
    }

    #[test]
    fn payloads_past_the_length_limit_are_refused_unread() {
        let long = format!("{PREFIX}{}", "A".repeat(MAX_PAYLOAD_CHARS));
        assert_eq!(decode(&long), Err(LinkError::TooLong));
    }

    #[test]
    fn a_trailing_full_stop_and_line_breaks_from_mail_programs_are_forgiven() {
        let payload = encode(&sample());
        let (head, tail) = payload.split_at(40);
        let mangled = format!("{head}\n  {tail}.");
        assert_eq!(decode(&mangled).expect("decodes").assessment, sample());
    }
}
