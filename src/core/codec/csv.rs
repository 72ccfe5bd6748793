//! The spreadsheet download: one row per criterion, for teams who track actions in a spreadsheet.
//!
//! Written as RFC 4180 CSV with CRLF line ends and a UTF-8 byte order mark, so that spreadsheet
//! programs read accents and emoji correctly. The writer is a few lines by hand rather than a CSV
//! crate, to keep the WebAssembly download small. A CSV file cannot be opened again in the tool.

use std::borrow::Cow;

use crate::core::assessment::{Answer, Assessment};
use crate::core::compare::Comparison;
use crate::core::framework::Framework;
use crate::core::results_text::{
    action_status_text, answer_text, level_text, organisation_type_text,
};
use crate::core::scoring;

/// The column headings, in order.
pub const HEADER: [&str; 15] = [
    "Point number",
    "Point",
    "Point score (%)",
    "Point status",
    "Criterion ID",
    "Criterion",
    "Must or should",
    "Answer",
    "Evidence",
    "Action",
    "Owner",
    "Due date",
    "Action status",
    "Carried over, not checked",
    // The same on every row: it decides which musts bind, so a filtered sheet still says it.
    "Kind of organisation",
];

/// Starts the file so that spreadsheet programs read it as UTF-8.
pub const BYTE_ORDER_MARK: char = '\u{feff}';

/// A cell a spreadsheet would run as a formula if it started with one of these, so such cells
/// get a leading apostrophe (text that begins with them is then shown, never evaluated).
const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The assessment as CSV: a header row, then a row per criterion in the framework's order, then a
/// row per answer to a criterion the framework does not have (kept, never dropped). `today`
/// (`YYYY-MM-DD`) decides which actions are overdue.
pub fn to_csv(framework: &Framework, assessment: &Assessment, today: &str) -> String {
    let results = scoring::score(framework, assessment);
    let mut csv = String::new();
    csv.push(BYTE_ORDER_MARK);
    push_row(&mut csv, HEADER);
    let blank = Answer::default();
    let organisation = assessment.details.organisation_type;
    let kind = organisation_type_text(organisation);
    for result in &results.points {
        let point = result.point;
        let score = result
            .score
            .map(|score| score.percent().to_string())
            .unwrap_or_default();
        for criterion in &point.criteria {
            let answer = assessment.answers.get(&criterion.id).unwrap_or(&blank);
            push_row(
                &mut csv,
                [
                    &point.number,
                    &point.title,
                    &score,
                    result.standing.label(),
                    &criterion.id,
                    &criterion.question,
                    level_text(criterion, organisation),
                    answer_text(answer.status),
                    &answer.evidence,
                    &answer.action,
                    &answer.owner,
                    &answer.due,
                    &action_status_text(answer, today),
                    carried(answer),
                    kind,
                ],
            );
        }
    }
    for id in assessment.unknown_criteria(framework) {
        let Some(answer) = assessment.answers.get(id) else {
            continue;
        };
        push_row(
            &mut csv,
            [
                "",
                "",
                "",
                "",
                id,
                "Not in this edition of the standard: kept, but not scored",
                "",
                answer_text(answer.status),
                &answer.evidence,
                &answer.action,
                &answer.owner,
                &answer.due,
                &action_status_text(answer, today),
                carried(answer),
                kind,
            ],
        );
    }
    csv
}

fn carried(answer: &Answer) -> &'static str {
    if answer.needs_checking() {
        "Yes"
    } else {
        ""
    }
}

