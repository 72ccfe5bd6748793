//! The files an assessment can be downloaded as. Shared by the results page and the banner shown
//! when the browser will not keep work, which points people to "Download JSON".

use crate::browser::files::{self, DownloadError};
use crate::browser::page;
use crate::core::assessment::Assessment;
use crate::core::catalogue;
use crate::core::codec::{self, csv, document, report};

/// The kinds of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// The assessment document, which the tool can open again.
    Json,
    /// The results as one self-contained HTML file, which the tool can also open again.
    Report,
    /// Every criterion and action, for spreadsheets.
    Csv,
}

/// Saves an assessment to the person's downloads, named after it and its date. A report includes
/// the changes since `changes_since`, the assessment it was started from, when that is known.
pub fn download(
    kind: FileKind,
    assessment: &Assessment,
    changes_since: Option<&Assessment>,
) -> Result<(), DownloadError> {
    let framework = catalogue::framework(&assessment.framework.id).ok();
    let today = page::today_iso();
    let (contents, extension, mime_type) = match (kind, framework) {
        (FileKind::Report, Some(framework)) => (
            match changes_since {
                Some(earlier) => {
                    report::to_html_with_changes(framework, assessment, &today, earlier)
                }
                None => report::to_html(framework, assessment, &today),
            },
            "html",
            "text/html",
        ),
        (FileKind::Csv, Some(framework)) => (
            csv::to_csv(framework, assessment, &today),
            "csv",
            "text/csv",
        ),
        // The JSON document needs no framework content, so it can always be saved.
        _ => (
            document::to_json_pretty(assessment),
            "json",
            "application/json",
        ),
    };
    files::download(
        &codec::file_name(assessment, extension),
        mime_type,
        &contents,
    )
}
