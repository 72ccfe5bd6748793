//! The fingerprint of an assessment's answers: a SHA-256 digest of a canonical form of every
//! answer, so that a later assessment can record exactly which answers it was started from, and
//! a review can record exactly which answers it saw.
//!
//! The canonical form depends only on the answers themselves: never on the order of keys, on
//! white space, or on whether the assessment came from a file, a link or this browser's storage.
//! It is a fixed label and then one JSON array per answer, in criterion ID order:
//! `["tcop-2025/p01/c01","met","evidence","action","owner","2027-03-31"]`, with `null` for no
//! status. serde_json writes strings in one way only, so the same answers always give the same
//! bytes. Whether an answer is still marked as carried over is not part of it: confirming that an
//! answer still holds does not change the answer.

use std::fmt;

use sha2::{Digest, Sha256};

use super::assessment::{Assessment, Status};

/// Names the canonical form, so that a different form could never give the same digest.
const LABEL: &[u8] = b"tcop-assessor answers v1\n";

/// A SHA-256 fingerprint, as 64 lowercase hexadecimal digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(String);

impl Fingerprint {
    /// The fingerprint of an assessment's answers.
    pub fn of(assessment: &Assessment) -> Fingerprint {
        let mut hasher = Sha256::new();
        hasher.update(LABEL);
        // BTreeMap: in criterion ID order, whatever order a file listed them in.
        for (id, answer) in &assessment.answers {
            let line = serde_json::json!([
                id,
                answer.status.map(Status::code),
                answer.evidence,
                answer.action,
                answer.owner,
                answer.due,
            ]);
            hasher.update(line.to_string().as_bytes());
            hasher.update(b"\n");
        }
        let digest = hasher.finalize();
        let mut hex = String::with_capacity(64);
        for byte in digest {
            hex.push(char::from(HEX[usize::from(byte >> 4)]));
            hex.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
        Fingerprint(hex)
    }

    /// Whether a text is a fingerprint as this tool writes it.
    pub fn is_well_formed(text: &str) -> bool {
        text.len() == 64
            && text
                .bytes()
                .all(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first 12 digits, for a person to compare by eye ("3f9a 1c2e 77b0"); the whole
    /// fingerprint is always printed beside it where it matters.
    pub fn short(&self) -> String {
        let head = self.0.get(..12).unwrap_or(&self.0);
        let groups: Vec<&str> = [0, 4, 8]
            .iter()
            .filter_map(|&start| head.get(start..start + 4))
            .collect();
        groups.join(" ")
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::{Answer, Details};
    use crate::core::catalogue;

    fn sample() -> Assessment {
        let framework = catalogue::framework("tcop-2025").expect("built in");
        let mut assessment = Assessment::new(
            framework,
            Details {
                name: "Payments".into(),
                ..Details::default()
            },
        );
        assessment.update_answer("tcop-2025/p01/c01", |answer| {
            answer.status = Some(Status::NotMet);
            answer.evidence = "Research \"plan\"\n🚀".into();
            answer.action = "Interview users".into();
            answer.owner = "Sam".into();
            answer.due = "2027-03-31".into();
        });
        assessment.update_answer("tcop-2025/p02/c01", |answer| {
            answer.status = Some(Status::Met)
        });
        assessment
    }

    #[test]
    fn a_fingerprint_is_64_lowercase_hex_digits_and_stable() {
        let fingerprint = Fingerprint::of(&sample());
        assert!(Fingerprint::is_well_formed(fingerprint.as_str()));
        assert_eq!(fingerprint, Fingerprint::of(&sample()));
        assert_eq!(fingerprint.short().len(), 14);
        assert!(!Fingerprint::is_well_formed(
            &fingerprint.as_str().to_uppercase()
        ));
        assert!(!Fingerprint::is_well_formed(&fingerprint.as_str()[1..]));
    }

    /// Pinned: the canonical form is a public promise (reviews and later assessments record
    /// fingerprints in files), so it must never change by accident. Both digests were worked
    /// out outside this code, with `printf '…' | sha256sum`.
    #[test]
    fn the_canonical_form_is_pinned() {
        let mut assessment = sample();
        assessment.answers.clear();
        assert_eq!(Fingerprint::of(&assessment).as_str(), EMPTY_FINGERPRINT);
        assessment.update_answer("tcop-2025/p02/c01", |answer| {
            answer.status = Some(Status::Met)
        });
        assert_eq!(Fingerprint::of(&assessment).as_str(), ONE_MET_FINGERPRINT);
    }

    /// `printf 'tcop-assessor answers v1\n["tcop-2025/p02/c01","met","","","",""]\n' | sha256sum`
    const ONE_MET_FINGERPRINT: &str =
        "e4c0130c5a581db495a23e5fa329ece9cabc9df6cddbbbe2dac624fa24f0e2b5";

    const EMPTY_FINGERPRINT: &str =
        "6f31f7bce38aa97710391037bcc062066f4e81a3566744a5265387245dfe7cd2";

    #[test]
    fn any_change_to_any_part_of_an_answer_changes_it_and_details_do_not() {
        let original = Fingerprint::of(&sample());
        let changes: [fn(&mut Answer); 6] = [
            |answer| answer.status = Some(Status::PartlyMet),
            |answer| answer.status = None,
            |answer| answer.evidence.push('.'),
            |answer| answer.action = "Other".into(),
            |answer| answer.owner = "Alex".into(),
            |answer| answer.due = "2027-04-01".into(),
        ];
        for change in changes {
            let mut changed = sample();
            changed.update_answer("tcop-2025/p01/c01", change);
            assert_ne!(Fingerprint::of(&changed), original);
        }
        let mut renamed = sample();
        renamed.details.name = "Other name".into();
        renamed.update_answer("tcop-2025/p01/c01", |answer| answer.carried_over = true);
        assert_eq!(Fingerprint::of(&renamed), original);
        // Moving text from one field to the next is a change, not the same bytes.
        let mut moved = sample();
        moved.update_answer("tcop-2025/p01/c01", |answer| {
            answer.evidence = format!("{}Interview users", answer.evidence);
            answer.action.clear();
        });
        assert_ne!(Fingerprint::of(&moved), original);
    }
}
