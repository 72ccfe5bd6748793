//! The frameworks built into the tool. The build script checks their TOML files and embeds each in
//! its compact form (see `build.rs` and [`Framework::to_compact`]); each is read the first time it
//! is needed, then kept.

use std::fmt;
use std::sync::OnceLock;

use super::framework::{ContentError, Framework};

/// The embedded frameworks in their compact form, in the order the tool offers them.
const SOURCES: [(&str, &str); 4] = [
    (
        "tcop-2025",
        include_str!(concat!(env!("OUT_DIR"), "/tcop-2025.json")),
    ),
    (
        "tcop-2016",
        include_str!(concat!(env!("OUT_DIR"), "/tcop-2016.json")),
    ),
    (
        "ldd-2018",
        include_str!(concat!(env!("OUT_DIR"), "/ldd-2018.json")),
    ),
    (
        "service-standard",
        include_str!(concat!(env!("OUT_DIR"), "/service-standard.json")),
    ),
];

static PARSED: [OnceLock<Result<Framework, ContentError>>; SOURCES.len()] =
    [const { OnceLock::new() }; SOURCES.len()];

/// The IDs of every built-in framework, in the order the tool offers them.
pub fn ids() -> impl Iterator<Item = &'static str> {
    SOURCES.iter().map(|(id, _)| *id)
}

/// The built-in framework with this ID.
pub fn framework(id: &str) -> Result<&'static Framework, CatalogueError> {
    let index = SOURCES
        .iter()
        .position(|(known, _)| *known == id)
        .ok_or_else(|| CatalogueError::Unknown(id.to_owned()))?;
    let parsed = PARSED[index].get_or_init(|| {
        let framework = Framework::from_compact(SOURCES[index].1)?;
        // The file's own ID must match the name it is offered under, or saved work would point
        // at the wrong content.
        if framework.id != id {
            return Err(ContentError::Syntax(format!(
                "the file registered as \"{id}\" declares id \"{}\"",
                framework.id
            )));
        }
        Ok(framework)
    });
    parsed
        .as_ref()
        .map_err(|error| CatalogueError::Broken(id.to_owned(), error.clone()))
}

/// Every built-in framework that loads, in order.
pub fn frameworks() -> impl Iterator<Item = &'static Framework> {
    ids().filter_map(|id| framework(id).ok())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogueError {
    /// No framework with this ID is built into this version of the tool.
    Unknown(String),
    /// The framework's data file is broken (a build that passed its tests never has this).
    Broken(String, ContentError),
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogueError::Unknown(id) => write!(
                f,
                "This tool does not know the framework \"{id}\". It may come from a newer version of the tool."
            ),
            CatalogueError::Broken(id, error) => {
                write!(f, "The framework \"{id}\" could not be loaded. {error}")
            }
        }
    }
}

impl std::error::Error for CatalogueError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::framework::Level;

    #[test]
    fn every_built_in_framework_loads_without_content_problems() {
        for id in ids() {
            if let Err(error) = framework(id) {
                panic!("{error}");
            }
        }
        assert_eq!(frameworks().count(), SOURCES.len());
    }

    /// The TOML files as editors write them, to check the embedded compact form against.
    const TOML: [(&str, &str); 4] = [
        ("tcop-2025", include_str!("../frameworks/tcop-2025.toml")),
        ("tcop-2016", include_str!("../frameworks/tcop-2016.toml")),
        ("ldd-2018", include_str!("../frameworks/ldd-2018.toml")),
        (
            "service-standard",
            include_str!("../frameworks/service-standard.toml"),
        ),
    ];

    #[test]
    fn the_embedded_content_is_exactly_what_the_toml_files_say() {
        for (id, text) in TOML {
            let from_toml = Framework::from_toml(text).expect("valid content");
            assert_eq!(framework(id), Ok(&from_toml), "{id}");
            assert_eq!(
                Framework::from_compact(&from_toml.to_compact()).as_ref(),
                Ok(&from_toml)
            );
        }
        assert_eq!(TOML.map(|(id, _)| id), SOURCES.map(|(id, _)| id));
    }

    #[test]
    fn compact_text_with_quotes_backslashes_and_control_characters_reads_back() {
        let mut framework = Framework::from_toml(TOML[2].1).expect("valid content");
        framework.summary = "A \"quoted\" back\\slash,\nnew line, tab\t and bell \u{7} 🚀".into();
        framework.points[0].section = Some("Part \"one\"".into());
        assert_eq!(
            Framework::from_compact(&framework.to_compact()),
            Ok(framework)
        );
    }

    #[test]
    fn compact_text_of_the_wrong_shape_is_a_syntax_error() {
        for bad in [
            "",
            "{}",
            "[]",
            "[\"a\",\"b\",\"c\",\"d\",\"e\",[[1]]]",
            "not json",
        ] {
            assert!(
                matches!(Framework::from_compact(bad), Err(ContentError::Syntax(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn ids_are_unique_across_frameworks() {
        let mut seen = std::collections::HashSet::new();
        for framework in frameworks() {
            for point in &framework.points {
                assert!(seen.insert(point.id.clone()), "{} repeats", point.id);
                for criterion in &point.criteria {
                    assert!(
                        seen.insert(criterion.id.clone()),
                        "{} repeats",
                        criterion.id
                    );
                }
            }
        }
    }

    #[test]
    fn the_current_code_has_its_thirteen_points_with_musts_where_the_code_is_mandatory() {
        let tcop = framework("tcop-2025").expect("loads");
        assert_eq!(tcop.points.len(), 13);
        let musts = |number: &str| {
            tcop.points
                .iter()
                .find(|point| point.number == number)
                .map(|point| {
                    point
                        .criteria
                        .iter()
                        .filter(|c| c.level == Level::Must)
                        .count()
                })
                .unwrap_or_default()
        };
        // Points 1 to 11 say plans "must show"; point 12 only "should".
        for number in 1..=11 {
            assert!(
                musts(&number.to_string()) >= 1,
                "point {number} has no must"
            );
        }
        assert_eq!(musts("12"), 0);
        assert!(tcop.points[12].applicability.is_some());
    }

    #[test]
    fn unknown_frameworks_are_reported_by_name() {
        assert_eq!(
            framework("tcop-2099"),
            Err(CatalogueError::Unknown("tcop-2099".into()))
        );
    }
}
