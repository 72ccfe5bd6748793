//! Comparing two assessments of the same standard: what changed at each point and criterion,
//! which actions were completed, and a summary in sentences.
//!
//! The earlier one always comes first, whichever order the two are given in, so comparing is
//! symmetric in what it reports. Both are scored against this tool's content; criteria are matched
//! by ID, so assessments made with different content versions compare cleanly, and answers to
//! criteria only one side's content had are listed as added or removed.

use std::cmp::Ordering;

use super::assessment::{Answer, Assessment, Status};
use super::fingerprint::Fingerprint;
use super::framework::{Criterion, Framework, Point};
use super::reassess::{action_state, is_started_from, ActionState};
use super::scoring::{self, PointResult, Score, Standing};

/// Which of two assessments is the earlier: by date, then by which was started from which, then
/// by fingerprint, so that the same pair always comes out in the same order.
pub fn in_order<'a>(a: &'a Assessment, b: &'a Assessment) -> (&'a Assessment, &'a Assessment) {
    let by_date = match (&a.details.date, &b.details.date) {
        (Some(first), Some(second)) => first.cmp(second),
        _ => Ordering::Equal,
    };
    let order = by_date
        .then_with(|| {
            let b_from_a = b
                .started_from
                .as_ref()
                .is_some_and(|from| is_started_from(from, a));
            let a_from_b = a
                .started_from
                .as_ref()
                .is_some_and(|from| is_started_from(from, b));
            match (b_from_a, a_from_b) {
                (true, false) => Ordering::Less,
                (false, true) => Ordering::Greater,
                _ => Ordering::Equal,
            }
        })
        .then_with(|| Fingerprint::of(a).cmp(&Fingerprint::of(b)));
    if order == Ordering::Greater {
        (b, a)
    } else {
        (a, b)
    }
}

/// Better, worse or the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Better,
    Worse,
    Same,
}

/// How good a standing is, for telling better from worse; `None` where there is no score to
/// compare (Not applicable).
fn standing_rank(standing: Standing) -> Option<u8> {
    match standing {
        Standing::Blocked => Some(0),
        Standing::DoesNotMeet => Some(1),
        Standing::PartlyMeets => Some(2),
        Standing::Meets => Some(3),
        Standing::NotApplicable => None,
    }
}

/// How good an answer is; unanswered counts as Not met, as in scoring, and Not applicable has no
/// rank.
fn status_rank(status: Option<Status>) -> Option<u8> {
    match status {
        Some(Status::Met) => Some(2),
        Some(Status::PartlyMet) => Some(1),
        Some(Status::NotMet) | None => Some(0),
        Some(Status::NotApplicable) => None,
    }
}

fn direction(earlier: Option<u8>, later: Option<u8>) -> Direction {
    match (earlier, later) {
        (Some(earlier), Some(later)) if later > earlier => Direction::Better,
        (Some(earlier), Some(later)) if later < earlier => Direction::Worse,
        _ => Direction::Same,
    }
}

/// What changed in one criterion's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionChange<'f> {
    pub id: String,
    /// `None` for an answer to a criterion this tool's content does not have.
    pub criterion: Option<&'f Criterion>,
    pub earlier: Answer,
    pub later: Answer,
    pub status_changed: bool,
    pub evidence_changed: bool,
    pub action_changed: bool,
    pub direction: Direction,
}

impl CriterionChange<'_> {
    /// The question, or the ID for a criterion this content does not have.
    pub fn question(&self) -> &str {
        self.criterion
            .map_or(&self.id, |criterion| &criterion.question)
    }

    /// What changed, in words: "Answer, evidence and action".
    pub fn what_changed(&self) -> String {
        let parts: Vec<&str> = [
            (self.status_changed, "answer"),
            (self.evidence_changed, "evidence"),
            (self.action_changed, "action"),
        ]
        .into_iter()
        .filter_map(|(changed, name)| changed.then_some(name))
        .collect();
        let mut text = match parts.as_slice() {
            [] => "owner or due date".to_owned(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        };
        if let Some(first) = text.get(..1) {
            text.replace_range(..1, &first.to_uppercase());
        }
        text
    }
}

