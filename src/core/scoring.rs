//! How answers become scores and statuses, each with the sentence that explains it.
//!
//! The rules (also in the README and on the "How scoring works" page):
//! - Met scores 1, Partly met 0.5, Not met 0; Not applicable is left out; unanswered counts as 0.
//! - A point's score is the sum of its criteria's scores over the number not marked Not applicable.
//!   A point whose criteria are all Not applicable has no score and is left out of the overall.
//! - The overall score is the plain mean of the point scores.
//! - A point is Blocked if any must criterion is Not met; otherwise Meets at 80% or more, Partly
//!   meets from 50% up to 80%, Does not meet below 50%.
//! - A must that the content says binds only some kinds of organisation (`must_for`) is a should
//!   for an assessment of any other kind, so it never blocks there. An assessment whose
//!   organisation type is not stated reads every must as a must: the strictest reading.
//!
//! Scores are kept as exact fractions so that the bands and the half-up rounding of percentages
//! are decided on exact values, never on floating-point near-misses.

use std::fmt;

use super::assessment::{Answer, Assessment, Status};
use super::framework::{Criterion, Framework, Level, OrganisationType, Point};

/// A score between 0 and 1, held exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    numerator: u64,
    denominator: u64,
}

impl Score {
    fn new(numerator: u64, denominator: u64) -> Score {
        let divisor = gcd(numerator, denominator).max(1);
        Score {
            numerator: numerator / divisor,
            denominator: denominator / divisor,
        }
    }

    /// The mean of several scores, or `None` when there are none.
    fn mean(scores: impl IntoIterator<Item = Score>) -> Option<Score> {
        let mut sum = Score::new(0, 1);
        let mut count = 0;
        for score in scores {
            let denominator = lcm(sum.denominator, score.denominator);
            sum = Score::new(
                sum.numerator * (denominator / sum.denominator)
                    + score.numerator * (denominator / score.denominator),
                denominator,
            );
            count += 1;
        }
        (count > 0).then(|| Score::new(sum.numerator, sum.denominator * count))
    }

    /// As a whole percentage, rounded half up.
    pub fn percent(self) -> u64 {
        (200 * self.numerator + self.denominator) / (2 * self.denominator)
    }

    /// As a fraction of 1, for drawing.
    pub fn fraction(self) -> f64 {
        self.numerator as f64 / self.denominator as f64
    }

    /// True when the exact score is at least `percent`%.
    fn at_least(self, percent: u64) -> bool {
        self.numerator * 100 >= percent * self.denominator
    }

    /// The percentage for a sentence: whole, unless rounding would make it read as the wrong
    /// side of a band boundary (79.5% shows as "79.5%", not "80%").
    fn describe(self) -> String {
        let rounded = self.percent();
        let crosses = [BAND_MEETS, BAND_PARTLY]
            .iter()
            .any(|&band| rounded == band && !self.at_least(band));
        if crosses {
            let tenths = self.numerator * 1000 / self.denominator;
            format!("{}.{}%", tenths / 10, tenths % 10)
        } else {
            format!("{rounded}%")
        }
    }
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

fn lcm(a: u64, b: u64) -> u64 {
    a / gcd(a, b).max(1) * b
}

/// A point scoring this percentage or more Meets.
pub const BAND_MEETS: u64 = 80;
/// A point scoring this percentage or more (and under [`BAND_MEETS`]) Partly meets.
pub const BAND_PARTLY: u64 = 50;

/// How far through a point the team is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    NotStarted,
    InProgress,
    Completed,
}

impl Progress {
    pub fn label(self) -> &'static str {
        match self {
            Progress::NotStarted => "Not started",
            Progress::InProgress => "In progress",
            Progress::Completed => "Completed",
        }
    }
}

/// Where a point (or the whole assessment) stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Blocked,
    Meets,
    PartlyMeets,
    DoesNotMeet,
    NotApplicable,
}

impl Standing {
    pub fn label(self) -> &'static str {
        match self {
            Standing::Blocked => "Blocked",
            Standing::Meets => "Meets",
            Standing::PartlyMeets => "Partly meets",
            Standing::DoesNotMeet => "Does not meet",
            Standing::NotApplicable => "Not applicable",
        }
    }

    /// A short lowercase name, for CSS classes in the page and the report ("partly-meets").
    pub fn slug(self) -> &'static str {
        match self {
            Standing::Blocked => "blocked",
            Standing::Meets => "meets",
            Standing::PartlyMeets => "partly-meets",
            Standing::DoesNotMeet => "does-not-meet",
            Standing::NotApplicable => "not-applicable",
        }
    }

    fn from_score(score: Score) -> Standing {
        if score.at_least(BAND_MEETS) {
            Standing::Meets
        } else if score.at_least(BAND_PARTLY) {
            Standing::PartlyMeets
        } else {
            Standing::DoesNotMeet
        }
    }
}

