//! The frameworks a team can assess against: their points and criteria, read from the TOML data
//! files in `src/frameworks/` and checked before use.
//!
//! Content is data so that editors can change wording without touching code. IDs are the contract
//! with saved drafts, files and links: they are checked here for form and uniqueness, and a test
//! holds every released ID so that none can silently vanish.
//!
//! The build script (`build.rs`) reads and checks the TOML with [`Framework::from_toml`] and
//! embeds each framework in the app in a compact JSON form ([`Framework::to_compact`]), which the
//! app reads with [`Framework::from_compact`]. A TOML parser in the app would cost every visitor
//! tens of kilobytes of download for text that never changes after the build; serde_json is in
//! the app anyway for the assessment document. This file is also compiled into the build script,
//! so it uses nothing but std, serde, toml and serde_json.

use std::collections::HashSet;
use std::fmt;

use serde::Deserialize;
use serde_json::json;

/// How binding a criterion is in the official text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Mandatory: a `Not met` answer blocks the point.
    Must,
    /// Good practice: counts towards the score but never blocks.
    Should,
}

impl Level {
    /// The word on the criterion's tag and in exports.
    pub fn label(self) -> &'static str {
        match self {
            Level::Must => "Must",
            Level::Should => "Should",
        }
    }

    /// The value in the content files and the compact form.
    pub fn code(self) -> &'static str {
        match self {
            Level::Must => "must",
            Level::Should => "should",
        }
    }
}

/// The kind of organisation an assessment is for. Some musts bind only some kinds (Cloud First
/// is mandatory for central government and strongly recommended to the rest of the public
/// sector), so who is assessing decides what blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationType {
    /// A department, agency or arm's-length body.
    Central,
    /// A council or combined authority.
    Local,
    /// The rest of the public sector, such as the NHS, police or education.
    OtherPublic,
}

impl OrganisationType {
    /// In the order the form offers them.
    pub const ALL: [OrganisationType; 3] = [
        OrganisationType::Central,
        OrganisationType::Local,
        OrganisationType::OtherPublic,
    ];

    /// The words a person sees as an answer ("Local government").
    pub fn label(self) -> &'static str {
        match self {
            OrganisationType::Central => "Central government",
            OrganisationType::Local => "Local government",
            OrganisationType::OtherPublic => "Other public sector",
        }
    }

    /// What the kind covers, as the form's hint under each choice.
    pub fn hint(self) -> &'static str {
        match self {
            OrganisationType::Central => "A department, agency or arm\u{2019}s-length body",
            OrganisationType::Local => "A council or combined authority",
            OrganisationType::OtherPublic => "Such as the NHS, police or education",
        }
    }

    /// The same inside a sentence ("a must for local government").
    pub fn in_sentence(self) -> &'static str {
        match self {
            OrganisationType::Central => "central government",
            OrganisationType::Local => "local government",
            OrganisationType::OtherPublic => "other public sector bodies",
        }
    }

    /// The value in documents, content files and form controls.
    pub fn code(self) -> &'static str {
        match self {
            OrganisationType::Central => "central",
            OrganisationType::Local => "local",
            OrganisationType::OtherPublic => "other_public",
        }
    }

    pub fn from_code(code: &str) -> Option<OrganisationType> {
        OrganisationType::ALL
            .into_iter()
            .find(|kind| kind.code() == code)
    }
}

/// One question a team answers as Met, Partly met, Not met or Not applicable.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub level: Level,
    pub question: String,
    pub hint: String,
    /// Set where the criterion is not written from the framework's own text but from the nearest
    /// confirmed source, which this names.
    #[serde(default)]
    pub derived_from: Option<String>,
    /// For a must that the official text makes mandatory only for some kinds of organisation:
    /// which ones. For any other kind it is scored and shown as a should. An assessment that
    /// does not say who it is for gets the strictest reading: a must.
    #[serde(default)]
    pub must_for: Option<Vec<OrganisationType>>,
    /// With `must_for`: what the rule is for every other organisation, in a few words
    /// ("strongly recommended"), where the official text says; "good practice" when it does not.
    #[serde(default)]
    pub for_others: Option<String>,
}

impl Criterion {
    /// How binding this criterion is for the organisation assessed (`None`: not stated, which
    /// is read as strictly as any kind).
    pub fn level_for(&self, organisation: Option<OrganisationType>) -> Level {
        match (self.level, &self.must_for, organisation) {
            (Level::Must, Some(bound), Some(kind)) if !bound.contains(&kind) => Level::Should,
            (level, _, _) => level,
        }
    }

