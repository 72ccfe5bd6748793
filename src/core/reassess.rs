//! Assessing the same project again: the next assessment started from the last one, the state of
//! each action carried over (open, overdue or done), and the chain of assessments of one project
//! for its history.
//!
//! Dates come in as `YYYY-MM-DD` text from the caller (the browser's clock), so that everything
//! here stays pure and testable; ISO dates compare correctly as text.

use super::assessment::{Answer, Assessment, Details, StartedFrom, Status};
use super::fingerprint::Fingerprint;
use super::framework::Framework;
use super::scoring::{self, Standing};

/// A new draft of the same standard, started from `earlier`: its details copied with the date
/// set to `today` and the phase left to be asked again, and every answer, evidence and action
/// (with its owner and due date) carried over, marked to be checked.
pub fn next_assessment(
    framework: &Framework,
    earlier: &Assessment,
    new_id: String,
    today: &str,
) -> Assessment {
    let mut next = Assessment::new(
        framework,
        Details {
            date: Some(today.to_owned()),
            phase: None,
            ..earlier.details.clone()
        },
    );
    next.id = Some(new_id);
    next.answers = earlier
        .answers
        .iter()
        .filter(|(_, answer)| !answer.is_blank())
        .map(|(id, answer)| {
            let carried = Answer {
                carried_over: true,
                ..answer.clone()
            };
            (id.clone(), carried)
        })
        .collect();
    next.started_from = Some(StartedFrom {
        id: earlier.id.clone(),
        name: earlier.details.name.clone(),
        date: earlier.details.date.clone(),
        fingerprint: Fingerprint::of(earlier).as_str().to_owned(),
    });
    next
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionState {
    /// Still to do, and not past its due date (or it has none).
    Open,
    /// Past its due date and its criterion is still not met.
    Overdue,
    /// Its criterion is now Met.
    Done,
    /// Its criterion is now Not applicable.
    NoLongerNeeded,
}

impl ActionState {
    pub fn label(self) -> &'static str {
        match self {
            ActionState::Open => "Open",
            ActionState::Overdue => "Overdue",
            ActionState::Done => "Done",
            ActionState::NoLongerNeeded => "No longer needed",
        }
    }

    /// A short lowercase name, for CSS classes.
    pub fn slug(self) -> &'static str {
        match self {
            ActionState::Open => "open",
            ActionState::Overdue => "overdue",
            ActionState::Done => "done",
            ActionState::NoLongerNeeded => "no-longer-needed",
        }
    }

    /// Whether the action still needs doing.
    pub fn is_open(self) -> bool {
        matches!(self, ActionState::Open | ActionState::Overdue)
    }
}

/// The state of the action recorded against an answer, or `None` when it records no action and
/// is not a gap (a Not met or Partly met answer is a gap to act on even before its action is
/// written).
pub fn action_state(answer: &Answer, today: &str) -> Option<ActionState> {
    let has_action = !answer.action.trim().is_empty();
    let still_to_do = if !answer.due.is_empty() && answer.due.as_str() < today {
        ActionState::Overdue
    } else {
        ActionState::Open
    };
    match answer.status {
        Some(Status::Met) => has_action.then_some(ActionState::Done),
        Some(Status::NotApplicable) => has_action.then_some(ActionState::NoLongerNeeded),
        Some(Status::NotMet | Status::PartlyMet) => Some(still_to_do),
        None => has_action.then_some(still_to_do),
    }
}

/// The longest chain followed, so that a hostile set of files cannot make it run away.
pub const MAX_CHAIN: usize = 100;

