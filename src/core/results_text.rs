//! The words of the results, in one place: the details rows, the sentences and captions, and
//! the empty states. The results page and the HTML report (and, where it shares a word, the CSV)
//! all draw from here, so what a team sees on screen and what its assurance lead reads in the
//! emailed report can never drift apart.

use super::assessment::{format_date, Answer, Assessment, Status};
use super::framework::{Criterion, Framework, Level, OrganisationType};
use super::reassess::{action_state, ActionState};
use super::scoring::{Blocker, Results, Score};

/// How an empty optional detail reads.
pub const NOT_GIVEN: &str = "Not given";
/// The kind of organisation when none was chosen.
pub const NOT_STATED: &str = "Not stated";
/// An answer a person has not given yet.
pub const NOT_ANSWERED: &str = "Not answered";

pub const BLOCKERS_HEADING: &str = "What blocks";
pub const NOTHING_BLOCKS: &str = "Nothing blocks: no must criterion is Not met.";
pub const BLOCKERS_INTRO: &str =
    "These must criteria are Not met. Each one blocks its point whatever the point\u{2019}s score.";
pub const POINTS_HEADING: &str = "Scores by point";
pub const POINTS_CAPTION: &str = "Score and status of every point, blocked points first";
pub const ACTIONS_HEADING: &str = "Action plan";
pub const ACTIONS_CAPTION: &str = "Every criterion that is Not met or Partly met";
pub const NO_ACTIONS: &str = "There are no actions: no criterion is Not met or Partly met.";
pub const CHART_CAPTION: &str = "Chart of the score of each point, in the order of the table above, which holds the same figures.";

/// The column headings of the points table and of the action plan.
pub const POINT_COLUMNS: [&str; 4] = ["Point", "Score", "Status", "Why"];
pub const ACTION_COLUMNS: [&str; 7] = [
    "Point",
    "Criterion",
    "Answer",
    "Action",
    "Owner",
    "Due",
    "Action status",
];

/// A detail as it reads: the text, or "Not given".
pub fn or_not_given(text: &str) -> &str {
    if text.trim().is_empty() {
        NOT_GIVEN
    } else {
        text
    }
}

/// A score as a whole percentage ("63%"), or "No score".
pub fn score_text(score: Option<Score>) -> String {
    score
        .map(|score| format!("{}%", score.percent()))
        .unwrap_or_else(|| "No score".to_owned())
}

/// The kind of organisation as a detail reads.
pub fn organisation_type_text(kind: Option<OrganisationType>) -> &'static str {
    kind.map_or(NOT_STATED, OrganisationType::label)
}

/// An answer's status as it reads ("Partly met", "Not answered").
pub fn answer_text(status: Option<Status>) -> &'static str {
    status.map_or(NOT_ANSWERED, Status::label)
}

/// "Must" or "Should", as the criterion binds the organisation assessed.
pub fn level_text(criterion: &Criterion, organisation: Option<OrganisationType>) -> &'static str {
    criterion.level_for(organisation).label()
}

/// An action's due date as it reads ("31 March 2027"), or empty.
pub fn due_text(answer: &Answer) -> String {
    if answer.due.is_empty() {
        String::new()
    } else {
        format_date(&answer.due)
    }
}

/// Where an action stands, in words: "Open", "Overdue: due 31 March 2027", "Done".
pub fn action_status_text(answer: &Answer, today: &str) -> String {
    match action_state(answer, today) {
        Some(ActionState::Overdue) => format!("Overdue: due {}", format_date(&answer.due)),
        Some(state) => state.label().to_owned(),
        None => String::new(),
    }
}

/// How many answers carried over from the earlier assessment are still to check, or `None`.
pub fn unchecked_sentence(count: usize) -> Option<String> {
    match count {
        0 => None,
        1 => Some("1 answer carried over, not checked: check that it still holds.".to_owned()),
        n => Some(format!(
            "{n} answers carried over, not checked: check that they still hold."
        )),
    }
}