    /// Who the must binds, in a sentence ("central government"), for a must that binds only
    /// some kinds of organisation.
    pub fn binds(&self) -> Option<String> {
        let bound = self
            .must_for
            .as_ref()
            .filter(|_| self.level == Level::Must)?;
        let names: Vec<&str> = bound.iter().map(|kind| kind.in_sentence()).collect();
        Some(match names.as_slice() {
            [] => return None,
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        })
    }

    /// The line shown under the question of a must that binds only some kinds of organisation:
    /// who must meet it, and what it is for everyone else.
    pub fn binding_note(&self) -> Option<String> {
        let who = self.binds()?;
        let mut sentence = who.clone();
        if let Some(first) = sentence.get(..1) {
            sentence.replace_range(..1, &first.to_uppercase());
        }
        let others = self.for_others.as_deref().unwrap_or("good practice");
        Some(format!(
            "{sentence} must meet this; for other public bodies it is {others}."
        ))
    }
}

/// One point (or principle) of a framework.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub id: String,
    /// The label shown before the title, such as "6" or "D3".
    pub number: String,
    pub title: String,
    /// A grouping heading, for frameworks whose points fall into parts.
    #[serde(default)]
    pub section: Option<String>,
    pub url: String,
    pub summary: String,
    /// When the point applies, for points that do not apply to every programme.
    #[serde(default)]
    pub applicability: Option<String>,
    pub criteria: Vec<Criterion>,
}

/// A whole standard: its points in order.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    pub id: String,
    pub title: String,
    pub edition: String,
    /// When this tool's wording of the standard last changed, as `YYYY-MM-DD`: shown with every
    /// result, so that two results made with different versions of the content can be told apart.
    pub content_date: String,
    pub url: String,
    pub summary: String,
    pub points: Vec<Point>,
}

/// The fewest and most criteria a point may have: fewer cannot test a point fairly, more makes the
/// point a chore to answer.
pub const MIN_CRITERIA_PER_POINT: usize = 4;
pub const MAX_CRITERIA_PER_POINT: usize = 10;

impl Framework {
    /// Reads a framework from its TOML text and checks it.
    pub fn from_toml(text: &str) -> Result<Framework, ContentError> {
        let framework: Framework = toml::from_str(text)
            .map_err(|error| ContentError::Syntax(error.message().to_owned()))?;
        let problems = framework.problems();
        if problems.is_empty() {
            Ok(framework)
        } else {
            Err(ContentError::Invalid(problems))
        }
    }

    /// The compact form the build embeds in the app: JSON arrays with the fields in a fixed order,
    /// absent optional text as `null`.
    ///
    /// - framework: `[id, title, edition, content_date, url, summary, [point, ...]]`
    /// - point: `[id, number, title, section, url, summary, applicability, [criterion, ...]]`
    /// - criterion: `[id, "must" | "should", question, hint, derived_from, must_for,
    ///   for_others]`, where `must_for` is `null` or an array of organisation type codes
    pub fn to_compact(&self) -> String {
        let points: Vec<serde_json::Value> =
            self.points
                .iter()
                .map(|point| {
                    let criteria: Vec<serde_json::Value> = point
                        .criteria
                        .iter()
                        .map(|criterion| {
                            let must_for = criterion.must_for.as_ref().map(|bound| {
                                bound.iter().map(|kind| kind.code()).collect::<Vec<_>>()
                            });
                            json!([
                                criterion.id,
                                criterion.level.code(),
                                criterion.question,
                                criterion.hint,
                                criterion.derived_from,
                                must_for,
                                criterion.for_others
                            ])
                        })
                        .collect();
                    json!([
                        point.id,
                        point.number,
                        point.title,
                        point.section,
                        point.url,
                        point.summary,
                        point.applicability,
                        criteria
                    ])
                })
                .collect();
        json!([
            self.id,
            self.title,
            self.edition,
            self.content_date,
            self.url,
            self.summary,
            points
        ])
        .to_string()
    }

