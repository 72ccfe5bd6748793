//! Encodings of the assessment document: the JSON document itself, the share link, the HTML
//! report and the CSV spreadsheet; and reading back a file a person chooses with "Open a file".

pub mod csv;
pub mod document;
pub mod report;
pub mod share;

use std::fmt;

use crate::core::assessment::Assessment;
use document::{DocumentError, Imported, MAX_DOCUMENT_BYTES};
use report::ReportError;

/// Reads a file chosen with "Open a file": a `.json` assessment file or an `.html` report.
///
/// The size is checked before anything else, so a huge file costs nothing to refuse.
pub fn open_file(bytes: &[u8]) -> Result<Imported, OpenError> {
    check_size(bytes.len())?;
    // Some editors on Windows start UTF-8 files with a byte order mark.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| OpenError::NotText)?;
    let start = text.trim_start();
    if start.is_empty() {
        return Err(OpenError::Empty);
    }
    if start.starts_with('<') {
        let json = report::extract_document(text).map_err(OpenError::Report)?;
        return document::from_json(json).map_err(OpenError::DocumentInReport);
    }
    if start.starts_with(&format!("{},", csv::HEADER[0])) {
        return Err(OpenError::Spreadsheet);
    }
    document::from_json(text).map_err(OpenError::Document)
}