/// The heading of the changes since an earlier assessment: "Changes since 1 March 2026", or by
/// its name when it has no date.
pub fn changes_heading(earlier: &Assessment) -> String {
    match &earlier.details.date {
        Some(date) => format!("Changes since {}", format_date(date)),
        None => format!("Changes since \u{201c}{}\u{201d}", earlier.details.name),
    }
}

/// "{n} of {total} points completed.", then how many criteria are unanswered, if any.
pub fn completed_sentence(results: &Results) -> String {
    let mut sentence = format!(
        "{} of {} points completed.",
        results.completed_points(),
        results.points.len()
    );
    for more in [
        unanswered_sentence(results.unanswered()),
        unchecked_sentence(results.unchecked()),
    ]
    .into_iter()
    .flatten()
    {
        sentence.push(' ');
        sentence.push_str(&more);
    }
    sentence
}

/// How many criteria are unanswered and count as 0, or `None` when every one is answered.
pub fn unanswered_sentence(count: usize) -> Option<String> {
    match count {
        0 => None,
        1 => Some("1 criterion is unanswered and counts as 0 until answered.".to_owned()),
        n => Some(format!(
            "{n} criteria are unanswered and count as 0 until answered."
        )),
    }
}

/// One blocker as the "What blocks" list shows it: the point, then the question, then who the
/// must binds where it binds only some organisations.
pub struct BlockerLine {
    /// "5. Use cloud first"
    pub point: String,
    pub question: String,
    /// " (a must for central government)", or empty.
    pub binds: String,
}

pub fn blocker_line(blocker: &Blocker) -> BlockerLine {
    BlockerLine {
        point: format!("{}. {}", blocker.point.number, blocker.point.title),
        question: blocker.criterion.question.clone(),
        binds: blocker
            .criterion
            .binds()
            .map(|who| format!(" (a must for {who})"))
            .unwrap_or_default(),
    }
}

/// What the results say, once, about the kind of organisation, where the standard has musts
/// that bind only some kinds: that choosing it may change what blocks (when it is not stated),
/// or how many musts count as shoulds for the kind chosen.
pub fn organisation_note(framework: &Framework, assessment: &Assessment) -> Option<String> {
    let bound: Vec<&Criterion> = framework
        .criteria()
        .filter(|criterion| criterion.binds().is_some())
        .collect();
    if bound.is_empty() {
        return None;
    }
    match assessment.details.organisation_type {
        None => Some(
            "The kind of organisation is not stated, so every must is treated as a must. Some musts in this standard bind only some kinds of organisation: choosing the kind of organisation in the assessment\u{2019}s details may change what blocks.".to_owned(),
        ),
        Some(kind) => {
            let shoulds = bound
                .iter()
                .filter(|criterion| criterion.level_for(Some(kind)) == Level::Should)
                .count();
            (shoulds > 0).then(|| {
                let who = kind.in_sentence();
                if shoulds == 1 {
                    format!("Assessed as {who}: 1 must that is mandatory only for other kinds of organisation is scored here as a should, so it never blocks.")
                } else {
                    format!("Assessed as {who}: {shoulds} musts that are mandatory only for other kinds of organisation are scored here as shoulds, so they never block.")
                }
            })
        }
    }
}

/// One row of the details list.
pub struct DetailRow {
    pub key: &'static str,
    pub value: String,
}