    /// Reads the compact form written by [`Framework::to_compact`] and checks it as
    /// [`Framework::from_toml`] does.
    pub fn from_compact(text: &str) -> Result<Framework, ContentError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|error| ContentError::Syntax(error.to_string()))?;
        let framework = compact::framework(&value).ok_or_else(|| {
            ContentError::Syntax(
                "the compact framework data does not have its expected shape".into(),
            )
        })?;
        let problems = framework.problems();
        if problems.is_empty() {
            Ok(framework)
        } else {
            Err(ContentError::Invalid(problems))
        }
    }

    /// Every problem with the content, in document order; empty when it is fit to use.
    pub fn problems(&self) -> Vec<ContentProblem> {
        let mut problems = Vec::new();
        let mut seen = HashSet::new();
        let mut report = |at: &str, kind: ProblemKind| {
            problems.push(ContentProblem {
                at: at.to_owned(),
                kind,
            })
        };

        if !is_slug(&self.id) {
            report(&self.id, ProblemKind::MalformedId);
        }
        for (field, value) in [
            ("title", &self.title),
            ("edition", &self.edition),
            ("summary", &self.summary),
        ] {
            if value.trim().is_empty() {
                report(&self.id, ProblemKind::Empty(field));
            }
        }
        if !is_https(&self.url) {
            report(&self.id, ProblemKind::NotHttps);
        }
        if !is_iso_date(&self.content_date) {
            report(&self.id, ProblemKind::ContentDate);
        }
        if self.points.is_empty() {
            report(&self.id, ProblemKind::NoPoints);
        }

        for point in &self.points {
            if !is_child_id(&point.id, &self.id, 'p') {
                report(&point.id, ProblemKind::MalformedId);
            }
            if !seen.insert(point.id.as_str()) {
                report(&point.id, ProblemKind::DuplicateId);
            }
            for (field, value) in [
                ("number", &point.number),
                ("title", &point.title),
                ("summary", &point.summary),
            ] {
                if value.trim().is_empty() {
                    report(&point.id, ProblemKind::Empty(field));
                }
            }
            for (field, value) in [
                ("section", &point.section),
                ("applicability", &point.applicability),
            ] {
                if value.as_deref().is_some_and(|text| text.trim().is_empty()) {
                    report(&point.id, ProblemKind::Empty(field));
                }
            }
            if !is_https(&point.url) {
                report(&point.id, ProblemKind::NotHttps);
            }
            let count = point.criteria.len();
            if !(MIN_CRITERIA_PER_POINT..=MAX_CRITERIA_PER_POINT).contains(&count) {
                report(&point.id, ProblemKind::CriteriaCount(count));
            }

            for criterion in &point.criteria {
                if !is_child_id(&criterion.id, &point.id, 'c') {
                    report(&criterion.id, ProblemKind::MalformedId);
                }
                if !seen.insert(criterion.id.as_str()) {
                    report(&criterion.id, ProblemKind::DuplicateId);
                }
                for (field, value) in [("question", &criterion.question), ("hint", &criterion.hint)]
                {
                    if value.trim().is_empty() {
                        report(&criterion.id, ProblemKind::Empty(field));
                    }
                }
                if criterion
                    .derived_from
                    .as_deref()
                    .is_some_and(|text| text.trim().is_empty())
                {
                    report(&criterion.id, ProblemKind::Empty("derived_from"));
                }
                if criterion.for_others.is_some() && criterion.must_for.is_none() {
                    report(&criterion.id, ProblemKind::ForOthersWithoutMustFor);
                }
                if criterion
                    .for_others
                    .as_deref()
                    .is_some_and(|text| text.trim().is_empty())
                {
                    report(&criterion.id, ProblemKind::Empty("for_others"));
                }
                if let Some(bound) = &criterion.must_for {
                    if criterion.level != Level::Must {
                        report(&criterion.id, ProblemKind::MustForOnShould);
                    }
                    let distinct: HashSet<_> = bound.iter().collect();
                    if bound.is_empty()
                        || distinct.len() != bound.len()
                        || distinct.len() == OrganisationType::ALL.len()
                    {
                        report(&criterion.id, ProblemKind::MustForList);
                    }
                }
            }
        }
        problems
    }

    /// The title with the edition, as the details of a result name the standard.
    pub fn full_title(&self) -> String {
        format!("{} ({})", self.title, self.edition)
    }

    /// The point with this ID.
    pub fn point(&self, point_id: &str) -> Option<&Point> {
        self.points.iter().find(|point| point.id == point_id)
    }

    /// The criterion with this ID, with its point.
    pub fn criterion(&self, criterion_id: &str) -> Option<(&Point, &Criterion)> {
        self.points.iter().find_map(|point| {
            point
                .criteria
                .iter()
                .find(|criterion| criterion.id == criterion_id)
                .map(|criterion| (point, criterion))
        })
    }

    /// Every criterion, in order.
    pub fn criteria(&self) -> impl Iterator<Item = &Criterion> {
        self.points.iter().flat_map(|point| point.criteria.iter())
    }

    /// The last part of a point's ID (such as `p06`), used in page addresses.
    pub fn point_slug(point: &Point) -> &str {
        point.id.rsplit('/').next().unwrap_or(&point.id)
    }
}