/// Why a chosen file could not be opened. Each reads as a message for the person who chose it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    TooLarge {
        bytes: usize,
    },
    /// Not UTF-8 text: a PDF, a word-processor file, an image.
    NotText,
    Empty,
    /// The CSV download, which holds the answers but not the whole document.
    Spreadsheet,
    /// An HTML file without a readable embedded document.
    Report(ReportError),
    /// A report whose embedded document is refused.
    DocumentInReport(DocumentError),
    /// A JSON file that is refused.
    Document(DocumentError),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::TooLarge { bytes } => write!(
                f,
                "The file is too large ({}). An assessment file or report from TCoP Assessor is at most 5 MB, so this file was not opened.",
                megabytes(*bytes)
            ),
            OpenError::NotText => f.write_str(
                "The file is not a text file, so it is not an assessment file or report from TCoP Assessor. It may be a PDF, a word-processor document or a spreadsheet. Choose the .json file or the .html report you downloaded from TCoP Assessor.",
            ),
            OpenError::Empty => f.write_str(
                "The file is empty. It may not have finished downloading: download it again, then open it.",
            ),
            OpenError::Spreadsheet => f.write_str(
                "This is the CSV spreadsheet downloaded from TCoP Assessor. A spreadsheet cannot be opened again in the tool: open the .json file or the .html report instead.",
            ),
            OpenError::Report(error) => write!(f, "{error}"),
            OpenError::DocumentInReport(error) => write!(
                f,
                "This is a TCoP Assessor report, but the assessment saved inside it could not be read. {error}"
            ),
            OpenError::Document(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for OpenError {}

/// Refuses a file larger than any assessment file can be. The browser calls this with the file's
/// size before reading it, and `open_file` again on the bytes read.
pub fn check_size(bytes: usize) -> Result<(), OpenError> {
    if bytes > MAX_DOCUMENT_BYTES {
        Err(OpenError::TooLarge { bytes })
    } else {
        Ok(())
    }
}

/// A size over the limit for a message: "6.2 MB", never a "5.0 MB" that looks within the 5 MB
/// limit. Whole tenths (rounded half up) rather than an f64, whose printing code would add about
/// 10 KB to the app for these few messages.
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 512 * 1024) / (1024 * 1024);
    if tenths <= 50 {
        "just over 5 MB".to_owned()
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// A count for a message, with thousands separated: "20,000".
pub fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The longest part of a file name taken from the assessment's name.
const MAX_NAME_IN_FILE_NAME: usize = 60;

/// A file name for a download, from the assessment's name and date:
/// `digital-payments-platform-2026-11-23.json`. Only lowercase ASCII letters, digits and single
/// hyphens, so it is safe on every system and in every mail program.
pub fn file_name(assessment: &Assessment, extension: &str) -> String {
    let mut name = slug(&assessment.details.name);
    if name.len() > MAX_NAME_IN_FILE_NAME {
        // A slug is ASCII, so any byte index is a character boundary.
        name.truncate(MAX_NAME_IN_FILE_NAME);
        name.truncate(name.trim_end_matches('-').len());
    }
    if name.is_empty() {
        name.push_str("assessment");
    }
    if let Some(date) = assessment.details.date.as_deref().map(slug) {
        if !date.is_empty() {
            name.push('-');
            name.push_str(&date);
        }
    }
    let extension = slug(extension);
    if !extension.is_empty() {
        name.push('.');
        name.push_str(&extension);
    }
    name
}

/// Lowercase ASCII letters and digits, with every other run of characters as one hyphen, and no
/// hyphen at either end.
fn slug(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.truncate(slug.trim_end_matches('-').len());
    slug
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::{Details, Status};
    use crate::core::catalogue;

    fn sample() -> Assessment {
        let framework = catalogue::framework("tcop-2025").expect("built in");
        let mut assessment = Assessment::new(
            framework,
            Details {
                name: "Digital payments platform".into(),
                date: Some("2026-11-23".into()),
                ..Details::default()
            },
        );
        assessment.update_answer("tcop-2025/p01/c01", |answer| {
            answer.status = Some(Status::NotMet);
            answer.evidence = "</script><img src=x onerror=alert(1)> & 🚀".into();
        });
        assessment
    }

    #[test]
    fn a_json_file_opens() {
        let json = document::to_json_pretty(&sample());
        let imported = open_file(json.as_bytes()).expect("opens");
        assert_eq!(imported.assessment, sample());
        let padded = format!("\n  {json}\n");
        assert_eq!(
            open_file(padded.as_bytes()).expect("opens").assessment,
            sample()
        );
    }

    #[test]
    fn a_json_file_with_a_byte_order_mark_opens() {
        let json = format!("\u{feff}{}", document::to_json(&sample()));
        assert_eq!(
            open_file(json.as_bytes()).expect("opens").assessment,
            sample()
        );
    }

    #[test]
    fn a_downloaded_report_opens() {
        let framework = catalogue::framework("tcop-2025").expect("built in");
        let html = report::to_html(framework, &sample(), "2026-11-24");
        assert_eq!(
            open_file(html.as_bytes()).expect("opens").assessment,
            sample()
        );
        let with_bom = format!("\u{feff}\r\n{html}");
        assert_eq!(
            open_file(with_bom.as_bytes()).expect("opens").assessment,
            sample()
        );
    }

    #[test]
    fn files_past_the_size_limit_are_refused_before_reading() {
        // Not UTF-8 and not JSON either: only the size check can have refused it.
        let too_large = vec![0xff; MAX_DOCUMENT_BYTES + 1];
        let error = open_file(&too_large).expect_err("refused");
        assert_eq!(
            error,
            OpenError::TooLarge {
                bytes: MAX_DOCUMENT_BYTES + 1
            }
        );
        assert!(error
            .to_string()
            .starts_with("The file is too large (just over 5 MB)."));
        let large = OpenError::TooLarge { bytes: 6_500_000 };
        assert!(large
            .to_string()
            .starts_with("The file is too large (6.2 MB)."));
        // At the limit the file is read (and refused for what it is, not its size).
        let at_limit = vec![b' '; MAX_DOCUMENT_BYTES];
        assert_eq!(open_file(&at_limit), Err(OpenError::Empty));
    }

    #[test]
    fn each_kind_of_unopenable_file_gets_its_own_error() {
        assert_eq!(
            open_file(b"%PDF-1.7\n\xe2\x28\xa1"),
            Err(OpenError::NotText)
        );
        assert_eq!(open_file(b""), Err(OpenError::Empty));
        assert_eq!(open_file(b"\xef\xbb\xbf \r\n"), Err(OpenError::Empty));
        assert_eq!(
            open_file(b"<!DOCTYPE html><html><body>Minutes</body></html>"),
            Err(OpenError::Report(ReportError::NotAReport))
        );
        assert_eq!(
            open_file(b"<script type=\"application/json\" id=\"tcop-assessment-document\">{\"a\""),
            Err(OpenError::Report(ReportError::Damaged))
        );
        assert!(matches!(
            open_file(
                b"<script type=\"application/json\" id=\"tcop-assessment-document\">{\"format\":\"other\"}</script>"
            ),
            Err(OpenError::DocumentInReport(DocumentError::NotThisFormat))
        ));
        assert!(matches!(
            open_file(b"{\"format\": "),
            Err(OpenError::Document(DocumentError::NotJson { .. }))
        ));
        assert!(matches!(
            open_file(b"Just some notes"),
            Err(OpenError::Document(DocumentError::NotJson { .. }))
        ));
        let framework = catalogue::framework("tcop-2025").expect("built in");
        let spreadsheet = csv::to_csv(framework, &sample(), "2026-11-24");
        assert_eq!(
            open_file(spreadsheet.as_bytes()),
            Err(OpenError::Spreadsheet)
        );
    }

    #[test]
    fn error_messages_say_what_the_file_is() {
        assert!(OpenError::Report(ReportError::NotAReport)
            .to_string()
            .starts_with("This HTML file is not a TCoP Assessor report"));
        let in_report = OpenError::DocumentInReport(DocumentError::NotThisFormat).to_string();
        assert!(in_report.starts_with("This is a TCoP Assessor report, but"));
        assert!(OpenError::Spreadsheet.to_string().contains("CSV"));
        assert!(OpenError::NotText.to_string().contains("not a text file"));
    }

    fn named(name: &str, date: Option<&str>) -> Assessment {
        let mut assessment = sample();
        assessment.details.name = name.into();
        assessment.details.date = date.map(str::to_owned);
        assessment
    }

    #[test]
    fn file_names_come_from_the_name_and_date() {
        assert_eq!(
            file_name(&sample(), "json"),
            "digital-payments-platform-2026-11-23.json"
        );
        assert_eq!(
            file_name(&named("  Payments: Phase 2 (Beta!) ", None), "html"),
            "payments-phase-2-beta.html"
        );
        assert_eq!(
            file_name(&named("Café — ünïcode & émoji 🚀", None), "csv"),
            "caf-n-code-moji.csv"
        );
        assert_eq!(
            file_name(&named("../../etc/passwd", None), "json"),
            "etc-passwd.json"
        );
        assert_eq!(
            file_name(&named("🚀🚀", Some("2026-01-02")), "json"),
            "assessment-2026-01-02.json"
        );
        assert_eq!(file_name(&named("", None), ".json"), "assessment.json");
    }

    #[test]
    fn long_names_are_cut_to_sixty_characters_without_a_trailing_hyphen() {
        let long = format!("{} {}", "a".repeat(59), "b".repeat(30));
        let name = file_name(&named(&long, Some("2026-11-23")), "json");
        assert_eq!(name, format!("{}-2026-11-23.json", "a".repeat(59)));
        let exact = file_name(&named(&"x".repeat(100), None), "json");
        assert_eq!(exact, format!("{}.json", "x".repeat(60)));
    }
}
