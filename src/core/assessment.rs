//! The assessment document: which framework, the details of what is assessed, and an answer per
//! criterion. This one type is what the tool saves, downloads and shares; its JSON form is
//! written and read only by `codec::document`.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use super::framework::{Framework, OrganisationType};

/// A team's answer to one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Met,
    PartlyMet,
    NotMet,
    NotApplicable,
}

impl Status {
    /// In the order the radios show them.
    pub const ALL: [Status; 4] = [
        Status::Met,
        Status::PartlyMet,
        Status::NotMet,
        Status::NotApplicable,
    ];

    /// The words a person sees.
    pub fn label(self) -> &'static str {
        match self {
            Status::Met => "Met",
            Status::PartlyMet => "Partly met",
            Status::NotMet => "Not met",
            Status::NotApplicable => "Not applicable",
        }
    }

    /// The value used in the document and in form controls.
    pub fn code(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::PartlyMet => "partly",
            Status::NotMet => "not_met",
            Status::NotApplicable => "na",
        }
    }

    /// Whether this answer calls for an action to close a gap.
    pub fn needs_action(self) -> bool {
        matches!(self, Status::PartlyMet | Status::NotMet)
    }
}

/// The delivery phase the assessment applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Discovery,
    Alpha,
    Beta,
    Live,
    Retirement,
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::Discovery,
        Phase::Alpha,
        Phase::Beta,
        Phase::Live,
        Phase::Retirement,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Phase::Discovery => "Discovery",
            Phase::Alpha => "Alpha",
            Phase::Beta => "Beta",
            Phase::Live => "Live",
            Phase::Retirement => "Retirement",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Phase::Discovery => "discovery",
            Phase::Alpha => "alpha",
            Phase::Beta => "beta",
            Phase::Live => "live",
            Phase::Retirement => "retirement",
        }
    }

    pub fn from_code(code: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|phase| phase.code() == code)
    }
}

/// The government security classification the assessment is handled under. It is shown at the
/// top of the results and of every export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Marking {
    #[default]
    Official,
    OfficialSensitive,
}

impl Marking {
    pub const ALL: [Marking; 2] = [Marking::Official, Marking::OfficialSensitive];

    pub fn label(self) -> &'static str {
        match self {
            Marking::Official => "OFFICIAL",
            Marking::OfficialSensitive => "OFFICIAL-SENSITIVE",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Marking::Official => "official",
            Marking::OfficialSensitive => "official_sensitive",
        }
    }

    pub fn from_code(code: &str) -> Option<Marking> {
        Marking::ALL
            .into_iter()
            .find(|marking| marking.code() == code)
    }
}

/// What is being assessed, by whom and when.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Details {
    /// The project or programme; the only required detail.
    pub name: String,
    pub organisation: String,
    /// What kind of organisation the assessment is for: it decides which musts bind. `None` is
    /// "Not stated", where every must binds.
    pub organisation_type: Option<OrganisationType>,
    pub assessor: String,
    pub phase: Option<Phase>,
    /// The date of the assessment, as `YYYY-MM-DD`.
    pub date: Option<String>,
    pub marking: Marking,
}

/// Everything recorded against one criterion.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answer {
    pub status: Option<Status>,
    pub evidence: String,
    /// What will be done to close a gap.
    pub action: String,
    pub owner: String,
    /// When the action is due, as `YYYY-MM-DD`, or empty.
    pub due: String,
    /// Copied from the assessment this one was started from, and not yet confirmed ("Still
    /// true") or changed. It is never a reason to keep an answer on its own.
    pub carried_over: bool,
}

impl Answer {
    /// True when nothing has been recorded, so the answer need not be kept.
    pub fn is_blank(&self) -> bool {
        self.status.is_none()
            && self.evidence.is_empty()
            && self.action.is_empty()
            && self.owner.is_empty()
            && self.due.is_empty()
    }

    /// The status of an answer that has nothing else recorded (no evidence, action, owner or
    /// due date), which files and links write in a short form.
    pub fn status_only(&self) -> Option<Status> {
        let has_text = [&self.evidence, &self.action, &self.owner, &self.due]
            .iter()
            .any(|text| !text.is_empty());
        self.status.filter(|_| !has_text && !self.carried_over)
    }

    /// Whether two answers record the same things, whatever their carried-over marks.
    pub fn same_record(&self, other: &Answer) -> bool {
        self.status == other.status
            && self.evidence == other.evidence
            && self.action == other.action
            && self.owner == other.owner
            && self.due == other.due
    }