/// A must criterion answered Not met, as a reason names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmetMust {
    pub question: String,
    /// Who the must binds ("central government"), when it binds only some organisations.
    pub binds: Option<String>,
}

/// Why a point or the assessment has its standing; `Display` gives the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// These must criteria are Not met.
    MustNotMet(Vec<UnmetMust>),
    /// These points (number and title) are blocked.
    PointsBlocked(Vec<String>),
    /// Every criterion is Not applicable.
    AllNotApplicable,
    /// No point has a score.
    NothingScored,
    /// Placed by its score; `unanswered` criteria counted as 0.
    Scored {
        standing: Standing,
        score: Score,
        unanswered: usize,
    },
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::MustNotMet(musts) => match musts.as_slice() {
                [one] => {
                    let quoted = quote(&one.question);
                    match &one.binds {
                        Some(who) => write!(
                            f,
                            "Blocked, because {quoted} is a must for {who} and is Not met."
                        ),
                        None => write!(f, "Blocked, because {quoted} is a must and is Not met."),
                    }
                }
                _ => {
                    let listed: Vec<String> = musts
                        .iter()
                        .map(|must| match &must.binds {
                            Some(who) => format!("{} (a must for {who})", quote(&must.question)),
                            None => quote(&must.question),
                        })
                        .collect();
                    write!(
                        f,
                        "Blocked, because these must criteria are Not met: {}.",
                        listed.join(", ")
                    )
                }
            },
            Reason::PointsBlocked(points) => {
                let quoted = quote_list(points);
                if points.len() == 1 {
                    write!(f, "Blocked, because point {quoted} is blocked.")
                } else {
                    write!(f, "Blocked, because these points are blocked: {quoted}.")
                }
            }
            Reason::AllNotApplicable => write!(
                f,
                "Not applicable, because every criterion is marked Not applicable, so this point is left out of the overall score."
            ),
            Reason::NothingScored => write!(
                f,
                "No score yet, because no point has a criterion that applies."
            ),
            Reason::Scored {
                standing,
                score,
                unanswered,
            } => {
                let percent = score.describe();
                let band = match standing {
                    Standing::Meets => format!("{BAND_MEETS}% or more"),
                    Standing::PartlyMeets => {
                        format!("at least {BAND_PARTLY}% but under {BAND_MEETS}%")
                    }
                    _ => format!("under {BAND_PARTLY}%"),
                };
                write!(f, "{}, because the score of {percent} is {band}", standing.label())?;
                match unanswered {
                    0 => write!(f, "."),
                    1 => write!(f, " (1 unanswered criterion counts as 0)."),
                    n => write!(f, " ({n} unanswered criteria count as 0)."),
                }
            }
        }
    }
}

fn quote(item: &str) -> String {
    format!("\u{201c}{item}\u{201d}")
}

fn quote_list(items: &[String]) -> String {
    items
        .iter()
        .map(|item| quote(item))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether this answer to this criterion blocks its point, for this kind of organisation: only a
/// must (as it binds that organisation) answered Not met does. The one place the rule is written,
/// for points, blockers and every page and export.
pub fn blocks(
    criterion: &Criterion,
    status: Option<Status>,
    organisation: Option<OrganisationType>,
) -> bool {
    status == Some(Status::NotMet) && criterion.level_for(organisation) == Level::Must
}

/// Counts of each answer within a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub met: usize,
    pub partly: usize,
    pub not_met: usize,
    pub not_applicable: usize,
    pub unanswered: usize,
    /// Answers carried over from an earlier assessment and not checked yet (counted in their
    /// status too): a point is not Completed while it has any.
    pub unchecked: usize,
}

impl Tally {
    pub fn total(&self) -> usize {
        self.met + self.partly + self.not_met + self.not_applicable + self.unanswered
    }

    pub fn answered(&self) -> usize {
        self.total() - self.unanswered
    }
}

/// The result for one point.
#[derive(Debug, Clone, PartialEq)]
pub struct PointResult<'f> {
    pub point: &'f Point,
    pub tally: Tally,
    /// `None` when every criterion is Not applicable.
    pub score: Option<Score>,
    pub progress: Progress,
    pub standing: Standing,
    pub reason: Reason,
}