/// One point, earlier and later.
#[derive(Debug, Clone, PartialEq)]
pub struct PointChange<'f> {
    pub point: &'f Point,
    pub earlier: PointResult<'f>,
    pub later: PointResult<'f>,
    pub direction: Direction,
    /// Criteria whose status, evidence or action (or owner or due date) changed, in order.
    pub criteria: Vec<CriterionChange<'f>>,
}

impl PointChange<'_> {
    /// "Blocked → Meets", or the standing alone when it did not move.
    pub fn standing_change(&self) -> String {
        if self.earlier.standing == self.later.standing {
            self.later.standing.label().to_owned()
        } else {
            format!(
                "{} \u{2192} {}",
                self.earlier.standing.label(),
                self.later.standing.label()
            )
        }
    }

    /// "+25%", "−10%" or "No change", in whole percentage points; empty when either side has no
    /// score.
    pub fn score_change(&self) -> String {
        match (self.earlier.score, self.later.score) {
            (Some(earlier), Some(later)) => percent_change(earlier, later),
            _ => String::new(),
        }
    }

    /// Whether anything about the point changed.
    pub fn changed(&self) -> bool {
        !self.criteria.is_empty() || self.earlier.standing != self.later.standing
    }

    /// Whether the point, or any of its criteria, got worse.
    pub fn got_worse(&self) -> bool {
        self.direction == Direction::Worse
            || self
                .criteria
                .iter()
                .any(|change| change.direction == Direction::Worse)
    }
}

fn percent_change(earlier: Score, later: Score) -> String {
    let (earlier, later) = (earlier.percent(), later.percent());
    match later.cmp(&earlier) {
        Ordering::Greater => format!("+{}%", later - earlier),
        Ordering::Less => format!("\u{2212}{}%", earlier - later),
        Ordering::Equal => "No change".to_owned(),
    }
}

/// The whole comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison<'f, 'a> {
    pub earlier: &'a Assessment,
    pub later: &'a Assessment,
    pub points: Vec<PointChange<'f>>,
    /// The overall scores, earlier and later.
    pub overall: (Option<Score>, Option<Score>),
    pub standing: (Standing, Standing),
    /// Answers to criteria this content does not have, only in the later assessment.
    pub added: Vec<String>,
    /// Answers to criteria this content does not have, only in the earlier assessment.
    pub removed: Vec<String>,
    /// Answers to criteria this content does not have, in both, that differ.
    pub other_changes: Vec<CriterionChange<'f>>,
    pub summary: Summary,
}

/// The counts the summary sentence is made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub improved: usize,
    pub worse: usize,
    /// Actions open in the earlier assessment whose criterion is Met in the later one.
    pub actions_completed: usize,
    /// Actions in the later assessment past their due date.
    pub overdue: usize,
}

impl Summary {
    /// "3 points improved, 1 got worse, 2 actions were completed, 1 is overdue."
    pub fn sentence(&self) -> String {
        let points = |count: usize| if count == 1 { "point" } else { "points" };
        let mut parts = vec![
            format!("{} {} improved", self.improved, points(self.improved)),
            format!("{} got worse", self.worse),
        ];
        parts.push(match self.actions_completed {
            1 => "1 action was completed".to_owned(),
            n => format!("{n} actions were completed"),
        });
        parts.push(match self.overdue {
            1 => "1 is overdue".to_owned(),
            n => format!("{n} are overdue"),
        });
        let mut sentence = parts.join(", ");
        sentence.push('.');
        sentence
    }
}