    /// Whether this answer was carried over from an earlier assessment and still needs checking.
    pub fn needs_checking(&self) -> bool {
        self.carried_over && !self.is_blank()
    }
}

/// Which framework, and which edition of its content, the answers were given against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FrameworkRef {
    pub id: String,
    pub edition: String,
}

/// The assessment another one was started from, as the later one records it, so that a chain
/// of assessments of one project can be followed in files as well as in one browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartedFrom {
    /// The earlier assessment's own ID, when it had one.
    pub id: Option<String>,
    pub name: String,
    /// The earlier assessment's date, as `YYYY-MM-DD`, when it had one.
    pub date: Option<String>,
    /// The fingerprint of the earlier assessment's answers when this one was started from it.
    pub fingerprint: String,
}

/// One assessment of one programme against one framework.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// The assessment's own ID, kept in every file and link made from it, so that later
    /// assessments can say which one they were started from. Files from before version 3 have
    /// none until one is needed.
    pub id: Option<String>,
    pub framework: FrameworkRef,
    pub details: Details,
    /// Keyed by criterion ID; a criterion without an entry is unanswered.
    pub answers: BTreeMap<String, Answer>,
    pub started_from: Option<StartedFrom>,
}

impl Assessment {
    pub fn new(framework: &Framework, details: Details) -> Assessment {
        Assessment {
            id: None,
            framework: FrameworkRef {
                id: framework.id.clone(),
                edition: framework.edition.clone(),
            },
            details,
            answers: BTreeMap::new(),
            started_from: None,
        }
    }

    /// The status recorded for a criterion, if any.
    pub fn status(&self, criterion_id: &str) -> Option<Status> {
        self.answers
            .get(criterion_id)
            .and_then(|answer| answer.status)
    }

    /// Changes one criterion's answer, dropping it when it becomes blank so documents stay small.
    /// Changing anything a person recorded (the status, evidence, action, owner or due date) also
    /// ends its "carried over" mark: the answer has been looked at.
    pub fn update_answer(&mut self, criterion_id: &str, change: impl FnOnce(&mut Answer)) {
        let answer = self.answers.entry(criterion_id.to_owned()).or_default();
        let before = answer.clone();
        change(answer);
        if before.carried_over && answer.carried_over && !answer.same_record(&before) {
            answer.carried_over = false;
        }
        if answer.is_blank() {
            self.answers.remove(criterion_id);
        }
    }

    /// How many answers were carried over from an earlier assessment and are not checked yet.
    pub fn unchecked(&self) -> usize {
        self.answers
            .values()
            .filter(|answer| answer.needs_checking())
            .count()
    }

    /// Answers to criteria the framework does not have (from a newer or edited file). They are
    /// kept and reported, never silently dropped.
    pub fn unknown_criteria<'a>(&'a self, framework: &'a Framework) -> Vec<&'a str> {
        self.answers
            .keys()
            .filter(|id| framework.criterion(id).is_none())
            .map(String::as_str)
            .collect()
    }
}

/// A date a person typed, as day, month and year boxes (the GOV.UK date input pattern).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateParts {
    pub day: String,
    pub month: String,
    pub year: String,
}

/// Why a typed date was refused; each reads as the message shown next to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    Incomplete,
    NotNumbers,
    NotReal,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::Incomplete => "Date must include a day, month and year",
            DateError::NotNumbers => "Date must be given in numbers, for example 27 3 2026",
            DateError::NotReal => "Date must be a real date",
        })
    }
}

impl DateParts {
    pub fn is_empty(&self) -> bool {
        [&self.day, &self.month, &self.year]
            .iter()
            .all(|part| part.trim().is_empty())
    }