/// A must criterion answered Not met: it blocks its point.
#[derive(Debug, Clone, PartialEq)]
pub struct Blocker<'f> {
    pub point: &'f Point,
    pub criterion: &'f Criterion,
}

/// A gap to close: a criterion answered Not met or Partly met, with what was planned for it; or
/// an action recorded against a criterion that is now Met or Not applicable, which the action
/// plan shows as done.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionItem<'f, 'a> {
    pub point: &'f Point,
    pub criterion: &'f Criterion,
    pub status: Status,
    pub answer: &'a Answer,
}

/// The whole result of an assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Results<'f, 'a> {
    /// In the framework's order.
    pub points: Vec<PointResult<'f>>,
    /// `None` when no point has a score.
    pub overall: Option<Score>,
    pub standing: Standing,
    pub reason: Reason,
    pub blockers: Vec<Blocker<'f>>,
    pub actions: Vec<ActionItem<'f, 'a>>,
}

impl<'f> Results<'f, '_> {
    pub fn completed_points(&self) -> usize {
        self.points
            .iter()
            .filter(|result| result.progress == Progress::Completed)
            .count()
    }

    /// How many answers were carried over from an earlier assessment and are not checked yet.
    pub fn unchecked(&self) -> usize {
        self.points
            .iter()
            .map(|result| result.tally.unchecked)
            .sum()
    }

    /// How many criteria of the scored points are unanswered (and so count as 0).
    pub fn unanswered(&self) -> usize {
        self.points
            .iter()
            .map(|result| result.tally.unanswered)
            .sum()
    }

    /// The points with every Blocked one first, otherwise in the framework's order.
    pub fn points_blocked_first(&self) -> Vec<&PointResult<'f>> {
        let (mut blocked, others): (Vec<_>, Vec<_>) = self
            .points
            .iter()
            .partition(|result| result.standing == Standing::Blocked);
        blocked.extend(others);
        blocked
    }
}

/// Scores one point.
pub fn score_point<'f>(point: &'f Point, assessment: &Assessment) -> PointResult<'f> {
    let mut tally = Tally::default();
    let mut blocking = Vec::new();
    let organisation = assessment.details.organisation_type;
    for criterion in &point.criteria {
        let status = assessment.status(&criterion.id);
        if assessment
            .answers
            .get(&criterion.id)
            .is_some_and(Answer::needs_checking)
        {
            tally.unchecked += 1;
        }
        if blocks(criterion, status, organisation) {
            blocking.push(UnmetMust {
                question: criterion.question.clone(),
                binds: criterion.binds(),
            });
        }
        match status {
            Some(Status::Met) => tally.met += 1,
            Some(Status::PartlyMet) => tally.partly += 1,
            Some(Status::NotMet) => tally.not_met += 1,
            Some(Status::NotApplicable) => tally.not_applicable += 1,
            None => tally.unanswered += 1,
        }
    }

    let applicable = (tally.total() - tally.not_applicable) as u64;
    // Counting in halves keeps Partly met exact.
    let score = (applicable > 0)
        .then(|| Score::new(2 * tally.met as u64 + tally.partly as u64, 2 * applicable));
    let progress = match (tally.answered(), tally.unanswered + tally.unchecked) {
        (0, _) => Progress::NotStarted,
        (_, 0) => Progress::Completed,
        _ => Progress::InProgress,
    };
    let (standing, reason) = match score {
        _ if !blocking.is_empty() => (Standing::Blocked, Reason::MustNotMet(blocking)),
        None => (Standing::NotApplicable, Reason::AllNotApplicable),
        Some(score) => {
            let standing = Standing::from_score(score);
            let reason = Reason::Scored {
                standing,
                score,
                unanswered: tally.unanswered,
            };
            (standing, reason)
        }
    };
    PointResult {
        point,
        tally,
        score,
        progress,
        standing,
        reason,
    }
}

