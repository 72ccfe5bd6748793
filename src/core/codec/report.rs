//! The downloadable report: one self-contained HTML file that a person can email, read in any
//! browser, print on A4, and open again in the tool.
//!
//! It holds everything the results page shows and every answer in full, with all figures taken
//! from `scoring`. It loads nothing and runs nothing: the style is inline, there are no images or
//! fonts, and a Content-Security-Policy forbids scripts and every fetch even if something slipped
//! through. The assessment document travels inside it as a JSON data block, which is how "Open a
//! file" reads it back.

use std::fmt::{self, Display, Formatter, Write as _};

use super::document;
use crate::core::assessment::{format_date, Answer, Assessment};
use crate::core::compare;
use crate::core::framework::{Criterion, Framework, Point};
use crate::core::results_text::{self as text, or_not_given};
use crate::core::scoring::{self, PointResult, Results, Standing};

/// The `id` of the `<script type="application/json">` element that holds the document.
pub const DOCUMENT_ELEMENT_ID: &str = "tcop-assessment-document";

/// Scripts, fetches, frames and forms are all refused; only the inline style may apply.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// The report as one HTML file. `generated_on` is the date it is made, as `YYYY-MM-DD`.
pub fn to_html(framework: &Framework, assessment: &Assessment, generated_on: &str) -> String {
    Report {
        framework,
        assessment,
        results: scoring::score(framework, assessment),
        generated_on,
        changes_since: None,
    }
    .to_string()
}

/// The report with a "Changes since …" section comparing it with the assessment it was started
/// from (or any earlier assessment of the same standard).
pub fn to_html_with_changes(
    framework: &Framework,
    assessment: &Assessment,
    generated_on: &str,
    earlier: &Assessment,
) -> String {
    Report {
        framework,
        assessment,
        results: scoring::score(framework, assessment),
        generated_on,
        changes_since: Some(earlier),
    }
    .to_string()
}

/// Finds the assessment document inside a report and returns its JSON text.
pub fn extract_document(html: &str) -> Result<&str, ReportError> {
    let marker = format!("id=\"{DOCUMENT_ELEMENT_ID}\"");
    let at = html.find(&marker).ok_or(ReportError::NotAReport)?;
    // The marker only counts inside a `<script ...>` start tag.
    let tag_start = html[..at].rfind("<script").ok_or(ReportError::NotAReport)?;
    if html[tag_start..at].contains('>') {
        return Err(ReportError::NotAReport);
    }
    let after_marker = at + marker.len();
    let content_start = html[after_marker..]
        .find('>')
        .map(|offset| after_marker + offset + 1)
        .ok_or(ReportError::Damaged)?;
    let content_end = html[content_start..]
        .find("</script")
        .map(|offset| content_start + offset)
        .ok_or(ReportError::Damaged)?;
    let json = html[content_start..content_end].trim();
    if json.is_empty() {
        return Err(ReportError::Damaged);
    }
    Ok(json)
}

/// Why no assessment could be taken out of an HTML file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportError {
    /// The file has no embedded assessment: it is some other web page.
    NotAReport,
    /// The data block is there but cut short or empty.
    Damaged,
}

impl Display for ReportError {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ReportError::NotAReport => {
                "This HTML file is not a TCoP Assessor report, so there is no assessment in it to open. Choose a report or a .json file downloaded from TCoP Assessor."
            }
            ReportError::Damaged => {
                "This HTML file looks like a TCoP Assessor report, but it is incomplete or damaged, so the assessment saved inside it cannot be read. Download the report again, or open the .json file instead."
            }
        })
    }
}

impl std::error::Error for ReportError {}

/// Text made safe to place in HTML, both between tags and inside quoted attribute values.
struct Escaped<'a>(&'a str);

impl Display for Escaped<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            match c {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '"' => f.write_str("&quot;")?,
                '\'' => f.write_str("&#39;")?,
                _ => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// The document JSON made safe inside a `<script>` element. `<`, `>` and `&` occur in the JSON
/// only within strings, where `\u003c` and the like mean the same characters, so the JSON keeps
/// its meaning while text such as `</script>` or `<!--` can never end or change the block.
fn script_safe_json(json: &str) -> String {
    let mut safe = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => safe.push_str("\\u003c"),
            '>' => safe.push_str("\\u003e"),
            '&' => safe.push_str("\\u0026"),
            _ => safe.push(c),
        }
    }
    safe
}

/// Text and background colours of each standing's tag. A test holds every pair to at least the
/// 4.5:1 contrast WCAG 2.2 AA asks of text.
const TAG_COLOURS: [(&str, &str, &str); 5] = [
    ("blocked", "#8a1f11", "#f9dcd7"),
    ("meets", "#005a30", "#d5eadf"),
    ("partly-meets", "#594d00", "#fff4b8"),
    ("does-not-meet", "#6e3619", "#fcdcca"),
    ("not-applicable", "#3d4245", "#eceeef"),
];