/// Compares two assessments of `framework`, given in either order. `today` (`YYYY-MM-DD`)
/// decides which actions are overdue.
pub fn compare<'f, 'a>(
    framework: &'f Framework,
    a: &'a Assessment,
    b: &'a Assessment,
    today: &str,
) -> Comparison<'f, 'a> {
    let (earlier, later) = in_order(a, b);
    let earlier_results = scoring::score(framework, earlier);
    let later_results = scoring::score(framework, later);
    let blank = Answer::default();
    let mut summary = Summary::default();
    let points: Vec<PointChange<'f>> = earlier_results
        .points
        .iter()
        .zip(&later_results.points)
        .map(|(before, after)| {
            let criteria: Vec<CriterionChange<'f>> = before
                .point
                .criteria
                .iter()
                .filter_map(|criterion| {
                    change_of(
                        &criterion.id,
                        Some(criterion),
                        earlier.answers.get(&criterion.id).unwrap_or(&blank),
                        later.answers.get(&criterion.id).unwrap_or(&blank),
                    )
                })
                .collect();
            let direction = match direction(
                standing_rank(before.standing),
                standing_rank(after.standing),
            ) {
                Direction::Same => match (before.score, after.score) {
                    (Some(x), Some(y)) => direction(
                        Some(u8::try_from(x.percent()).unwrap_or(u8::MAX)),
                        Some(u8::try_from(y.percent()).unwrap_or(u8::MAX)),
                    ),
                    _ => Direction::Same,
                },
                moved => moved,
            };
            match direction {
                Direction::Better => summary.improved += 1,
                Direction::Worse => summary.worse += 1,
                Direction::Same => {}
            }
            PointChange {
                point: before.point,
                earlier: before.clone(),
                later: after.clone(),
                direction,
                criteria,
            }
        })
        .collect();

    for criterion in framework.criteria() {
        let before = earlier.answers.get(&criterion.id).unwrap_or(&blank);
        let after = later.answers.get(&criterion.id).unwrap_or(&blank);
        let was_open = action_state(before, today).is_some_and(ActionState::is_open)
            && !before.action.trim().is_empty();
        if was_open && after.status == Some(Status::Met) {
            summary.actions_completed += 1;
        }
        if action_state(after, today) == Some(ActionState::Overdue) {
            summary.overdue += 1;
        }
    }

    let unknown_earlier = earlier.unknown_criteria(framework);
    let unknown_later = later.unknown_criteria(framework);
    let added = unknown_later
        .iter()
        .filter(|id| !unknown_earlier.contains(id))
        .map(|id| (*id).to_owned())
        .collect();
    let removed = unknown_earlier
        .iter()
        .filter(|id| !unknown_later.contains(id))
        .map(|id| (*id).to_owned())
        .collect();
    let other_changes = unknown_later
        .iter()
        .filter(|id| unknown_earlier.contains(id))
        .filter_map(|id| {
            change_of(
                id,
                None,
                earlier.answers.get(*id).unwrap_or(&blank),
                later.answers.get(*id).unwrap_or(&blank),
            )
        })
        .collect();

    Comparison {
        earlier,
        later,
        points,
        overall: (earlier_results.overall, later_results.overall),
        standing: (earlier_results.standing, later_results.standing),
        added,
        removed,
        other_changes,
        summary,
    }
}

fn change_of<'f>(
    id: &str,
    criterion: Option<&'f Criterion>,
    earlier: &Answer,
    later: &Answer,
) -> Option<CriterionChange<'f>> {
    if earlier.same_record(later) {
        return None;
    }
    Some(CriterionChange {
        id: id.to_owned(),
        criterion,
        earlier: earlier.clone(),
        later: later.clone(),
        status_changed: earlier.status != later.status,
        evidence_changed: earlier.evidence != later.evidence,
        action_changed: earlier.action != later.action,
        direction: direction(status_rank(earlier.status), status_rank(later.status)),
    })
}

impl Comparison<'_, '_> {
    /// The overall change: "Blocked → Meets, +25%".
    pub fn overall_change(&self) -> String {
        let (earlier, later) = self.standing;
        let standing = if earlier == later {
            later.label().to_owned()
        } else {
            format!("{} \u{2192} {}", earlier.label(), later.label())
        };
        match self.overall {
            (Some(before), Some(after)) => format!("{standing}, {}", percent_change(before, after)),
            _ => standing,
        }
    }

    /// Whether nothing at all changed.
    pub fn is_unchanged(&self) -> bool {
        self.points.iter().all(|point| !point.changed())
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.other_changes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::Details;
    use crate::core::catalogue;
    use crate::core::reassess::next_assessment;

    fn framework() -> &'static Framework {
        catalogue::framework("ldd-2018").expect("built in")
    }