/// The details of what was assessed, in the order the results page and the report list them.
pub fn detail_rows(framework: &Framework, assessment: &Assessment) -> Vec<DetailRow> {
    let details = &assessment.details;
    let row = |key, value: &str| DetailRow {
        key,
        value: value.to_owned(),
    };
    let mut rows = vec![
        row("Project or programme", &details.name),
        row("Organisation", or_not_given(&details.organisation)),
        row(
            "Kind of organisation",
            organisation_type_text(details.organisation_type),
        ),
        row("Assessor", or_not_given(&details.assessor)),
        row(
            "Phase",
            details.phase.map_or(NOT_GIVEN, |phase| phase.label()),
        ),
        DetailRow {
            key: "Date of assessment",
            value: details
                .date
                .as_deref()
                .map_or_else(|| NOT_GIVEN.to_owned(), format_date),
        },
        row("Standard", &framework.full_title()),
        DetailRow {
            key: "Content edition",
            value: format!(
                "Wording of {} in this tool",
                format_date(&framework.content_date)
            ),
        },
    ];
    let edition = &assessment.framework.edition;
    if *edition != framework.edition {
        rows.push(row("Answers given against the edition", edition));
    }
    if let Some(earlier) = &assessment.started_from {
        let when = earlier
            .date
            .as_deref()
            .map(|date| format!(" of {}", format_date(date)))
            .unwrap_or_default();
        rows.push(DetailRow {
            key: "Started from",
            value: format!("\u{201c}{}\u{201d}{when}", earlier.name),
        });
    }
    rows.extend([
        row("Protective marking", details.marking.label()),
        DetailRow {
            key: "Tool version",
            value: format!("TCoP Assessor {}", env!("CARGO_PKG_VERSION")),
        },
    ]);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::Details;
    use crate::core::catalogue;
    use crate::core::scoring;

    #[test]
    fn one_unanswered_criterion_is_singular() {
        assert_eq!(unanswered_sentence(0), None);
        assert_eq!(
            unanswered_sentence(1).as_deref(),
            Some("1 criterion is unanswered and counts as 0 until answered.")
        );
        assert_eq!(
            unanswered_sentence(2).as_deref(),
            Some("2 criteria are unanswered and count as 0 until answered.")
        );
    }

    #[test]
    fn the_completed_sentence_counts_points_and_unanswered_criteria() {
        let framework = catalogue::framework("ldd-2018").expect("built in");
        let mut assessment = Assessment::new(framework, Details::default());
        for criterion in framework.criteria().skip(1) {
            assessment.update_answer(&criterion.id, |answer| answer.status = Some(Status::Met));
        }
        let results = scoring::score(framework, &assessment);
        assert_eq!(
            completed_sentence(&results),
            "4 of 5 points completed. 1 criterion is unanswered and counts as 0 until answered."
        );
    }

    #[test]
    fn the_details_say_when_the_kind_of_organisation_is_not_stated() {
        let framework = catalogue::framework("tcop-2025").expect("built in");
        let mut assessment = Assessment::new(
            framework,
            Details {
                name: "Payments".into(),
                ..Details::default()
            },
        );
        let kind_of = |assessment: &Assessment| {
            detail_rows(framework, assessment)
                .into_iter()
                .find(|row| row.key == "Kind of organisation")
                .map(|row| row.value)
        };
        assert_eq!(kind_of(&assessment).as_deref(), Some("Not stated"));
        assessment.details.organisation_type = Some(OrganisationType::Local);
        assert_eq!(kind_of(&assessment).as_deref(), Some("Local government"));
    }

    #[test]
    fn the_organisation_note_appears_only_where_it_can_change_what_blocks() {
        let mut framework = catalogue::framework("ldd-2018").expect("built in").clone();
        let mut assessment = Assessment::new(&framework, Details::default());
        // No must binds only some organisations: nothing to say.
        framework.points[0].criteria[0].level = Level::Must;
        assert_eq!(organisation_note(&framework, &assessment), None);

        framework.points[0].criteria[0].must_for = Some(vec![OrganisationType::Central]);
        let not_stated = organisation_note(&framework, &assessment).expect("a note");
        assert!(
            not_stated.contains("may change what blocks"),
            "{not_stated}"
        );
        assessment.details.organisation_type = Some(OrganisationType::Central);
        assert_eq!(organisation_note(&framework, &assessment), None);
        assessment.details.organisation_type = Some(OrganisationType::Local);
        assert_eq!(
            organisation_note(&framework, &assessment).as_deref(),
            Some("Assessed as local government: 1 must that is mandatory only for other kinds of organisation is scored here as a should, so it never blocks.")
        );
    }
}
