//! Checking what a person typed into a form before it becomes part of an assessment. Each error
//! names its field and reads as the message shown beside it and in the error summary.

use std::fmt;

use super::assessment::{DateError, DateParts, Details, Marking, Phase};
use super::catalogue;
use super::codec::document;
use super::framework::{Framework, OrganisationType};

/// The longest name the tool accepts: the limit the document reader applies, so that a name
/// accepted here can always be saved and read back.
pub const MAX_NAME_CHARS: usize = document::MAX_SHORT_TEXT_CHARS;
/// The longest organisation or assessor entry, for the same reason.
pub const MAX_SHORT_TEXT_CHARS: usize = document::MAX_SHORT_TEXT_CHARS;

/// The form value of the "Not stated" organisation type: every must binds.
pub const NOT_STATED: &str = "not_stated";

/// A form field that can be in error; its `id` is the HTML id the error summary links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Framework,
    Name,
    Organisation,
    Assessor,
    Date,
}

impl Field {
    pub fn id(self) -> &'static str {
        match self {
            Field::Framework => "framework",
            Field::Name => "name",
            Field::Organisation => "organisation",
            Field::Assessor => "assessor",
            Field::Date => "date-day",
        }
    }
}

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    NoFramework,
    NoName,
    TooLong(Field, usize),
    Date(DateError),
}

impl FieldError {
    pub fn field(&self) -> Field {
        match self {
            FieldError::NoFramework => Field::Framework,
            FieldError::NoName => Field::Name,
            FieldError::TooLong(field, _) => *field,
            FieldError::Date(_) => Field::Date,
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldError::NoFramework => {
                f.write_str("Select the framework you are assessing against")
            }
            FieldError::NoName => f.write_str("Enter the name of the project or programme"),
            FieldError::TooLong(field, limit) => {
                let what = match field {
                    Field::Name => "Name of the project or programme",
                    Field::Organisation => "Organisation",
                    Field::Assessor => "Assessor",
                    _ => "This answer",
                };
                write!(f, "{what} must be {limit} characters or fewer")
            }
            FieldError::Date(error) => write!(f, "{error}"),
        }
    }
}

/// The "new assessment" form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DetailsForm {
    pub framework: String,
    pub name: String,
    pub organisation: String,
    /// An organisation type code, [`NOT_STATED`], or empty (also not stated).
    pub organisation_type: String,
    pub assessor: String,
    /// A phase code, or empty.
    pub phase: String,
    pub date: DateParts,
    /// A marking code, or empty for the default.
    pub marking: String,
}

impl DetailsForm {
    /// The form filled in from an assessment's details, for changing them.
    pub fn from_details(framework_id: &str, details: &Details) -> DetailsForm {
        DetailsForm {
            framework: framework_id.to_owned(),
            name: details.name.clone(),
            organisation: details.organisation.clone(),
            organisation_type: details
                .organisation_type
                .map_or(NOT_STATED, OrganisationType::code)
                .to_owned(),
            assessor: details.assessor.clone(),
            phase: details
                .phase
                .map(Phase::code)
                .unwrap_or_default()
                .to_owned(),
            date: details
                .date
                .as_deref()
                .map(DateParts::from_iso)
                .unwrap_or_default(),
            marking: details.marking.code().to_owned(),
        }
    }

    /// The chosen framework and the details, or every error in the order of the form.
    pub fn validate(&self) -> Result<(&'static Framework, Details), Vec<FieldError>> {
        let mut errors = Vec::new();
        let framework = catalogue::framework(&self.framework).ok();
        if framework.is_none() {
            errors.push(FieldError::NoFramework);
        }
        let name = check_name(&self.name);
        if let Err(error) = &name {
            errors.push(error.clone());
        }
        for (field, value) in [
            (Field::Organisation, &self.organisation),
            (Field::Assessor, &self.assessor),
        ] {
            if value.trim().chars().count() > MAX_SHORT_TEXT_CHARS {
                errors.push(FieldError::TooLong(field, MAX_SHORT_TEXT_CHARS));
            }
        }
        let date = self.date.to_iso().map_err(FieldError::Date);
        if let Err(error) = &date {
            errors.push(error.clone());
        }
        match (framework, name, date) {
            (Some(framework), Ok(name), Ok(date)) if errors.is_empty() => Ok((
                framework,
                Details {
                    name,
                    organisation: self.organisation.trim().to_owned(),
                    organisation_type: OrganisationType::from_code(&self.organisation_type),
                    assessor: self.assessor.trim().to_owned(),
                    phase: Phase::from_code(&self.phase),
                    date,
                    marking: Marking::from_code(&self.marking).unwrap_or_default(),
                },
            )),
            _ => Err(errors),
        }
    }
}

/// Checks a project or programme name, as typed on the new-assessment and rename pages, and
/// gives it back trimmed.
pub fn check_name(typed: &str) -> Result<String, FieldError> {
    let name = typed.trim();
    if name.is_empty() {
        Err(FieldError::NoName)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(FieldError::TooLong(Field::Name, MAX_NAME_CHARS))
    } else {
        Ok(name.to_owned())
    }
}

/// The name of a duplicated assessment: the original's with " (copy)", kept within the limit so
/// that the copy can be saved and renamed like any other.
pub fn name_of_copy(name: &str) -> String {
    const SUFFIX: &str = " (copy)";
    let room = MAX_NAME_CHARS - SUFFIX.chars().count();
    let kept: String = name.chars().take(room).collect();
    format!("{}{SUFFIX}", kept.trim_end())
}