/// Reading the compact form: each function returns `None` when the shape is wrong.
mod compact {
    use super::{Criterion, Framework, Level, OrganisationType, Point};
    use serde_json::Value;

    fn text(value: &Value) -> Option<String> {
        value.as_str().map(str::to_owned)
    }

    fn optional(value: &Value) -> Option<Option<String>> {
        match value {
            Value::Null => Some(None),
            other => text(other).map(Some),
        }
    }

    pub(super) fn framework(value: &Value) -> Option<Framework> {
        let [id, title, edition, content_date, url, summary, points] = value.as_array()?.as_slice()
        else {
            return None;
        };
        Some(Framework {
            id: text(id)?,
            title: text(title)?,
            edition: text(edition)?,
            content_date: text(content_date)?,
            url: text(url)?,
            summary: text(summary)?,
            points: points
                .as_array()?
                .iter()
                .map(point)
                .collect::<Option<_>>()?,
        })
    }

    fn point(value: &Value) -> Option<Point> {
        let [id, number, title, section, url, summary, applicability, criteria] =
            value.as_array()?.as_slice()
        else {
            return None;
        };
        Some(Point {
            id: text(id)?,
            number: text(number)?,
            title: text(title)?,
            section: optional(section)?,
            url: text(url)?,
            summary: text(summary)?,
            applicability: optional(applicability)?,
            criteria: criteria
                .as_array()?
                .iter()
                .map(criterion)
                .collect::<Option<_>>()?,
        })
    }

    fn criterion(value: &Value) -> Option<Criterion> {
        let [id, level, question, hint, derived_from, must_for, for_others] =
            value.as_array()?.as_slice()
        else {
            return None;
        };
        let must_for = match must_for {
            Value::Null => None,
            other => Some(
                other
                    .as_array()?
                    .iter()
                    .map(|code| OrganisationType::from_code(code.as_str()?))
                    .collect::<Option<Vec<_>>>()?,
            ),
        };
        Some(Criterion {
            id: text(id)?,
            level: match level.as_str()? {
                "must" => Level::Must,
                "should" => Level::Should,
                _ => return None,
            },
            question: text(question)?,
            hint: text(hint)?,
            derived_from: optional(derived_from)?,
            must_for,
            for_others: optional(for_others)?,
        })
    }
}

/// Lowercase letters and digits in hyphen-separated words: `tcop-2025`.
fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit())
        })
}

/// `parent` + `/` + the letter + two digits: `tcop-2025/p06`, `tcop-2025/p06/c03`.
fn is_child_id(id: &str, parent: &str, letter: char) -> bool {
    let Some(rest) = id
        .strip_prefix(parent)
        .and_then(|rest| rest.strip_prefix('/'))
        .and_then(|rest| rest.strip_prefix(letter))
    else {
        return false;
    };
    rest.len() == 2 && rest.bytes().all(|byte| byte.is_ascii_digit()) && rest != "00"
}

/// `YYYY-MM-DD` with a plausible month and day (the build checks content with std alone).
fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    let number = |part: &str, len: usize| {
        (part.len() == len && part.bytes().all(|byte| byte.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    matches!(
        (number(year, 4), number(month, 2), number(day, 2)),
        (Some(1000..), Some(1..=12), Some(1..=31))
    )
}

fn is_https(url: &str) -> bool {
    url.strip_prefix("https://")
        .is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace))
}