    /// The date as `YYYY-MM-DD`, or `None` when all three boxes are empty.
    pub fn to_iso(&self) -> Result<Option<String>, DateError> {
        if self.is_empty() {
            return Ok(None);
        }
        let parts = [&self.day, &self.month, &self.year].map(|part| part.trim());
        if parts.iter().any(|part| part.is_empty()) {
            return Err(DateError::Incomplete);
        }
        let [day, month, year] = parts;
        let (Ok(day), Ok(month), Ok(year)) =
            (day.parse::<u8>(), month.parse::<u8>(), year.parse::<i32>())
        else {
            return Err(DateError::NotNumbers);
        };
        if !(1000..=9999).contains(&year) {
            return Err(DateError::NotReal);
        }
        let month = time::Month::try_from(month).map_err(|_| DateError::NotReal)?;
        let date =
            time::Date::from_calendar_date(year, month, day).map_err(|_| DateError::NotReal)?;
        Ok(Some(format!(
            "{:04}-{:02}-{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        )))
    }

    /// Splits a stored `YYYY-MM-DD` date back into boxes for editing.
    pub fn from_iso(iso: &str) -> DateParts {
        let mut parts = iso.splitn(3, '-');
        let year = parts.next().unwrap_or_default();
        let month = parts.next().unwrap_or_default();
        let day = parts.next().unwrap_or_default();
        let trim = |text: &str| text.trim_start_matches('0').to_owned();
        DateParts {
            day: trim(day),
            month: trim(month),
            year: year.to_owned(),
        }
    }
}

/// Shows a stored `YYYY-MM-DD` date the GOV.UK way: "27 March 2026".
pub fn format_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts = DateParts::from_iso(iso);
    match (parts.day.parse::<u8>(), parts.month.parse::<usize>()) {
        (Ok(day), Ok(month @ 1..=12)) => format!("{day} {} {}", MONTHS[month - 1], parts.year),
        _ => iso.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(day: &str, month: &str, year: &str) -> DateParts {
        DateParts {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    #[test]
    fn typed_dates_are_checked_against_the_calendar() {
        assert_eq!(
            parts("29", "2", "2028").to_iso(),
            Ok(Some("2028-02-29".into()))
        );
        assert_eq!(parts("29", "2", "2027").to_iso(), Err(DateError::NotReal));
        assert_eq!(parts("1", "13", "2027").to_iso(), Err(DateError::NotReal));
        assert_eq!(parts("1", "", "2027").to_iso(), Err(DateError::Incomplete));
        assert_eq!(
            parts("one", "1", "2027").to_iso(),
            Err(DateError::NotNumbers)
        );
        assert_eq!(parts("1", "1", "27").to_iso(), Err(DateError::NotReal));
        assert_eq!(parts(" ", "", "").to_iso(), Ok(None));
    }

    #[test]
    fn stored_dates_go_back_into_boxes_and_read_well() {
        assert_eq!(DateParts::from_iso("2026-03-07"), parts("7", "3", "2026"));
        assert_eq!(format_date("2026-03-07"), "7 March 2026");
        assert_eq!(format_date("nonsense"), "nonsense");
    }

    #[test]
    fn blank_answers_are_not_kept() {
        let mut assessment = Assessment {
            id: None,
            framework: FrameworkRef {
                id: "demo".into(),
                edition: "1".into(),
            },
            details: Details::default(),
            answers: BTreeMap::new(),
            started_from: None,
        };
        assessment.update_answer("demo/p01/c01", |answer| answer.status = Some(Status::Met));
        assert_eq!(assessment.status("demo/p01/c01"), Some(Status::Met));
        assessment.update_answer("demo/p01/c01", |answer| answer.status = None);
        assert!(assessment.answers.is_empty());
    }

    #[test]
    fn changing_a_carried_over_answer_ends_its_mark_and_confirming_keeps_the_answer() {
        let mut assessment = Assessment::new(
            &crate::core::catalogue::framework("ldd-2018")
                .expect("built in")
                .clone(),
            Details::default(),
        );
        let carried = |assessment: &mut Assessment| {
            assessment.update_answer("ldd-2018/p01/c01", |answer| {
                answer.status = Some(Status::Met);
                answer.carried_over = true;
            })
        };
        carried(&mut assessment);
        assert_eq!(assessment.unchecked(), 1);
        // A carried-over mark on its own keeps nothing.
        assessment.update_answer("ldd-2018/p02/c01", |answer| answer.carried_over = true);
        assert!(!assessment.answers.contains_key("ldd-2018/p02/c01"));
        // Setting the same status again is not a change.
        assessment.update_answer("ldd-2018/p01/c01", |answer| {
            answer.status = Some(Status::Met)
        });
        assert_eq!(assessment.unchecked(), 1);
        assessment.update_answer("ldd-2018/p01/c01", |answer| answer.evidence = "New".into());
        assert_eq!(assessment.unchecked(), 0);
        carried(&mut assessment);
        assessment.update_answer("ldd-2018/p01/c01", |answer| answer.carried_over = false);
        assert_eq!(assessment.unchecked(), 0);
        assert_eq!(assessment.status("ldd-2018/p01/c01"), Some(Status::Met));
    }
}
