//! The pages of the tool and their addresses. Routing is by URL fragment (`#/...`) so the page
//! works from any static host and sub-path without server rewrite rules.

/// One page of the tool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Start,
    NewAssessment,
    HowScoringWorks,
    /// Opening a downloaded file (JSON document or HTML report).
    OpenFile,
    /// The task list of a saved assessment.
    TaskList {
        assessment: String,
    },
    /// One point of a saved assessment, by its slug (`p06`).
    Point {
        assessment: String,
        point: String,
    },
    /// Every point of a saved assessment on one long page.
    AllPoints {
        assessment: String,
    },
    Results {
        assessment: String,
    },
    /// Changing a saved assessment's name.
    Rename {
        assessment: String,
    },
    /// Changing a saved assessment's details: name, organisation and its kind, assessor,
    /// phase, date and marking.
    Details {
        assessment: String,
    },
    /// Asking before a saved assessment is deleted.
    Delete {
        assessment: String,
    },
    /// Starting the next assessment from a saved one: its answers carried over to check.
    StartNext {
        assessment: String,
    },
    /// Choosing what to compare a saved assessment with.
    CompareWith {
        assessment: String,
    },
    /// Two saved assessments compared (in either order: the earlier is shown first).
    Compare {
        first: String,
        second: String,
    },
    /// Comparing two files, chosen or dropped together; nothing is saved.
    CompareFiles,
    /// A shared assessment carried in the fragment itself (`#share=v2....`).
    Shared {
        payload: String,
    },
    /// An address the tool does not know.
    NotFound,
}

/// The fragment prefix of a share link.
pub const SHARE_PREFIX: &str = "share=";

impl Route {
    /// Reads a location fragment, with or without its leading `#`.
    pub fn parse(fragment: &str) -> Route {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        if let Some(payload) = fragment.strip_prefix(SHARE_PREFIX) {
            return Route::Shared {
                payload: payload.to_owned(),
            };
        }
        let path = fragment.strip_prefix('/').unwrap_or(fragment);
        let path = path.strip_suffix('/').unwrap_or(path);
        let segments: Vec<&str> = if path.is_empty() {
            Vec::new()
        } else {
            path.split('/').collect()
        };
        match segments.as_slice() {
            [] => Route::Start,
            ["new"] => Route::NewAssessment,
            ["scoring"] => Route::HowScoringWorks,
            ["open"] => Route::OpenFile,
            ["compare"] => Route::CompareFiles,
            ["compare", first, second] if is_assessment_id(first) && is_assessment_id(second) => {
                Route::Compare {
                    first: (*first).to_owned(),
                    second: (*second).to_owned(),
                }
            }
            ["a", id, rest @ ..] if is_assessment_id(id) => {
                let assessment = (*id).to_owned();
                match rest {
                    [] => Route::TaskList { assessment },
                    ["all"] => Route::AllPoints { assessment },
                    ["results"] => Route::Results { assessment },
                    ["rename"] => Route::Rename { assessment },
                    ["details"] => Route::Details { assessment },
                    ["delete"] => Route::Delete { assessment },
                    ["next"] => Route::StartNext { assessment },
                    ["compare"] => Route::CompareWith { assessment },
                    ["p", point] if is_point_slug(point) => Route::Point {
                        assessment,
                        point: (*point).to_owned(),
                    },
                    _ => Route::NotFound,
                }
            }
            _ => Route::NotFound,
        }
    }

    /// The fragment for this page, with its leading `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Start => "#/".to_owned(),
            Route::NewAssessment => "#/new".to_owned(),
            Route::HowScoringWorks => "#/scoring".to_owned(),
            Route::OpenFile => "#/open".to_owned(),
            Route::TaskList { assessment } => format!("#/a/{assessment}"),
            Route::Point { assessment, point } => format!("#/a/{assessment}/p/{point}"),
            Route::AllPoints { assessment } => format!("#/a/{assessment}/all"),
            Route::Results { assessment } => format!("#/a/{assessment}/results"),
            Route::Rename { assessment } => format!("#/a/{assessment}/rename"),
            Route::Details { assessment } => format!("#/a/{assessment}/details"),
            Route::Delete { assessment } => format!("#/a/{assessment}/delete"),
            Route::StartNext { assessment } => format!("#/a/{assessment}/next"),
            Route::CompareWith { assessment } => format!("#/a/{assessment}/compare"),
            Route::Compare { first, second } => format!("#/compare/{first}/{second}"),
            Route::CompareFiles => "#/compare".to_owned(),
            Route::Shared { payload } => format!("#{SHARE_PREFIX}{payload}"),
            Route::NotFound => "#/not-found".to_owned(),
        }
    }

    /// The saved assessment this page is about, if any.
    pub fn assessment_id(&self) -> Option<&str> {
        match self {
            Route::TaskList { assessment }
            | Route::Point { assessment, .. }
            | Route::AllPoints { assessment }
            | Route::Results { assessment }
            | Route::Rename { assessment }
            | Route::Details { assessment }
            | Route::Delete { assessment }
            | Route::StartNext { assessment }
            | Route::CompareWith { assessment } => Some(assessment),
            Route::Start
            | Route::NewAssessment
            | Route::HowScoringWorks
            | Route::OpenFile
            | Route::Compare { .. }
            | Route::CompareFiles
            | Route::Shared { .. }
            | Route::NotFound => None,
        }
    }
}

/// Local assessment IDs are short and URL-safe, so they can sit in a fragment unescaped.
pub fn is_assessment_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
}

fn is_point_slug(slug: &str) -> bool {
    slug.len() == 3 && slug.starts_with('p') && slug[1..].bytes().all(|byte| byte.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_reads_back_from_its_own_address() {
        let id = "a1b2-c3".to_owned();
        for route in [
            Route::Start,
            Route::NewAssessment,
            Route::HowScoringWorks,
            Route::OpenFile,
            Route::Rename {
                assessment: id.clone(),
            },
            Route::Details {
                assessment: id.clone(),
            },
            Route::Delete {
                assessment: id.clone(),
            },
            Route::TaskList {
                assessment: id.clone(),
            },
            Route::Point {
                assessment: id.clone(),
                point: "p06".into(),
            },
            Route::AllPoints {
                assessment: id.clone(),
            },
            Route::StartNext {
                assessment: id.clone(),
            },
            Route::CompareWith {
                assessment: id.clone(),
            },
            Route::Compare {
                first: id.clone(),
                second: "b2".into(),
            },
            Route::CompareFiles,
            Route::Results { assessment: id },
            Route::Shared {
                payload: "v1.abc".into(),
            },
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn pages_of_a_saved_assessment_name_it() {
        let route = Route::parse("#/a/abc123/p/p02");
        assert_eq!(route.assessment_id(), Some("abc123"));
        assert_eq!(
            Route::parse("#/a/abc123/delete").assessment_id(),
            Some("abc123")
        );
        assert_eq!(Route::parse("#/open").assessment_id(), None);
        assert_eq!(Route::parse("#share=v1.x").assessment_id(), None);
    }

    #[test]
    fn empty_and_odd_fragments_are_handled() {
        assert_eq!(Route::parse(""), Route::Start);
        assert_eq!(Route::parse("#"), Route::Start);
        assert_eq!(Route::parse("#/new/"), Route::NewAssessment);
        assert_eq!(Route::parse("#/a/"), Route::NotFound);
        assert_eq!(Route::parse("#/a/x/p/6"), Route::NotFound);
        assert_eq!(Route::parse("#/a/<script>"), Route::NotFound);
        assert_eq!(Route::parse("#main-content"), Route::NotFound);
    }
}