/// Every assessment of the same project and standard known here, oldest first: `target`, the
/// assessments it was started from (by ID, or by the fingerprint recorded when it was), back as
/// far as they are known, and those started from it, forward. `known` may include `target`.
pub fn chain<'a>(target: &'a Assessment, known: &[&'a Assessment]) -> Vec<&'a Assessment> {
    let same_standard: Vec<&Assessment> = known
        .iter()
        .copied()
        .filter(|candidate| candidate.framework.id == target.framework.id)
        .collect();
    // Assessments are told apart by where they are held, not by their answers: the next
    // assessment starts with the same answers as the last.
    let mut in_chain: Vec<&Assessment> = vec![target];
    let is_in = |chain: &[&Assessment], candidate: &Assessment| {
        chain.iter().any(|member| std::ptr::eq(*member, candidate))
    };
    let mut current = target;
    while in_chain.len() < MAX_CHAIN {
        let Some(from) = &current.started_from else {
            break;
        };
        let Some(parent) = same_standard.iter().copied().find(|candidate| {
            !std::ptr::eq(*candidate, current)
                && !is_in(&in_chain, candidate)
                && is_started_from(from, candidate)
        }) else {
            break;
        };
        in_chain.insert(0, parent);
        current = parent;
    }
    let mut current = target;
    while in_chain.len() < MAX_CHAIN {
        let Some(child) = same_standard.iter().copied().find(|candidate| {
            !is_in(&in_chain, candidate)
                && candidate
                    .started_from
                    .as_ref()
                    .is_some_and(|from| is_started_from(from, current))
        }) else {
            break;
        };
        in_chain.push(child);
        current = child;
    }
    in_chain
}

/// Whether `from` (what a later assessment recorded) names `candidate`: by its ID where both
/// have one, otherwise by the fingerprint of its answers.
pub fn is_started_from(from: &StartedFrom, candidate: &Assessment) -> bool {
    match (&from.id, &candidate.id) {
        (Some(id), Some(candidate_id)) => id == candidate_id,
        _ => Fingerprint::of(candidate).as_str() == from.fingerprint,
    }
}

/// One assessment in a project's history.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryRow {
    pub name: String,
    pub date: Option<String>,
    /// The overall score as a whole percentage, if it has one.
    pub overall: Option<u64>,
    pub standing: Standing,
    /// Each point's standing, in the framework's order.
    pub points: Vec<Standing>,
}

/// The history of a chain of assessments (from [`chain`]), scored against one framework.
pub fn history(framework: &Framework, chain: &[&Assessment]) -> Vec<HistoryRow> {
    chain
        .iter()
        .map(|assessment| {
            let results = scoring::score(framework, assessment);
            HistoryRow {
                name: assessment.details.name.clone(),
                date: assessment.details.date.clone(),
                overall: results.overall.map(|score| score.percent()),
                standing: results.standing,
                points: results.points.iter().map(|point| point.standing).collect(),
            }
        })
        .collect()
}