    fn earlier() -> Assessment {
        let mut assessment = Assessment::new(
            framework(),
            Details {
                name: "Council website".into(),
                date: Some("2026-03-01".into()),
                ..Details::default()
            },
        );
        assessment.id = Some("first".into());
        for criterion in framework().criteria() {
            assessment.update_answer(&criterion.id, |answer| answer.status = Some(Status::Met));
        }
        assessment.update_answer("ldd-2018/p01/c01", |answer| {
            answer.status = Some(Status::NotMet);
            answer.action = "Run research".into();
            answer.due = "2026-06-30".into();
        });
        assessment
    }

    #[test]
    fn identical_assessments_compare_to_no_change() {
        let one = earlier();
        let copy = one.clone();
        let comparison = compare(framework(), &one, &copy, "2026-12-02");
        assert!(comparison.is_unchanged());
        assert_eq!(comparison.summary.improved, 0);
        assert_eq!(comparison.summary.worse, 0);
        assert_eq!(
            comparison.points[0].standing_change(),
            comparison.points[0].later.standing.label()
        );
        assert_eq!(comparison.points[0].score_change(), "No change");
    }

    #[test]
    fn the_next_assessment_with_an_action_done_shows_the_improvement() {
        let one = earlier();
        let mut two = next_assessment(framework(), &one, "second".into(), "2026-12-02");
        two.update_answer("ldd-2018/p01/c01", |answer| {
            answer.status = Some(Status::Met);
            answer.evidence = "Research done".into();
        });
        two.update_answer("ldd-2018/p02/c01", |answer| {
            answer.status = Some(Status::NotMet);
            answer.action = "Fix it".into();
            answer.due = "2026-11-30".into();
        });
        let comparison = compare(framework(), &two, &one, "2026-12-02");
        // The earlier one comes first whatever the order given.
        assert_eq!(comparison.earlier.id.as_deref(), Some("first"));
        let first_point = &comparison.points[0];
        assert_eq!(first_point.direction, Direction::Better);
        let change = &first_point.criteria[0];
        assert_eq!(change.id, "ldd-2018/p01/c01");
        assert!(change.status_changed && change.evidence_changed && !change.action_changed);
        assert_eq!(change.what_changed(), "Answer and evidence");
        assert_eq!(change.direction, Direction::Better);
        assert!(comparison.points[1].got_worse());
        assert_eq!(comparison.summary.improved, 1);
        assert_eq!(comparison.summary.worse, 1);
        assert_eq!(comparison.summary.actions_completed, 1);
        assert_eq!(comparison.summary.overdue, 1);
        assert_eq!(
            comparison.summary.sentence(),
            "1 point improved, 1 got worse, 1 action was completed, 1 is overdue."
        );
        // Untouched points are unchanged even though every answer was carried over.
        assert!(!comparison.points[2].changed());
    }

    #[test]
    fn comparing_is_symmetric_in_what_it_reports() {
        let one = earlier();
        let mut two = next_assessment(framework(), &one, "second".into(), "2026-12-02");
        two.update_answer("ldd-2018/p03/c02", |answer| {
            answer.status = Some(Status::PartlyMet)
        });
        let forward = compare(framework(), &one, &two, "2026-12-02");
        let backward = compare(framework(), &two, &one, "2026-12-02");
        assert_eq!(forward, backward);
        // Same dates, no link between them: still one order.
        let mut a = earlier();
        let mut b = earlier();
        a.started_from = None;
        b.started_from = None;
        b.update_answer("ldd-2018/p01/c02", |answer| {
            answer.status = Some(Status::NotMet)
        });
        assert_eq!(
            compare(framework(), &a, &b, "2026-12-02"),
            compare(framework(), &b, &a, "2026-12-02")
        );
    }

    #[test]
    fn answers_to_criteria_only_one_side_has_are_added_or_removed() {
        let mut one = earlier();
        one.update_answer("ldd-2018/p09/c01", |answer| {
            answer.status = Some(Status::Met)
        });
        let mut two = next_assessment(framework(), &one, "second".into(), "2026-12-02");
        two.answers.remove("ldd-2018/p09/c01");
        two.update_answer("ldd-2018/p09/c02", |answer| {
            answer.status = Some(Status::Met)
        });
        let comparison = compare(framework(), &one, &two, "2026-12-02");
        assert_eq!(comparison.removed, ["ldd-2018/p09/c01"]);
        assert_eq!(comparison.added, ["ldd-2018/p09/c02"]);
        assert!(!comparison.is_unchanged());
    }
}