/// The comparison of two assessments as CSV: a row per criterion of the standard (and per answer
/// to a criterion the content does not have), with the earlier and later point status and score,
/// the earlier and later answer, evidence and action, and what changed.
pub fn comparison_to_csv(comparison: &Comparison) -> String {
    const COMPARISON_HEADER: [&str; 15] = [
        "Point number",
        "Point",
        "Earlier point status",
        "Earlier point score (%)",
        "Later point status",
        "Later point score (%)",
        "Criterion ID",
        "Criterion",
        "Earlier answer",
        "Later answer",
        "What changed",
        "Earlier evidence",
        "Later evidence",
        "Earlier action",
        "Later action",
    ];
    let mut csv = String::new();
    csv.push(BYTE_ORDER_MARK);
    push_row(&mut csv, COMPARISON_HEADER);
    let blank = Answer::default();
    let percent = |score: Option<scoring::Score>| {
        score
            .map(|score| score.percent().to_string())
            .unwrap_or_default()
    };
    for point in &comparison.points {
        let (earlier_score, later_score) =
            (percent(point.earlier.score), percent(point.later.score));
        for criterion in &point.point.criteria {
            let change = point
                .criteria
                .iter()
                .find(|change| change.id == criterion.id);
            let earlier = comparison
                .earlier
                .answers
                .get(&criterion.id)
                .unwrap_or(&blank);
            let later = comparison
                .later
                .answers
                .get(&criterion.id)
                .unwrap_or(&blank);
            let what = change
                .map(|change| change.what_changed())
                .unwrap_or_default();
            push_row(
                &mut csv,
                [
                    &point.point.number,
                    &point.point.title,
                    point.earlier.standing.label(),
                    &earlier_score,
                    point.later.standing.label(),
                    &later_score,
                    &criterion.id,
                    &criterion.question,
                    answer_text(earlier.status),
                    answer_text(later.status),
                    &what,
                    &earlier.evidence,
                    &later.evidence,
                    &earlier.action,
                    &later.action,
                ],
            );
        }
    }
    let others = comparison
        .added
        .iter()
        .map(|id| (id, "Added: not in this edition of the standard"))
        .chain(
            comparison
                .removed
                .iter()
                .map(|id| (id, "Removed: not in this edition of the standard")),
        )
        .chain(
            comparison
                .other_changes
                .iter()
                .map(|change| (&change.id, "Changed: not in this edition of the standard")),
        );
    for (id, what) in others {
        let earlier = comparison.earlier.answers.get(id).unwrap_or(&blank);
        let later = comparison.later.answers.get(id).unwrap_or(&blank);
        push_row(
            &mut csv,
            [
                "",
                "",
                "",
                "",
                "",
                "",
                id,
                "",
                answer_text(earlier.status),
                answer_text(later.status),
                what,
                &earlier.evidence,
                &later.evidence,
                &earlier.action,
                &later.action,
            ],
        );
    }
    csv
}

/// Appends one record and its CRLF.
pub(crate) fn push_row<const N: usize>(csv: &mut String, cells: [&str; N]) {
    for (index, cell) in cells.into_iter().enumerate() {
        if index > 0 {
            csv.push(',');
        }
        push_cell(csv, cell);
    }
    csv.push_str("\r\n");
}