/// A history is shown once three or more assessments of the project are known.
pub const HISTORY_FROM: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::Phase;
    use crate::core::catalogue;

    fn framework() -> &'static Framework {
        catalogue::framework("ldd-2018").expect("built in")
    }

    fn first() -> Assessment {
        let mut assessment = Assessment::new(
            framework(),
            Details {
                name: "Council website".into(),
                organisation: "Borough".into(),
                phase: Some(Phase::Alpha),
                date: Some("2026-03-01".into()),
                ..Details::default()
            },
        );
        assessment.id = Some("first".into());
        assessment.update_answer("ldd-2018/p01/c01", |answer| {
            answer.status = Some(Status::NotMet);
            answer.evidence = "None yet".into();
            answer.action = "Run research".into();
            answer.owner = "Sam".into();
            answer.due = "2026-06-30".into();
        });
        assessment.update_answer("ldd-2018/p01/c02", |answer| {
            answer.status = Some(Status::Met)
        });
        assessment
    }

    #[test]
    fn the_next_assessment_carries_every_answer_over_marked_and_records_where_it_came_from() {
        let earlier = first();
        let next = next_assessment(framework(), &earlier, "second".into(), "2026-12-02");
        assert_eq!(next.id.as_deref(), Some("second"));
        assert_eq!(next.details.name, "Council website");
        assert_eq!(next.details.organisation, "Borough");
        assert_eq!(next.details.date.as_deref(), Some("2026-12-02"));
        assert_eq!(next.details.phase, None);
        assert_eq!(next.answers.len(), 2);
        assert!(next.answers.values().all(|answer| answer.carried_over));
        for (id, answer) in &earlier.answers {
            assert!(next.answers[id].same_record(answer), "{id}");
        }
        let from = next.started_from.as_ref().expect("recorded");
        assert_eq!(from.id.as_deref(), Some("first"));
        assert_eq!(from.name, "Council website");
        assert_eq!(from.date.as_deref(), Some("2026-03-01"));
        assert_eq!(from.fingerprint, Fingerprint::of(&earlier).as_str());
        assert_eq!(next.unchecked(), 2);
        // Carried-over answers count as answered but keep their point from being Completed.
        let results = scoring::score(framework(), &next);
        assert_eq!(results.points[0].tally.unchecked, 2);
        assert_eq!(results.unchecked(), 2);
    }

    #[test]
    fn actions_are_overdue_after_their_date_and_done_once_met() {
        let mut answer = first().answers["ldd-2018/p01/c01"].clone();
        assert_eq!(action_state(&answer, "2026-06-30"), Some(ActionState::Open));
        assert_eq!(
            action_state(&answer, "2026-07-01"),
            Some(ActionState::Overdue)
        );
        answer.due.clear();
        assert_eq!(action_state(&answer, "2030-01-01"), Some(ActionState::Open));
        answer.due = "2026-06-30".into();
        answer.status = Some(Status::PartlyMet);
        assert_eq!(
            action_state(&answer, "2026-07-01"),
            Some(ActionState::Overdue)
        );
        answer.status = Some(Status::Met);
        assert_eq!(action_state(&answer, "2026-07-01"), Some(ActionState::Done));
        answer.status = Some(Status::NotApplicable);
        assert_eq!(
            action_state(&answer, "2026-07-01"),
            Some(ActionState::NoLongerNeeded)
        );
        // A gap with no action written yet is still open; Met with nothing planned is no action.
        let gap = Answer {
            status: Some(Status::NotMet),
            ..Answer::default()
        };
        assert_eq!(action_state(&gap, "2026-07-01"), Some(ActionState::Open));
        let met = Answer {
            status: Some(Status::Met),
            ..Answer::default()
        };
        assert_eq!(action_state(&met, "2026-07-01"), None);
    }

    #[test]
    fn a_chain_is_followed_by_id_or_by_fingerprint_oldest_first() {
        let one = first();
        let two = next_assessment(framework(), &one, "second".into(), "2026-06-01");
        let mut three = next_assessment(framework(), &two, "third".into(), "2026-12-01");
        let unrelated = Assessment {
            id: Some("other".into()),
            ..first()
        };
        let known = [&three, &unrelated, &one, &two];
        let names: Vec<Option<&str>> = chain(&two, &known)
            .iter()
            .map(|assessment| assessment.id.as_deref())
            .collect();
        assert_eq!(names, [Some("first"), Some("second"), Some("third")]);
        // From a file without IDs, the fingerprint recorded at the start finds the earlier one.
        let mut no_ids = one.clone();
        no_ids.id = None;
        three.started_from = None;
        let mut from_file = next_assessment(framework(), &no_ids, "next".into(), "2026-06-01");
        from_file.started_from.as_mut().expect("recorded").id = None;
        assert_eq!(chain(&from_file, &[&no_ids, &from_file]).len(), 2);
        let rows = history(framework(), &[&one, &two]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].points.len(), framework().points.len());
    }

    #[test]
    fn a_chain_that_loops_stops() {
        let mut one = first();
        let two = next_assessment(framework(), &one, "second".into(), "2026-06-01");
        one.started_from = two.started_from.clone().map(|mut from| {
            from.id = Some("second".into());
            from
        });
        let found = chain(&one, &[&one, &two]);
        assert!(found.len() <= 2, "{}", found.len());
    }
}