/// The report's own style, after the GOV.UK Design System: Arial, its text, link and border
/// colours, its spacing, and print rules for A4.
const STYLE: &str = "\
*,*::before,*::after{box-sizing:border-box}
body{margin:0;padding:20px 15px 30px;font-family:Arial,sans-serif;font-size:19px;line-height:1.32;color:#0b0c0c;background:#fff}
main,footer,.marking{max-width:960px;margin-left:auto;margin-right:auto}
a{color:#1d70b8;text-decoration-thickness:1px;text-underline-offset:.15em}
a:visited{color:#4c2c92}
a:focus{outline:3px solid transparent;color:#0b0c0c;background:#fd0;box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}
h1,h2,h3,h4{font-weight:700;margin:0}
h1{font-size:36px;line-height:1.1;margin-bottom:30px}
h2{font-size:27px;line-height:1.15;margin:45px 0 20px}
h3{font-size:24px;line-height:1.2;margin:40px 0 15px}
h4{font-size:19px;margin:25px 0 10px}
p,ul{margin:0 0 15px}
ul{padding-left:20px}
li{margin-bottom:5px}
.caption{display:block;color:#505a5f;font-size:24px;margin-bottom:5px}
.secondary{color:#505a5f}
.marking{display:table;font-weight:700;padding:5px 10px;border:2px solid #0b0c0c}
.marking--top{margin-bottom:20px}
.marking--bottom{margin-top:30px}
.overall{border:1px solid #b1b4b6;border-left-width:10px;padding:20px;margin-bottom:20px}
.overall h2{margin:0 0 10px}
.overall p{margin:0;font-size:24px}
.tag{display:inline-block;padding:2px 8px;font-weight:700;font-size:16px;letter-spacing:.02em;white-space:nowrap}
table{width:100%;border-collapse:collapse;border-spacing:0;margin-bottom:30px}
caption{text-align:left;font-weight:700;padding-bottom:10px}
th,td{text-align:left;vertical-align:top;padding:10px 20px 10px 0;border-bottom:1px solid #b1b4b6}
th:last-child,td:last-child{padding-right:0}
.numeric{text-align:right}
.nowrap{white-space:nowrap}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
dl{margin:0 0 20px;border-top:1px solid #b1b4b6}
dl>div{display:flex;border-bottom:1px solid #b1b4b6}
dt,dd{margin:0;padding:10px 20px 10px 0}
dt{flex:0 0 30%;font-weight:700}
dd{flex:1 1 auto;min-width:0;padding-right:0}
.criterion{margin-bottom:30px}
.reopen,.note{border-left:5px solid #b1b4b6;padding:10px 15px}
@media (max-width:640px){body{font-size:16px}h1{font-size:27px}h2{font-size:22px}h3{font-size:19px}dl>div{display:block}dt{padding-bottom:0}}
@media print{
@page{size:A4;margin:15mm}
body{padding:0;font-size:11pt}
main,footer,.marking{max-width:none}
h1{font-size:20pt}h2{font-size:16pt;margin-top:24pt}h3{font-size:14pt}h4{font-size:11pt}.caption,.overall p{font-size:13pt}.tag{font-size:9pt}
h1,h2,h3,h4,caption{break-after:avoid}
tr,dl>div,.criterion,.overall,.reopen,.blockers li{break-inside:avoid}
thead{display:table-header-group}
a{color:#0b0c0c}
a[href^=\"https:\"]::after{content:\" (\" attr(href) \")\";overflow-wrap:anywhere}
.tag,.overall{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.tag{border:1px solid currentColor}
}
";

struct Report<'f, 'a> {
    framework: &'f Framework,
    assessment: &'a Assessment,
    results: Results<'f, 'a>,
    /// The date it is made, `YYYY-MM-DD`: also the day overdue actions are counted from.
    generated_on: &'a str,
    changes_since: Option<&'a Assessment>,
}

fn tag(f: &mut Formatter<'_>, standing: Standing) -> fmt::Result {
    write!(
        f,
        "<strong class=\"tag tag--{}\">{}</strong>",
        standing.slug(),
        standing.label()
    )
}

impl Display for Report<'_, '_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let details = &self.assessment.details;
        f.write_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")?;
        f.write_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")?;
        writeln!(
            f,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">"
        )?;
        f.write_str("<meta name=\"referrer\" content=\"no-referrer\">\n")?;
        let title = format!(
            "Results: {} ({} self-assessment, {})",
            details.name,
            self.framework.title,
            details.marking.label()
        );
        writeln!(f, "<title>{}</title>", Escaped(&title))?;
        f.write_str("<style>\n")?;
        f.write_str(STYLE)?;
        for (class, text, background) in TAG_COLOURS {
            writeln!(
                f,
                ".tag--{class}{{color:{text};background:{background}}}.overall--{class}{{border-left-color:{text}}}"
            )?;
        }
        f.write_str("</style>\n</head>\n<body>\n")?;
        writeln!(
            f,
            "<p class=\"marking marking--top\">{}</p>",
            details.marking.label()
        )?;
        f.write_str("<main>\n")?;
        self.write_overview(f)?;
        self.write_blockers(f)?;
        self.write_point_scores(f)?;
        self.write_actions(f)?;
        self.write_changes(f)?;
        self.write_every_answer(f)?;
        self.write_unknown_answers(f)?;
        f.write_str("</main>\n<footer>\n")?;
        writeln!(
            f,
            "<p class=\"secondary\">Made with TCoP Assessor {} on {}. TCoP Assessor is an independent self-assessment tool; this report is not an approval.</p>",
            env!("CARGO_PKG_VERSION"),
            Escaped(&format_date(self.generated_on))
        )?;
        writeln!(
            f,
            "<p class=\"marking marking--bottom\">{}</p>",
            details.marking.label()
        )?;
        f.write_str("</footer>\n")?;
        writeln!(
            f,
            "<script type=\"application/json\" id=\"{DOCUMENT_ELEMENT_ID}\">{}</script>",
            script_safe_json(&document::to_json(self.assessment))
        )?;
        f.write_str("</body>\n</html>\n")
    }
}

impl Report<'_, '_> {
    fn write_overview(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let details = &self.assessment.details;
        let results = &self.results;
        writeln!(
            f,
            "<h1><span class=\"caption\">{}</span> Results: {}</h1>",
            Escaped(&self.framework.title),
            Escaped(&details.name)
        )?;
        writeln!(
            f,
            "<div class=\"overall overall--{}\">\n<h2>Overall score {}</h2>",
            results.standing.slug(),
            text::score_text(results.overall)
        )?;
        f.write_str("<p>")?;
        tag(f, results.standing)?;
        f.write_str("</p>\n</div>\n")?;
        writeln!(f, "<p>{}</p>", Escaped(&results.reason.to_string()))?;
        writeln!(f, "<p>{}</p>", text::completed_sentence(results))?;
        if let Some(note) = text::organisation_note(self.framework, self.assessment) {
            writeln!(f, "<p class=\"note\">{}</p>", Escaped(&note))?;
        }
        let mut rows = text::detail_rows(self.framework, self.assessment);
        rows.push(text::DetailRow {
            key: "Report generated",
            value: format_date(self.generated_on),
        });
        f.write_str("<dl class=\"summary\">\n")?;
        for row in rows {
            writeln!(
                f,
                "<div><dt>{}</dt><dd class=\"text\">{}</dd></div>",
                Escaped(row.key),
                Escaped(&row.value)
            )?;
        }
        f.write_str("</dl>\n")?;
        f.write_str(
            "<p class=\"reopen\">The answers are saved inside this file. To look at them again or change them, open TCoP Assessor, choose \u{201c}Open a file\u{201d} on its start page and select this file.</p>\n",
        )
    }

    fn write_blockers(&self, f: &mut Formatter<'_>) -> fmt::Result {
        writeln!(f, "<section>\n<h2>{}</h2>", text::BLOCKERS_HEADING)?;
        if self.results.blockers.is_empty() {
            return writeln!(f, "<p>{}</p>\n</section>", text::NOTHING_BLOCKS);
        }
        writeln!(
            f,
            "<p>{}</p>\n<ul class=\"blockers\">",
            text::BLOCKERS_INTRO
        )?;
        for blocker in &self.results.blockers {
            let line = text::blocker_line(blocker);
            writeln!(
                f,
                "<li><strong>{}:</strong> {}{}</li>",
                Escaped(&line.point),
                Escaped(&line.question),
                Escaped(&line.binds)
            )?;
        }
        f.write_str("</ul>\n</section>\n")
    }

    fn write_point_scores(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let [point, score, status, why] = text::POINT_COLUMNS;
        writeln!(
            f,
            "<section>\n<h2>{}</h2>\n<table>\n<caption>{}</caption>",
            text::POINTS_HEADING,
            text::POINTS_CAPTION
        )?;
        writeln!(f, "<thead><tr><th scope=\"col\">{point}</th><th scope=\"col\" class=\"numeric\">{score}</th><th scope=\"col\">{status}</th><th scope=\"col\">{why}</th></tr></thead>\n<tbody>")?;
        for result in self.results.points_blocked_first() {
            write!(
                f,
                "<tr><th scope=\"row\">{}. {}</th><td class=\"numeric\">{}</td><td>",
                Escaped(&result.point.number),
                Escaped(&result.point.title),
                text::score_text(result.score)
            )?;
            tag(f, result.standing)?;
            writeln!(
                f,
                "</td><td>{}. {}</td></tr>",
                result.progress.label(),
                Escaped(&result.reason.to_string())
            )?;
        }
        f.write_str("</tbody>\n</table>\n</section>\n")
    }

    fn write_actions(&self, f: &mut Formatter<'_>) -> fmt::Result {
        writeln!(f, "<section>\n<h2>{}</h2>", text::ACTIONS_HEADING)?;
        if self.results.actions.is_empty() {
            return writeln!(f, "<p>{}</p>\n</section>", text::NO_ACTIONS);
        }
        writeln!(f, "<table>\n<caption>{}</caption>", text::ACTIONS_CAPTION)?;
        f.write_str("<thead><tr>")?;
        for column in text::ACTION_COLUMNS {
            write!(f, "<th scope=\"col\">{column}</th>")?;
        }
        f.write_str("</tr></thead>\n<tbody>\n")?;
        for item in &self.results.actions {
            writeln!(
                f,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"text\">{}</td><td class=\"text\">{}</td><td class=\"nowrap\">{}</td><td>{}</td></tr>",
                Escaped(&item.point.number),
                Escaped(&item.criterion.question),
                item.status.label(),
                Escaped(&item.answer.action),
                Escaped(&item.answer.owner),
                Escaped(&text::due_text(item.answer)),
                Escaped(&text::action_status_text(item.answer, self.generated_on))
            )?;
        }
        f.write_str("</tbody>\n</table>\n</section>\n")
    }

    /// What changed since an earlier assessment: the summary, then each point that changed with
    /// its criteria's earlier and later answers.
    fn write_changes(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let Some(earlier) = self.changes_since else {
            return Ok(());
        };
        let comparison =
            compare::compare(self.framework, earlier, self.assessment, self.generated_on);
        writeln!(
            f,
            "<section>\n<h2>{}</h2>\n<p>{}</p>\n<p>Overall: {}.</p>",
            Escaped(&text::changes_heading(comparison.earlier)),
            Escaped(&comparison.summary.sentence()),
            Escaped(&comparison.overall_change())
        )?;
        let changed: Vec<_> = comparison
            .points
            .iter()
            .filter(|point| point.changed())
            .collect();
        if changed.is_empty() {
            return f.write_str("<p>No answer has changed.</p>\n</section>\n");
        }
        f.write_str("<table>\n<caption>Points that changed</caption>\n<thead><tr><th scope=\"col\">Point</th><th scope=\"col\">Earlier</th><th scope=\"col\">Later</th><th scope=\"col\">Change</th></tr></thead>\n<tbody>\n")?;
        for point in &changed {
            writeln!(
                f,
                "<tr><th scope=\"row\">{}. {}</th><td>{} {}</td><td>{} {}</td><td>{} {}</td></tr>",
                Escaped(&point.point.number),
                Escaped(&point.point.title),
                point.earlier.standing.label(),
                text::score_text(point.earlier.score),
                point.later.standing.label(),
                text::score_text(point.later.score),
                Escaped(&point.standing_change()),
                Escaped(&point.score_change())
            )?;
        }
        f.write_str("</tbody>\n</table>\n")?;
        for point in &changed {
            for change in &point.criteria {
                writeln!(
                    f,
                    "<div class=\"criterion\">\n<h3>{}. {}: {}</h3>\n<p class=\"secondary\">{} changed.</p>",
                    Escaped(&point.point.number),
                    Escaped(&point.point.title),
                    Escaped(change.question()),
                    Escaped(&change.what_changed())
                )?;
                f.write_str("<h4>Earlier</h4>\n")?;
                write_answer_list(f, None, &change.earlier)?;
                f.write_str("<h4>Later</h4>\n")?;
                write_answer_list(f, None, &change.later)?;
                f.write_str("</div>\n")?;
            }
        }
        f.write_str("</section>\n")
    }

    fn write_every_answer(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("<section>\n<h2>Every answer</h2>\n<p>Each point in order, with every criterion and everything recorded against it.</p>\n")?;
        for result in &self.results.points {
            self.write_point(f, result)?;
        }
        f.write_str("</section>\n")
    }

    fn write_point(&self, f: &mut Formatter<'_>, result: &PointResult<'_>) -> fmt::Result {
        let point: &Point = result.point;
        writeln!(
            f,
            "<section class=\"point\">\n<h3>{}. {}</h3>",
            Escaped(&point.number),
            Escaped(&point.title)
        )?;
        write!(f, "<p>Score {} ", text::score_text(result.score))?;
        tag(f, result.standing)?;
        writeln!(
            f,
            " {}. {}</p>",
            result.progress.label(),
            Escaped(&result.reason.to_string())
        )?;
        writeln!(
            f,
            "<p class=\"secondary\">Official guidance: <a href=\"{}\" rel=\"noreferrer\">{}</a></p>",
            Escaped(&point.url),
            Escaped(&point.title)
        )?;
        for (index, criterion) in point.criteria.iter().enumerate() {
            self.write_criterion(f, point, index + 1, criterion)?;
        }
        f.write_str("</section>\n")
    }

    fn write_criterion(
        &self,
        f: &mut Formatter<'_>,
        point: &Point,
        position: usize,
        criterion: &Criterion,
    ) -> fmt::Result {
        writeln!(
            f,
            "<div class=\"criterion\">\n<h4><span class=\"secondary\">{}.{}</span> {}</h4>",
            Escaped(&point.number),
            position,
            Escaped(&criterion.question)
        )?;
        if let Some(note) = criterion.binding_note() {
            writeln!(f, "<p class=\"secondary\">{}</p>", Escaped(&note))?;
        }
        let level = text::level_text(criterion, self.assessment.details.organisation_type);
        let blank = Answer::default();
        let answer = self.assessment.answers.get(&criterion.id).unwrap_or(&blank);
        write_answer_list(f, Some(level), answer)?;
        f.write_str("</div>\n")
    }

    /// Answers kept from a file for criteria this edition does not have: shown, never dropped.
    fn write_unknown_answers(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let unknown = self.assessment.unknown_criteria(self.framework);
        if unknown.is_empty() {
            return Ok(());
        }
        f.write_str("<section>\n<h2>Answers to criteria this edition does not have</h2>\n<p>These answers came from a file made with another edition of the standard. They are kept, but do not count towards any score.</p>\n")?;
        for id in unknown {
            writeln!(
                f,
                "<div class=\"criterion\">\n<h3>Criterion {}</h3>",
                Escaped(id)
            )?;
            if let Some(answer) = self.assessment.answers.get(id) {
                write_answer_list(f, None, answer)?;
            }
            f.write_str("</div>\n")?;
        }
        f.write_str("</section>\n")
    }
}

/// Everything recorded against one criterion, as a list of terms and values.
fn write_answer_list(f: &mut Formatter<'_>, level: Option<&str>, answer: &Answer) -> fmt::Result {
    let status = text::answer_text(answer.status);
    let due = text::due_text(answer);
    let mut rows: Vec<(&str, &str)> = Vec::with_capacity(6);
    if let Some(level) = level {
        rows.push(("Must or should", level));
    }
    if answer.needs_checking() {
        rows.push(("Carried over", "Not checked yet"));
    }
    rows.extend([
        ("Answer", status),
        ("Evidence", or_not_given(&answer.evidence)),
        ("Action", or_not_given(&answer.action)),
        ("Owner", or_not_given(&answer.owner)),
        ("Due", or_not_given(&due)),
    ]);
    f.write_str("<dl>\n")?;
    for (key, value) in rows {
        writeln!(
            f,
            "<div><dt>{key}</dt><dd class=\"text\">{}</dd></div>",
            Escaped(value)
        )?;
    }
    f.write_str("</dl>\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::{Details, Marking, Phase, Status};
    use crate::core::catalogue;
    use crate::core::framework::{Level, OrganisationType};

    const HOSTILE: [&str; 6] = [
        "<script>alert(1)</script>",
        "</script><img src=x onerror=alert(1)>",
        "\"quoted\" & 'single' <b>",
        "Fish & chips 🐟 — naïve",
        "line one\nline two\r\nline three",
        "<!-- <script>",
    ];

    fn tcop() -> &'static Framework {
        catalogue::framework("tcop-2025").expect("built in")
    }

    fn plain() -> Assessment {
        let framework = tcop();
        let mut assessment = Assessment::new(
            framework,
            Details {
                name: "Digital payments platform".into(),
                organisation: "Department for Testing".into(),
                organisation_type: Some(OrganisationType::Central),
                assessor: "Sam Jones".into(),
                phase: Some(Phase::Beta),
                date: Some("2026-11-23".into()),
                marking: Marking::OfficialSensitive,
            },
        );
        for criterion in framework.criteria() {
            assessment.update_answer(&criterion.id, |answer| answer.status = Some(Status::Met));
        }
        assessment
    }

    /// Hostile text in every field a person types, including an answer to an unknown criterion.
    fn hostile(text: &str) -> Assessment {
        let mut assessment = plain();
        assessment.details.name = text.into();
        assessment.details.organisation = text.into();
        assessment.details.assessor = text.into();
        let must = tcop()
            .criteria()
            .find(|criterion| criterion.level == Level::Must)
            .expect("a must criterion");
        assessment.update_answer(&must.id, |answer| {
            answer.status = Some(Status::NotMet);
            answer.evidence = text.into();
            answer.action = text.into();
            answer.owner = text.into();
            answer.due = "2027-03-31".into();
        });
        assessment.update_answer("tcop-2025/p99/c01", |answer| {
            answer.status = Some(Status::PartlyMet);
            answer.evidence = text.into();
        });
        assessment
    }

    fn report(assessment: &Assessment) -> String {
        to_html(tcop(), assessment, "2026-11-24")
    }

    #[test]
    fn hostile_text_is_escaped_and_never_becomes_markup() {
        for text in HOSTILE {
            let html = report(&hostile(text));
            let escaped = Escaped(text).to_string();
            assert!(
                html.matches(&escaped).count() >= 6,
                "{text:?} should appear escaped in name, details, evidence, action and owner"
            );
            if text.contains(['<', '>', '"', '\'', '&']) {
                assert!(!html.contains(text), "{text:?} appears raw");
            }
            assert_eq!(html.matches("<script").count(), 1, "{text:?}");
            assert_eq!(html.matches("</script").count(), 1, "{text:?}");
            assert!(!html.contains("<img"), "{text:?}");
            assert!(!html.contains("<!--"), "{text:?}");
            assert!(!html.contains("<b>"), "{text:?}");
        }
    }

    #[test]
    fn a_report_gives_back_the_same_assessment() {
        for assessment in std::iter::once(plain()).chain(HOSTILE.map(hostile)) {
            let html = report(&assessment);
            let json = extract_document(&html).expect("has the document");
            let imported = document::from_json(json).expect("reads");
            assert_eq!(imported.assessment, assessment);
        }
    }

    #[test]
    fn the_embedded_json_has_no_angle_brackets_or_ampersands() {
        let html = report(&hostile("</script><img src=x onerror=alert(1)> & more"));
        let json = extract_document(&html).expect("has the document");
        assert!(!json.contains(['<', '>', '&']), "{json}");
        assert!(json.contains("\\u003c/script\\u003e"), "{json}");
        assert!(json.starts_with('{') && json.ends_with('}'));
    }

    #[test]
    fn every_point_and_criterion_appears_with_its_answer() {
        let framework = tcop();
        let mut assessment = plain();
        assessment.update_answer("tcop-2025/p03/c02", |answer| {
            answer.status = Some(Status::PartlyMet);
            answer.evidence = "Evidence for three two".into();
            answer.owner = "Owner three two".into();
            answer.due = "2027-01-05".into();
        });
        assessment.update_answer("tcop-2025/p04/c01", |answer| answer.status = None);
        let html = report(&assessment);
        for point in &framework.points {
            let heading = format!(
                "<h3>{}. {}</h3>",
                Escaped(&point.number),
                Escaped(&point.title)
            );
            assert!(html.contains(&heading), "{heading}");
            for criterion in &point.criteria {
                assert!(
                    html.contains(&Escaped(&criterion.question).to_string()),
                    "{}",
                    criterion.id
                );
            }
        }
        let criteria = framework.criteria().count();
        assert_eq!(html.matches("<div class=\"criterion\">").count(), criteria);
        assert_eq!(html.matches("<dt>Must or should</dt>").count(), criteria);
        assert!(html.contains("<dd class=\"text\">Evidence for three two</dd>"));
        assert!(html.contains("<dd class=\"text\">Owner three two</dd>"));
        assert!(html.contains("<dd class=\"text\">5 January 2027</dd>"));
        assert!(html.contains("<dd class=\"text\">Not answered</dd>"));
        assert!(html.contains("<dd class=\"text\">Must</dd>"));
        assert!(html.contains("<dd class=\"text\">Should</dd>"));
    }

    #[test]
    fn the_overview_shows_scores_details_and_marking() {
        let assessment = plain();
        let html = report(&assessment);
        let results = scoring::score(tcop(), &assessment);
        assert!(html.contains("<h2>Overall score 100%</h2>"));
        assert!(html.contains(&Escaped(&results.reason.to_string()).to_string()));
        assert!(html.contains("<title>Results: Digital payments platform (Technology Code of Practice self-assessment, OFFICIAL-SENSITIVE)</title>"));
        assert_eq!(html.matches(">OFFICIAL-SENSITIVE</p>").count(), 2);
        for expected in [
            "<dd class=\"text\">Department for Testing</dd>",
            "<dd class=\"text\">Sam Jones</dd>",
            "<dt>Kind of organisation</dt><dd class=\"text\">Central government</dd>",
            "<dd class=\"text\">Beta</dd>",
            "<dd class=\"text\">23 November 2026</dd>",
            "<dd class=\"text\">24 November 2026</dd>",
            "<dd class=\"text\">Technology Code of Practice (13 points, last updated 18 February 2025)</dd>",
            concat!("TCoP Assessor ", env!("CARGO_PKG_VERSION")),
            "Open a file",
            "Nothing blocks: no must criterion is Not met.",
            "There are no actions",
        ] {
            assert!(html.contains(expected), "{expected}");
        }
        assert!(!html.contains("does not have</h2>"));
    }

    #[test]
    fn a_must_for_central_government_reads_as_a_should_for_a_council_and_does_not_block() {
        let mut framework = tcop().clone();
        let criterion = &mut framework.points[4].criteria[0];
        criterion.level = Level::Must;
        criterion.must_for = Some(vec![OrganisationType::Central]);
        // A wording no real criterion has, so the note found is this criterion's own.
        criterion.for_others = Some("advised in this test".into());
        let id = criterion.id.clone();
        let mut assessment = plain();
        assessment.update_answer(&id, |answer| answer.status = Some(Status::NotMet));
        let note = "<p class=\"secondary\">Central government must meet this; for other public bodies it is advised in this test.</p>";

        let central = to_html(&framework, &assessment, "2026-11-24");
        assert!(central.contains("(a must for central government)</li>"));
        assert!(central.contains(note));

        assessment.details.organisation_type = Some(OrganisationType::Local);
        let council = to_html(&framework, &assessment, "2026-11-24");
        assert!(council.contains(NOTHING_BLOCKS_HTML));
        assert!(council.contains(note));
        let bound = framework
            .criteria()
            .filter(|criterion| criterion.must_for.is_some())
            .count();
        assert!(council.contains(&format!("Assessed as local government: {bound} musts")));
        assert!(council.contains("<dd class=\"text\">Local government</dd>"));
        let heading = format!("{}</h4>", framework.points[4].criteria[0].question);
        let criterion_block = &council[council.find(&heading).expect("listed")..];
        let must_or_should = &criterion_block[criterion_block
            .find("<dt>Must or should</dt>")
            .expect("a level")..];
        assert!(must_or_should.starts_with("<dt>Must or should</dt><dd class=\"text\">Should</dd>"));
    }

    const NOTHING_BLOCKS_HTML: &str = "<p>Nothing blocks: no must criterion is Not met.</p>";

    #[test]
    fn blockers_and_the_action_plan_appear_when_there_are_some() {
        let assessment = hostile("Move to public cloud");
        let html = report(&assessment);
        let results = scoring::score(tcop(), &assessment);
        assert_eq!(results.blockers.len(), 1);
        let blocker = &results.blockers[0];
        assert!(html.contains(&format!(
            "<li><strong>{}. {}:</strong> {}</li>",
            blocker.point.number,
            Escaped(&blocker.point.title),
            Escaped(&blocker.criterion.question)
        )));
        assert!(!html.contains("Nothing blocks"));
        assert!(html.contains("<caption>Every criterion that is Not met or Partly met</caption>"));
        assert!(html.contains("<td class=\"text\">Move to public cloud</td>"));
        assert!(html.contains("<td class=\"nowrap\">31 March 2027</td>"));
        assert!(html.contains("<h2>Overall score"));
        assert!(html.contains("tag--blocked\">Blocked</strong>"));
        // Blocked points come first in the scores table.
        let table_start = html.find("<caption>Score and status").expect("table");
        let first_row = &html[table_start..];
        let first_row = &first_row[first_row.find("<tbody>").expect("body")..];
        assert!(first_row[..first_row.find("</tr>").expect("row")].contains("Blocked"));
        // The unknown criterion's answer is kept and shown.
        assert!(html.contains("<h3>Criterion tcop-2025/p99/c01</h3>"));
    }

    #[test]
    fn the_report_loads_and_runs_nothing() {
        let html = report(&hostile("x"));
        for forbidden in [
            "<link", "<img", "<iframe", "src=", "@import", "url(", "<object",
        ] {
            assert!(!html.contains(forbidden), "{forbidden}");
        }
        assert!(html.contains("<script type=\"application/json\" id=\"tcop-assessment-document\">"));
        assert!(html.contains("default-src 'none'"));
        for link in html.split("href=\"").skip(1) {
            assert!(
                link.starts_with("https://"),
                "{}",
                &link[..40.min(link.len())]
            );
        }
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("name=\"viewport\""));
        assert!(html.contains("break-inside:avoid"));
        assert!(html.contains("size:A4"));
    }

    #[test]
    fn headings_go_in_order_and_tables_have_captions_and_scoped_headers() {
        for html in [report(&hostile("x")), with_changes("x")] {
            headings_and_tables_are_in_order(&html);
        }
    }

    /// A report of the next assessment after `plain()`, with one answer changed to hostile text
    /// and one action now overdue.
    fn with_changes(text: &str) -> String {
        let earlier = plain();
        let mut later =
            crate::core::reassess::next_assessment(tcop(), &earlier, "later".into(), "2026-12-02");
        later.update_answer("tcop-2025/p01/c01", |answer| {
            answer.status = Some(Status::NotMet);
            answer.evidence = text.into();
            answer.action = "Interview users".into();
            answer.due = "2026-11-30".into();
        });
        to_html_with_changes(tcop(), &later, "2026-12-02", &earlier)
    }

    #[test]
    fn a_report_can_say_what_changed_since_the_assessment_it_started_from() {
        let html = with_changes("Research was paused");
        assert!(html.contains("<h2>Changes since 23 November 2026</h2>"));
        assert!(html.contains(
            "<p>0 points improved, 1 got worse, 0 actions were completed, 1 is overdue.</p>"
        ));
        assert!(html.contains("Meets 100%</td><td>Blocked"));
        assert!(html.contains("Answer, evidence and action changed."));
        assert!(html.contains("<dd class=\"text\">Research was paused</dd>"));
        assert!(html.contains("<td>Overdue: due 30 November 2026</td>"));
        // Every other answer is still carried over, not checked, and the report says so.
        assert!(html.contains("answers carried over, not checked"));
        assert!(html.contains("<dt>Carried over</dt><dd class=\"text\">Not checked yet</dd>"));
        assert!(html.contains("<dt>Started from</dt>"));
        for hostile in HOSTILE {
            let html = with_changes(hostile);
            assert!(html.contains(&Escaped(hostile).to_string()), "{hostile:?}");
            if hostile.contains(['<', '>', '"', '\'', '&']) {
                assert!(!html.contains(hostile), "{hostile:?} appears raw");
            }
            assert_eq!(html.matches("<script").count(), 1, "{hostile:?}");
            assert_eq!(html.matches("</script").count(), 1, "{hostile:?}");
        }
    }

    fn headings_and_tables_are_in_order(html: &str) {
        let mut previous = 0;
        for (at, _) in html.match_indices("<h") {
            let Some(level) = html[at + 2..].chars().next().and_then(|c| c.to_digit(10)) else {
                continue;
            };
            assert!(level <= previous + 1, "h{level} after h{previous}");
            previous = level;
        }
        assert_eq!(html.matches("<h1>").count(), 1);
        assert_eq!(
            html.matches("<table>").count(),
            html.matches("<table>\n<caption>").count()
        );
        assert!(!html.contains("<th>"));
        assert_eq!(
            html.matches("<th ").count(),
            html.matches("<th scope=").count()
        );
    }

    /// WCAG relative luminance of a `#rrggbb` colour.
    fn luminance(hex: &str) -> f64 {
        let channel = |at: usize| {
            let value = f64::from(u8::from_str_radix(&hex[at..at + 2], 16).expect("hex")) / 255.0;
            if value <= 0.04045 {
                value / 12.92
            } else {
                ((value + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    #[test]
    fn status_tags_meet_wcag_aa_contrast() {
        for (class, text, background) in TAG_COLOURS {
            let (light, dark) = (luminance(background), luminance(text));
            let ratio = (light + 0.05) / (dark + 0.05);
            assert!(ratio >= 4.5, "{class}: {ratio:.2}");
        }
        for standing in [
            Standing::Blocked,
            Standing::Meets,
            Standing::PartlyMeets,
            Standing::DoesNotMeet,
            Standing::NotApplicable,
        ] {
            let class = standing.slug();
            assert!(TAG_COLOURS.iter().any(|(known, _, _)| *known == class));
        }
    }

    #[test]
    fn only_a_report_gives_up_a_document() {
        assert_eq!(
            extract_document("<!DOCTYPE html><html><body><p>Hello</p></body></html>"),
            Err(ReportError::NotAReport)
        );
        // The ID outside a script tag does not count.
        assert_eq!(
            extract_document("<p id=\"tcop-assessment-document\">{}</p>"),
            Err(ReportError::NotAReport)
        );
        let html = report(&plain());
        let cut = &html[..html.find("</script>").expect("end of block")];
        assert_eq!(extract_document(cut), Err(ReportError::Damaged));
        let emptied =
            "<script type=\"application/json\" id=\"tcop-assessment-document\"> </script>";
        assert_eq!(extract_document(emptied), Err(ReportError::Damaged));
        let opened_tag = "<script type=\"application/json\" id=\"tcop-assessment-document\"";
        assert_eq!(extract_document(opened_tag), Err(ReportError::Damaged));
        assert!(ReportError::NotAReport
            .to_string()
            .starts_with("This HTML file is not a TCoP Assessor report"));
    }
}
