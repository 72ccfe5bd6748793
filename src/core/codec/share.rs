//! Share links: the whole assessment in the URL fragment, which browsers never send to a server.
//!
//! Form: `#share=v1.` then the document's UTF-8 JSON, compressed with raw DEFLATE (RFC 1951) and
//! encoded as base64url without padding (RFC 4648 section 5). Links already sent must keep
//! opening, so the golden links in the tests never change.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

use super::document::{self, DocumentError, Imported, MAX_DOCUMENT_BYTES};
use crate::core::assessment::Assessment;

/// The version prefix of the payload.
pub const PREFIX: &str = "v1.";

/// The longest payload accepted: the base64 of a maximal compressed document is far shorter than
/// this, and the limit stops a hostile link from costing time before anything is checked.
pub const MAX_PAYLOAD_CHARS: usize = MAX_DOCUMENT_BYTES;

/// The payload for a share link (what follows `#share=`).
pub fn encode(assessment: &Assessment) -> String {
    let json = document::to_json(assessment);
    let compressed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 10);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// Reads a share link's payload.
pub fn decode(payload: &str) -> Result<Imported, LinkError> {
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(LinkError::TooLong);
    }
    let Some(data) = payload.strip_prefix(PREFIX) else {
        return Err(match payload.split_once('.') {
            Some((version, _)) if version.starts_with('v') => LinkError::UnknownVersion,
            _ => LinkError::NotAShareLink,
        });
    };
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
    let json = String::from_utf8(json).map_err(|_| LinkError::NotText)?;
    document::from_json(&json).map_err(LinkError::Document)
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
        format!(
            "{PREFIX}{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(bytes, 6))
        )
    }

    #[test]
    fn each_kind_of_broken_link_gets_its_own_error() {
        let good = encode(&sample());
        assert_eq!(decode("hello"), Err(LinkError::NotAShareLink));
        assert_eq!(decode("v2.AAAA"), Err(LinkError::UnknownVersion));
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