/// The message beside an answer's text when it is over its limit ("Evidence must be 20,000
/// characters or fewer. It is 312 characters too long."), or `None` when it is within it.
pub fn over_limit(label: &str, text: &str, limit: usize) -> Option<String> {
    let count = text.chars().count();
    (count > limit).then(|| {
        let over = count - limit;
        format!(
            "{label} must be {} characters or fewer. It is {} {} too long.",
            super::codec::thousands(limit),
            super::codec::thousands(over),
            if over == 1 { "character" } else { "characters" }
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_over_its_limit_says_by_how_much() {
        assert_eq!(over_limit("Evidence", &"a".repeat(20_000), 20_000), None);
        assert_eq!(
            over_limit("Evidence", &"é".repeat(20_001), 20_000).as_deref(),
            Some("Evidence must be 20,000 characters or fewer. It is 1 character too long.")
        );
        assert_eq!(
            over_limit("Owner (optional)", &"a".repeat(1_512), 200).as_deref(),
            Some("Owner (optional) must be 200 characters or fewer. It is 1,312 characters too long.")
        );
    }

    fn filled() -> DetailsForm {
        DetailsForm {
            framework: "tcop-2025".into(),
            name: "  Case management  ".into(),
            phase: "beta".into(),
            date: DateParts {
                day: "3".into(),
                month: "11".into(),
                year: "2026".into(),
            },
            marking: "official_sensitive".into(),
            ..DetailsForm::default()
        }
    }

    #[test]
    fn a_filled_form_gives_trimmed_details() {
        let (framework, details) = filled().validate().expect("valid");
        assert_eq!(framework.id, "tcop-2025");
        assert_eq!(details.name, "Case management");
        assert_eq!(details.phase, Some(Phase::Beta));
        assert_eq!(details.date.as_deref(), Some("2026-11-03"));
        assert_eq!(details.marking, Marking::OfficialSensitive);
    }

    #[test]
    fn an_empty_name_and_no_framework_are_both_reported_in_form_order() {
        let form = DetailsForm {
            framework: String::new(),
            name: "   ".into(),
            ..filled()
        };
        let errors = form.validate().expect_err("invalid");
        assert_eq!(errors, [FieldError::NoFramework, FieldError::NoName]);
        assert_eq!(
            errors[1].to_string(),
            "Enter the name of the project or programme"
        );
        assert_eq!(errors[1].field().id(), "name");
    }

    #[test]
    fn names_just_inside_the_limit_pass_and_just_outside_fail() {
        let inside = DetailsForm {
            name: "n".repeat(MAX_NAME_CHARS),
            ..filled()
        };
        assert!(inside.validate().is_ok());
        let outside = DetailsForm {
            name: "n".repeat(MAX_NAME_CHARS + 1),
            ..filled()
        };
        assert_eq!(
            outside.validate().expect_err("too long"),
            [FieldError::TooLong(Field::Name, MAX_NAME_CHARS)]
        );
    }

    #[test]
    fn an_impossible_date_is_reported_against_the_date() {
        let form = DetailsForm {
            date: DateParts {
                day: "31".into(),
                month: "2".into(),
                year: "2026".into(),
            },
            ..filled()
        };
        let errors = form.validate().expect_err("invalid");
        assert_eq!(errors, [FieldError::Date(DateError::NotReal)]);
        assert_eq!(errors[0].field(), Field::Date);
    }

    #[test]
    fn the_kind_of_organisation_is_read_from_its_code_and_not_stated_is_none() {
        for kind in OrganisationType::ALL {
            let form = DetailsForm {
                organisation_type: kind.code().into(),
                ..filled()
            };
            assert_eq!(
                form.validate().expect("valid").1.organisation_type,
                Some(kind)
            );
        }
        for not_stated in ["", NOT_STATED] {
            let form = DetailsForm {
                organisation_type: not_stated.into(),
                ..filled()
            };
            assert_eq!(form.validate().expect("valid").1.organisation_type, None);
        }
    }

    #[test]
    fn details_go_back_into_the_form_unchanged() {
        let (framework, details) = DetailsForm {
            organisation: "Borough council".into(),
            organisation_type: "local".into(),
            assessor: "Sam".into(),
            ..filled()
        }
        .validate()
        .expect("valid");
        let form = DetailsForm::from_details(&framework.id, &details);
        assert_eq!(form.organisation_type, "local");
        assert_eq!(form.validate().expect("valid").1, details);
        let not_stated = Details {
            organisation_type: None,
            ..details
        };
        assert_eq!(
            DetailsForm::from_details(&framework.id, &not_stated).organisation_type,
            NOT_STATED
        );
    }

    #[test]
    fn a_copy_is_named_after_its_original_within_the_limit() {
        assert_eq!(name_of_copy("Payments"), "Payments (copy)");
        let long = "x".repeat(MAX_NAME_CHARS);
        let copy = name_of_copy(&long);
        assert_eq!(copy.chars().count(), MAX_NAME_CHARS);
        assert!(copy.ends_with(" (copy)"));
        assert_eq!(check_name(&copy), Ok(copy.clone()));
    }

    #[test]
    fn a_name_is_trimmed_and_checked() {
        assert_eq!(check_name("  Payments "), Ok("Payments".to_owned()));
        assert_eq!(check_name(" \n "), Err(FieldError::NoName));
        assert_eq!(
            check_name(&"n".repeat(MAX_NAME_CHARS + 1)),
            Err(FieldError::TooLong(Field::Name, MAX_NAME_CHARS))
        );
    }
}