/// Scores a whole assessment against its framework.
pub fn score<'f, 'a>(framework: &'f Framework, assessment: &'a Assessment) -> Results<'f, 'a> {
    let points: Vec<PointResult<'f>> = framework
        .points
        .iter()
        .map(|point| score_point(point, assessment))
        .collect();
    let overall = Score::mean(points.iter().filter_map(|result| result.score));
    let blocked: Vec<String> = points
        .iter()
        .filter(|result| result.standing == Standing::Blocked)
        .map(|result| format!("{} {}", result.point.number, result.point.title))
        .collect();
    let (standing, reason) = match overall {
        _ if !blocked.is_empty() => (Standing::Blocked, Reason::PointsBlocked(blocked)),
        None => (Standing::NotApplicable, Reason::NothingScored),
        Some(score) => {
            let standing = Standing::from_score(score);
            let unanswered = points
                .iter()
                .filter(|result| result.score.is_some())
                .map(|result| result.tally.unanswered)
                .sum();
            let reason = Reason::Scored {
                standing,
                score,
                unanswered,
            };
            (standing, reason)
        }
    };

    let mut blockers = Vec::new();
    let mut actions = Vec::new();
    for point in &framework.points {
        for criterion in &point.criteria {
            let Some(answer) = assessment.answers.get(&criterion.id) else {
                continue;
            };
            let Some(status) = answer.status else {
                continue;
            };
            if blocks(
                criterion,
                Some(status),
                assessment.details.organisation_type,
            ) {
                blockers.push(Blocker { point, criterion });
            }
            if status.needs_action() || !answer.action.trim().is_empty() {
                actions.push(ActionItem {
                    point,
                    criterion,
                    status,
                    answer,
                });
            }
        }
    }

    Results {
        points,
        overall,
        standing,
        reason,
        blockers,
        actions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::Details;

    /// A framework with the given points, each a list of levels.
    fn framework(points: &[&[Level]]) -> Framework {
        Framework {
            id: "demo".into(),
            title: "Demo".into(),
            edition: "1".into(),
            content_date: "2026-12-02".into(),
            url: "https://example.org".into(),
            summary: "Demo".into(),
            points: points
                .iter()
                .enumerate()
                .map(|(p, levels)| Point {
                    id: format!("demo/p{:02}", p + 1),
                    number: format!("{}", p + 1),
                    title: format!("Point {}", p + 1),
                    section: None,
                    url: "https://example.org".into(),
                    summary: "S".into(),
                    applicability: None,
                    criteria: levels
                        .iter()
                        .enumerate()
                        .map(|(c, level)| Criterion {
                            id: format!("demo/p{:02}/c{:02}", p + 1, c + 1),
                            level: *level,
                            question: format!("Question {}.{}", p + 1, c + 1),
                            hint: "H".into(),
                            derived_from: None,
                            must_for: None,
                            for_others: None,
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// An assessment with answers given per point as a string: M met, P partly, N not met,
    /// A not applicable, - unanswered.
    fn answers(framework: &Framework, per_point: &[&str]) -> Assessment {
        let mut assessment = Assessment::new(framework, Details::default());
        for (point, codes) in framework.points.iter().zip(per_point) {
            for (criterion, code) in point.criteria.iter().zip(codes.chars()) {
                let status = match code {
                    'M' => Some(Status::Met),
                    'P' => Some(Status::PartlyMet),
                    'N' => Some(Status::NotMet),
                    'A' => Some(Status::NotApplicable),
                    _ => None,
                };
                assessment.update_answer(&criterion.id, |answer| answer.status = status);
            }
        }
        assessment
    }

    use Level::{Must as M, Should as S};

    #[test]
    fn met_partly_and_not_met_score_one_half_and_zero() {
        let framework = framework(&[&[S, S, S, S]]);
        let result = score_point(&framework.points[0], &answers(&framework, &["MPNM"]));
        // (1 + 0.5 + 0 + 1) / 4 = 62.5%, rounded half up to 63.
        assert_eq!(result.score.map(Score::percent), Some(63));
        assert_eq!(result.standing, Standing::PartlyMeets);
        assert_eq!(result.progress, Progress::Completed);
    }

    #[test]
    fn not_applicable_is_left_out_of_the_denominator() {
        let framework = framework(&[&[S, S, S, S]]);
        let result = score_point(&framework.points[0], &answers(&framework, &["MAAP"]));
        // (1 + 0.5) / 2 = 75%.
        assert_eq!(result.score.map(Score::percent), Some(75));
        assert_eq!(result.tally.not_applicable, 2);
    }

    #[test]
    fn unanswered_counts_as_zero_and_keeps_the_point_in_progress() {
        let framework = framework(&[&[S, S, S, S]]);
        let result = score_point(&framework.points[0], &answers(&framework, &["MM--"]));
        assert_eq!(result.score.map(Score::percent), Some(50));
        assert_eq!(result.progress, Progress::InProgress);
        assert_eq!(
            result.reason.to_string(),
            "Partly meets, because the score of 50% is at least 50% but under 80% (2 unanswered criteria count as 0)."
        );
        let untouched = score_point(&framework.points[0], &answers(&framework, &["----"]));
        assert_eq!(untouched.progress, Progress::NotStarted);
        assert_eq!(untouched.score.map(Score::percent), Some(0));
    }

    #[test]
    fn a_point_all_not_applicable_has_no_score_and_is_left_out_of_the_overall() {
        let framework = framework(&[&[S, S, S, S], &[S, S, S, S]]);
        let assessment = answers(&framework, &["AAAA", "MMMP"]);
        let results = score(&framework, &assessment);
        assert_eq!(results.points[0].score, None);
        assert_eq!(results.points[0].standing, Standing::NotApplicable);
        assert_eq!(results.points[0].progress, Progress::Completed);
        // Only the second point counts: 3.5 / 4 = 87.5% -> 88.
        assert_eq!(results.overall.map(Score::percent), Some(88));
        assert_eq!(results.standing, Standing::Meets);
    }

    #[test]
    fn the_overall_score_is_the_plain_mean_of_point_scores() {
        // Point sizes differ, but each point weighs the same.
        let framework = framework(&[&[S, S, S, S], &[S, S, S, S, S, S, S, S, S, S]]);
        let assessment = answers(&framework, &["MMMM", "NNNNNNNNNN"]);
        let results = score(&framework, &assessment);
        assert_eq!(results.overall.map(Score::percent), Some(50));
    }

    #[test]
    fn percentages_round_half_up_from_exact_values() {
        // 1/8 = 12.5% -> 13; 3/8 = 37.5% -> 38; 1/3 = 33.3% -> 33; 2/3 -> 67.
        assert_eq!(Score::new(1, 8).percent(), 13);
        assert_eq!(Score::new(3, 8).percent(), 38);
        assert_eq!(Score::new(1, 3).percent(), 33);
        assert_eq!(Score::new(2, 3).percent(), 67);
        assert_eq!(Score::new(0, 5).percent(), 0);
        assert_eq!(Score::new(5, 5).percent(), 100);
        // The mean of 1/3 and 2/3 is exactly 1/2.
        assert_eq!(
            Score::mean([Score::new(1, 3), Score::new(2, 3)]),
            Some(Score::new(1, 2))
        );
    }

    #[test]
    fn bands_are_decided_on_unrounded_scores() {
        // 79.5% rounds to 80% but is under the 80% band.
        let nearly = Score::new(159, 200);
        assert_eq!(nearly.percent(), 80);
        assert_eq!(Standing::from_score(nearly), Standing::PartlyMeets);
        assert_eq!(nearly.describe(), "79.5%");
        assert_eq!(Standing::from_score(Score::new(4, 5)), Standing::Meets);
        assert_eq!(
            Standing::from_score(Score::new(1, 2)),
            Standing::PartlyMeets
        );
        assert_eq!(
            Standing::from_score(Score::new(49, 100)),
            Standing::DoesNotMeet
        );
    }

    #[test]
    fn a_must_not_met_blocks_its_point_and_the_assessment_whatever_the_score() {
        let framework = framework(&[&[M, S, S, S, S, S, S, S, S, S], &[S, S, S, S]]);
        let assessment = answers(&framework, &["NMMMMMMMMM", "MMMM"]);
        let results = score(&framework, &assessment);
        let first = &results.points[0];
        assert_eq!(first.score.map(Score::percent), Some(90));
        assert_eq!(first.standing, Standing::Blocked);
        assert_eq!(
            first.reason.to_string(),
            "Blocked, because \u{201c}Question 1.1\u{201d} is a must and is Not met."
        );
        assert_eq!(results.standing, Standing::Blocked);
        assert_eq!(results.blockers.len(), 1);
        assert_eq!(results.blockers[0].criterion.id, "demo/p01/c01");
        assert_eq!(
            results.reason.to_string(),
            "Blocked, because point \u{201c}1 Point 1\u{201d} is blocked."
        );
    }

    #[test]
    fn a_must_partly_met_or_a_should_not_met_does_not_block() {
        let framework = framework(&[&[M, S, S, S]]);
        let assessment = answers(&framework, &["PNMM"]);
        let results = score(&framework, &assessment);
        assert_ne!(results.points[0].standing, Standing::Blocked);
        assert!(results.blockers.is_empty());
    }

    #[test]
    fn blocked_points_are_listed_first() {
        let framework = framework(&[&[S, S, S, S], &[M, S, S, S], &[S, S, S, S]]);
        let assessment = answers(&framework, &["MMMM", "NMMM", "MMMM"]);
        let results = score(&framework, &assessment);
        let order: Vec<&str> = results
            .points_blocked_first()
            .iter()
            .map(|result| result.point.number.as_str())
            .collect();
        assert_eq!(order, ["2", "1", "3"]);
    }

    #[test]
    fn the_action_plan_holds_every_not_met_and_partly_met_criterion() {
        let framework = framework(&[&[S, S, S, S]]);
        let mut assessment = answers(&framework, &["MPNA"]);
        assessment.update_answer("demo/p01/c03", |answer| answer.action = "Do it".into());
        let results = score(&framework, &assessment);
        let ids: Vec<&str> = results
            .actions
            .iter()
            .map(|item| item.criterion.id.as_str())
            .collect();
        assert_eq!(ids, ["demo/p01/c02", "demo/p01/c03"]);
        assert_eq!(results.actions[1].answer.action, "Do it");
    }

    #[test]
    fn nothing_applicable_anywhere_gives_no_overall_score() {
        let framework = framework(&[&[S, S, S, S]]);
        let assessment = answers(&framework, &["AAAA"]);
        let results = score(&framework, &assessment);
        assert_eq!(results.overall, None);
        assert_eq!(results.reason, Reason::NothingScored);
    }

    /// The framework with its first criterion a must for central government only.
    fn central_only_first() -> Framework {
        let mut framework = framework(&[&[M, S, S, S], &[M, S, S, S]]);
        framework.points[0].criteria[0].must_for = Some(vec![OrganisationType::Central]);
        framework
    }

    fn for_organisation(
        framework: &Framework,
        organisation: Option<OrganisationType>,
        per_point: &[&str],
    ) -> Assessment {
        let mut assessment = answers(framework, per_point);
        assessment.details.organisation_type = organisation;
        assessment
    }

    #[test]
    fn a_must_for_central_government_blocks_central_and_not_stated_but_not_a_council() {
        let framework = central_only_first();
        let answered = ["NMMM", "MMMM"];
        let central = for_organisation(&framework, Some(OrganisationType::Central), &answered);
        let council = for_organisation(&framework, Some(OrganisationType::Local), &answered);
        let not_stated = for_organisation(&framework, None, &answered);

        let central = score(&framework, &central);
        assert_eq!(central.points[0].standing, Standing::Blocked);
        assert_eq!(
            central.points[0].reason.to_string(),
            "Blocked, because \u{201c}Question 1.1\u{201d} is a must for central government and is Not met."
        );
        assert_eq!(central.blockers.len(), 1);
        assert_eq!(
            score(&framework, &not_stated).points[0].standing,
            Standing::Blocked
        );

        let council = score(&framework, &council);
        // 3 of 4 met: 75%, placed by its score like any should.
        assert_eq!(council.points[0].standing, Standing::PartlyMeets);
        assert!(council.blockers.is_empty());
        // The mean of 75% and 100%.
        assert_eq!(council.standing, Standing::Meets);
        // The score itself is the same for everyone: only blocking depends on who is assessed.
        assert_eq!(council.points[0].score, central.points[0].score);
        assert_eq!(council.overall, central.overall);
    }

    #[test]
    fn a_plain_must_blocks_every_kind_of_organisation() {
        let framework = central_only_first();
        for organisation in OrganisationType::ALL.map(Some).into_iter().chain([None]) {
            let assessment = for_organisation(&framework, organisation, &["MMMM", "NMMM"]);
            let results = score(&framework, &assessment);
            assert_eq!(
                results.points[1].standing,
                Standing::Blocked,
                "{organisation:?}"
            );
            assert_eq!(
                results.points[1].reason.to_string(),
                "Blocked, because \u{201c}Question 2.1\u{201d} is a must and is Not met."
            );
        }
    }

    #[test]
    fn several_unmet_musts_each_say_who_they_bind() {
        let mut framework = central_only_first();
        framework.points[0].criteria[1].level = Level::Must;
        let assessment = for_organisation(&framework, None, &["NNMM", "MMMM"]);
        assert_eq!(
            score(&framework, &assessment).points[0].reason.to_string(),
            "Blocked, because these must criteria are Not met: \u{201c}Question 1.1\u{201d} (a must for central government), \u{201c}Question 1.2\u{201d}."
        );
    }
}