/// Appends one field: guarded against formula injection, then quoted if it holds a comma, quote,
/// CR or LF, with quotes doubled (RFC 4180).
fn push_cell(csv: &mut String, cell: &str) {
    let cell: Cow<str> = if cell.starts_with(FORMULA_TRIGGERS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    };
    if cell.contains([',', '"', '\r', '\n']) {
        csv.push('"');
        csv.push_str(&cell.replace('"', "\"\""));
        csv.push('"');
    } else {
        csv.push_str(&cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::{Details, Status};
    use crate::core::catalogue;
    use crate::core::framework::OrganisationType;

    /// A strict RFC 4180 reader, to check what spreadsheet programs will see.
    fn parse(csv: &str) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut chars = csv.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, _) => field.push(c),
                (false, '"') => {
                    assert!(field.is_empty(), "a quote inside an unquoted field");
                    quoted = true;
                }
                (false, ',') => record.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "a bare CR ends a record");
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (false, '\n') => panic!("a bare LF ends a record"),
                (false, _) => field.push(c),
            }
        }
        assert!(!quoted, "unterminated quote");
        assert!(
            field.is_empty() && record.is_empty(),
            "no CRLF after the last record"
        );
        records
    }

    fn framework() -> &'static Framework {
        catalogue::framework("ldd-2018").expect("built in")
    }

    fn sample() -> Assessment {
        Assessment::new(
            framework(),
            Details {
                name: "Council website".into(),
                ..Details::default()
            },
        )
    }

    fn body(csv: &str) -> &str {
        csv.strip_prefix(BYTE_ORDER_MARK)
            .expect("starts with a BOM")
    }

    #[test]
    fn a_row_per_criterion_after_the_header_with_crlf_and_a_bom() {
        let csv = to_csv(framework(), &sample(), "2026-12-02");
        let records = parse(body(&csv));
        assert_eq!(records.len(), framework().criteria().count() + 1);
        assert_eq!(records[0], HEADER);
        assert!(records.iter().all(|record| record.len() == HEADER.len()));
        assert!(csv.ends_with("\r\n"));
        assert_eq!(csv.matches('\n').count(), csv.matches("\r\n").count());
        let first = &framework().points[0];
        assert_eq!(records[1][0], first.number);
        assert_eq!(records[1][4], first.criteria[0].id);
        assert_eq!(records[1][7], "Not answered");
        assert_eq!(records[1][2], "0");
    }

    #[test]
    fn fields_are_quoted_only_when_they_need_it() {
        let mut assessment = sample();
        let id = &framework().points[0].criteria[0].id;
        assessment.update_answer(id, |answer| {
            answer.status = Some(Status::PartlyMet);
            answer.evidence = "Report, \"final\" version\nsecond line 🚀".into();
            answer.action = "Plain words".into();
            answer.owner = "Carriage\rreturn".into();
            answer.due = "2027-04-01".into();
        });
        let csv = to_csv(framework(), &assessment, "2026-12-02");
        assert!(csv.contains(",\"Report, \"\"final\"\" version\nsecond line 🚀\","));
        assert!(csv.contains(",Plain words,"));
        let records = parse(body(&csv));
        assert_eq!(records[1][7], "Partly met");
        assert_eq!(records[1][8], "Report, \"final\" version\nsecond line 🚀");
        assert_eq!(records[1][10], "Carriage\rreturn");
        assert_eq!(records[1][11], "2027-04-01");
        let point_score = scoring::score(framework(), &assessment).points[0]
            .score
            .expect("scored")
            .percent();
        assert_eq!(records[1][2], point_score.to_string());
    }

    #[test]
    fn cells_that_would_be_formulas_are_made_text() {
        for trigger in FORMULA_TRIGGERS {
            let text = format!("{trigger}HYPERLINK(\"http://x\")");
            let mut assessment = sample();
            let id = &framework().points[0].criteria[0].id;
            assessment.update_answer(id, |answer| answer.evidence = text.clone());
            let records = parse(body(&to_csv(framework(), &assessment, "2026-12-02")));
            assert_eq!(records[1][8], format!("'{text}"), "{trigger:?}");
        }
        let mut cell = String::new();
        push_cell(&mut cell, "a=b");
        assert_eq!(cell, "a=b");
    }

    #[test]
    fn answers_to_unknown_criteria_get_their_own_rows() {
        let mut assessment = sample();
        assessment.update_answer("ldd-2018/p99/c01", |answer| {
            answer.status = Some(Status::Met);
            answer.evidence = "Kept".into();
        });
        let records = parse(body(&to_csv(framework(), &assessment, "2026-12-02")));
        assert_eq!(records.len(), framework().criteria().count() + 2);
        let last = records.last().expect("a row");
        assert_eq!(last[4], "ldd-2018/p99/c01");
        assert_eq!(last[7], "Met");
        assert_eq!(last[8], "Kept");
    }

    #[test]
    fn the_kind_of_organisation_is_on_every_row_and_decides_must_or_should() {
        let mut framework = framework().clone();
        framework.points[0].criteria[0].level = crate::core::framework::Level::Must;
        framework.points[0].criteria[0].must_for = Some(vec![OrganisationType::Central]);
        let mut assessment = sample();
        let level_and_kind = |assessment: &Assessment| {
            let records = parse(body(&to_csv(&framework, assessment, "2026-12-02")));
            (records[1][6].clone(), records[1][14].clone(), records)
        };
        let (level, kind, records) = level_and_kind(&assessment);
        assert_eq!((level.as_str(), kind.as_str()), ("Must", "Not stated"));
        assert!(records[1..].iter().all(|record| record[14] == "Not stated"));
        assessment.details.organisation_type = Some(OrganisationType::Local);
        let (level, kind, _) = level_and_kind(&assessment);
        assert_eq!(
            (level.as_str(), kind.as_str()),
            ("Should", "Local government")
        );
        assessment.details.organisation_type = Some(OrganisationType::Central);
        assert_eq!(level_and_kind(&assessment).0, "Must");
    }

    #[test]
    fn a_comparison_has_a_row_per_criterion_with_both_answers_and_what_changed() {
        let mut earlier = sample();
        earlier.details.date = Some("2026-01-10".into());
        let id = framework().points[0].criteria[0].id.clone();
        earlier.update_answer(&id, |answer| {
            answer.status = Some(Status::NotMet);
            answer.action = "=Fix it".into();
        });
        let mut later = crate::core::reassess::next_assessment(
            framework(),
            &earlier,
            "later".into(),
            "2026-12-02",
        );
        later.update_answer(&id, |answer| {
            answer.status = Some(Status::Met);
            answer.evidence = "Done, \"signed off\"".into();
        });
        let comparison = crate::core::compare::compare(framework(), &later, &earlier, "2026-12-02");
        let records = parse(body(&comparison_to_csv(&comparison)));
        assert_eq!(records.len(), framework().criteria().count() + 1);
        assert!(records.iter().all(|record| record.len() == 15));
        let row = &records[1];
        assert_eq!(row[6], id);
        assert_eq!((row[8].as_str(), row[9].as_str()), ("Not met", "Met"));
        assert_eq!(row[10], "Answer and evidence");
        assert_eq!(row[12], "Done, \"signed off\"");
        assert_eq!(row[13], "'=Fix it");
        assert_eq!(records[2][10], "");
    }
}