/// Why framework content could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentError {
    /// The text is not valid TOML of the expected shape.
    Syntax(String),
    /// The text parsed, but breaks the content rules.
    Invalid(Vec<ContentProblem>),
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentError::Syntax(message) => {
                write!(f, "The framework file could not be read: {message}")
            }
            ContentError::Invalid(problems) => {
                write!(f, "The framework file has {} problem(s):", problems.len())?;
                for problem in problems {
                    write!(f, "\n- {problem}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ContentError {}

/// One broken content rule, at the ID where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentProblem {
    pub at: String,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    MalformedId,
    DuplicateId,
    Empty(&'static str),
    NotHttps,
    NoPoints,
    CriteriaCount(usize),
    /// `must_for` on a should: only a must can bind some organisations and not others.
    MustForOnShould,
    /// `must_for` empty, with a kind twice, or naming every kind (then it is a plain must).
    MustForList,
    /// `for_others` on a criterion without `must_for`.
    ForOthersWithoutMustFor,
    /// `content_date` is not a date written as YYYY-MM-DD.
    ContentDate,
}

impl fmt::Display for ContentProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = &self.at;
        match &self.kind {
            ProblemKind::MalformedId => write!(
                f,
                "\"{at}\" is not a well-formed ID (expected its parent's ID, a slash, a letter and two digits)"
            ),
            ProblemKind::DuplicateId => write!(f, "\"{at}\" is used more than once"),
            ProblemKind::Empty(field) => write!(f, "{at}: {field} is empty"),
            ProblemKind::NotHttps => write!(f, "{at}: the link must start with https://"),
            ProblemKind::NoPoints => write!(f, "{at}: the framework has no points"),
            ProblemKind::CriteriaCount(count) => write!(
                f,
                "{at}: has {count} criteria; a point needs {MIN_CRITERIA_PER_POINT} to {MAX_CRITERIA_PER_POINT}"
            ),
            ProblemKind::MustForOnShould => write!(
                f,
                "{at}: must_for is only for a must (it says which organisations the must binds)"
            ),
            ProblemKind::ForOthersWithoutMustFor => write!(
                f,
                "{at}: for_others says what a must_for rule is for other organisations, so it needs must_for"
            ),
            ProblemKind::ContentDate => write!(
                f,
                "{at}: content_date must be the date the content last changed, written as YYYY-MM-DD"
            ),
            ProblemKind::MustForList => write!(
                f,
                "{at}: must_for must name one or two different organisation types (central, local, other_public); a must for all of them needs no must_for"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(points: &str) -> String {
        format!(
            r#"
id = "demo"
title = "Demo"
edition = "1"
content_date = "2026-12-02"
url = "https://example.org/"
summary = "A demo."
{points}
"#
        )
    }

    fn point(id: &str, criteria: usize) -> String {
        let mut text = format!(
            "[[points]]\nid = \"{id}\"\nnumber = \"1\"\ntitle = \"T\"\nurl = \"https://example.org/p\"\nsummary = \"S\"\n"
        );
        for n in 1..=criteria {
            text.push_str(&format!(
                "[[points.criteria]]\nid = \"{id}/c{n:02}\"\nlevel = \"should\"\nquestion = \"Q?\"\nhint = \"H\"\n"
            ));
        }
        text
    }

    fn kinds(text: &str) -> Vec<ProblemKind> {
        match Framework::from_toml(text) {
            Ok(_) => Vec::new(),
            Err(ContentError::Invalid(problems)) => {
                problems.into_iter().map(|problem| problem.kind).collect()
            }
            Err(other) => panic!("expected content problems, got {other}"),
        }
    }

    #[test]
    fn a_well_formed_framework_loads() {
        let framework = Framework::from_toml(&sample(&point("demo/p01", 4))).expect("valid");
        assert_eq!(framework.points[0].criteria.len(), 4);
        assert_eq!(framework.points[0].criteria[3].id, "demo/p01/c04");
        assert_eq!(Framework::point_slug(&framework.points[0]), "p01");
    }

    #[test]
    fn too_few_and_too_many_criteria_are_caught() {
        assert_eq!(
            kinds(&sample(&point("demo/p01", 3))),
            [ProblemKind::CriteriaCount(3)]
        );
        assert_eq!(
            kinds(&sample(&point("demo/p01", 11))),
            [ProblemKind::CriteriaCount(11)]
        );
        assert!(kinds(&sample(&point("demo/p01", 10))).is_empty());
    }

    #[test]
    fn malformed_and_duplicate_ids_are_caught() {
        let text = sample(&format!("{}{}", point("demo/p01", 4), point("demo/p01", 4)));
        assert!(kinds(&text).contains(&ProblemKind::DuplicateId));
        for bad in [
            "demo/p1",
            "demo/x01",
            "other/p01",
            "demo/p001",
            "demo/p00",
            "demo/pAB",
        ] {
            assert!(
                kinds(&sample(&point(bad, 4))).contains(&ProblemKind::MalformedId),
                "{bad} should be malformed"
            );
        }
        let bad_framework = sample(&point("demo/p01", 4)).replace("id = \"demo\"", "id = \"Demo\"");
        assert!(kinds(&bad_framework).contains(&ProblemKind::MalformedId));
    }

    #[test]
    fn empty_text_and_plain_http_links_are_caught() {
        let text = sample(&point("demo/p01", 4))
            .replacen("hint = \"H\"", "hint = \"  \"", 1)
            .replace("https://example.org/p", "http://example.org/p");
        let found = kinds(&text);
        assert!(found.contains(&ProblemKind::Empty("hint")));
        assert!(found.contains(&ProblemKind::NotHttps));
    }

    #[test]
    fn unknown_fields_and_bad_levels_are_syntax_errors() {
        let typo = sample(&point("demo/p01", 4)).replacen("hint =", "hnt =", 1);
        assert!(matches!(
            Framework::from_toml(&typo),
            Err(ContentError::Syntax(_))
        ));
        let level = sample(&point("demo/p01", 4)).replacen("\"should\"", "\"could\"", 1);
        assert!(matches!(
            Framework::from_toml(&level),
            Err(ContentError::Syntax(_))
        ));
    }

    fn with_must_for(level: &str, must_for: &str) -> String {
        sample(&point("demo/p01", 4)).replacen(
            "level = \"should\"",
            &format!("level = \"{level}\"\nmust_for = {must_for}"),
            1,
        )
    }

    #[test]
    fn a_must_for_some_organisations_is_a_should_for_the_others_and_a_must_when_not_stated() {
        let framework =
            Framework::from_toml(&with_must_for("must", "[\"central\"]")).expect("valid");
        let criterion = &framework.points[0].criteria[0];
        assert_eq!(
            criterion.level_for(Some(OrganisationType::Central)),
            Level::Must
        );
        assert_eq!(
            criterion.level_for(Some(OrganisationType::Local)),
            Level::Should
        );
        assert_eq!(
            criterion.level_for(Some(OrganisationType::OtherPublic)),
            Level::Should
        );
        assert_eq!(criterion.level_for(None), Level::Must);
        assert_eq!(criterion.binds().as_deref(), Some("central government"));
        assert_eq!(
            criterion.binding_note().as_deref(),
            Some("Central government must meet this; for other public bodies it is good practice.")
        );
        let mut recommended = criterion.clone();
        recommended.for_others = Some("strongly recommended".into());
        assert_eq!(
            recommended.binding_note().as_deref(),
            Some("Central government must meet this; for other public bodies it is strongly recommended.")
        );
        // A plain should or must is the same for everyone, and has no note.
        let plain = &framework.points[0].criteria[1];
        for kind in OrganisationType::ALL.map(Some).into_iter().chain([None]) {
            assert_eq!(plain.level_for(kind), Level::Should);
        }
        assert_eq!(plain.binding_note(), None);
    }

    #[test]
    fn two_organisation_types_are_named_together() {
        let framework = Framework::from_toml(&with_must_for("must", "[\"central\", \"local\"]"))
            .expect("valid");
        assert_eq!(
            framework.points[0].criteria[0].binds().as_deref(),
            Some("central government and local government")
        );
    }

    #[test]
    fn must_for_on_a_should_or_with_a_bad_list_is_caught() {
        assert_eq!(
            kinds(&with_must_for("should", "[\"central\"]")),
            [ProblemKind::MustForOnShould]
        );
        for bad in [
            "[]",
            "[\"local\", \"local\"]",
            "[\"central\", \"local\", \"other_public\"]",
        ] {
            assert_eq!(
                kinds(&with_must_for("must", bad)),
                [ProblemKind::MustForList],
                "{bad}"
            );
        }
        assert!(matches!(
            Framework::from_toml(&with_must_for("must", "[\"county\"]")),
            Err(ContentError::Syntax(_))
        ));
    }

    #[test]
    fn for_others_needs_must_for_and_a_content_date_must_be_a_date() {
        let text = sample(&point("demo/p01", 4)).replacen(
            "hint = \"H\"",
            "hint = \"H\"\nfor_others = \"recommended\"",
            1,
        );
        assert_eq!(kinds(&text), [ProblemKind::ForOthersWithoutMustFor]);
        for bad in ["2026-2-3", "2 December 2026", "2026-13-01", ""] {
            let text = sample(&point("demo/p01", 4)).replace(
                "content_date = \"2026-12-02\"",
                &format!("content_date = \"{bad}\""),
            );
            assert_eq!(kinds(&text), [ProblemKind::ContentDate], "{bad}");
        }
    }

    #[test]
    fn must_for_survives_the_compact_form() {
        let framework =
            Framework::from_toml(&with_must_for("must", "[\"other_public\"]")).expect("valid");
        assert_eq!(
            Framework::from_compact(&framework.to_compact()),
            Ok(framework)
        );
    }
}
