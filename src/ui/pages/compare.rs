//! Comparing two assessments of the same standard: two saved in this browser, or two files
//! chosen or dropped together. The earlier is always shown first; what changed, and what got
//! worse, can be shown alone; unchanged points fold away. Everything is worked out by
//! `core::compare`.

use leptos::prelude::*;

use crate::browser::{files, page};
use crate::core::assessment::{format_date, Answer, Assessment};
use crate::core::catalogue;
use crate::core::codec::{self, csv};
use crate::core::compare::{self, CriterionChange, PointChange};
use crate::core::framework::Framework;
use crate::core::results_text as text;
use crate::core::route::Route;
use crate::ui::state::use_app_state;
use crate::ui::widgets::{BackLink, Checkbox, ErrorSummary, MainHeading, Problem, StandingTag};

/// "Name, 1 March 2026" for a list of assessments to choose from.
fn described(assessment: &Assessment) -> String {
    match &assessment.details.date {
        Some(date) => format!("{}, {}", assessment.details.name, format_date(date)),
        None => assessment.details.name.clone(),
    }
}

/// Choosing the assessment to compare a saved one with: another of the same standard saved in
/// this browser, or two files.
#[component]
pub fn CompareWithPage(id: String, framework: &'static Framework) -> impl IntoView {
    let state = use_app_state();
    state.read_the_rest();
    let name = state
        .with_untracked(&id, |assessment| assessment.details.name.clone())
        .unwrap_or_default();
    let others: Vec<(String, String)> = untrack(|| {
        state.with_drafts(|drafts| {
            drafts
                .iter()
                .filter(|draft| draft.id != id && draft.assessment.framework.id == framework.id)
                .map(|draft| (draft.id.clone(), described(&draft.assessment)))
                .collect()
        })
    });
    let chosen = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let this = id.clone();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match chosen.get_untracked() {
            Some(other) => page::navigate(&Route::Compare {
                first: this.clone(),
                second: other,
            }),
            None => problem.set(Some("Select the assessment to compare with".to_owned())),
        }
    };
    let problems = Signal::derive(move || {
        problem
            .get()
            .map(|message| {
                vec![Problem {
                    message,
                    field_id: "compare-with",
                }]
            })
            .unwrap_or_default()
    });
    let back = Route::Results {
        assessment: id.clone(),
    }
    .href();
    let choices = (!others.is_empty()).then(|| {
        let radios = others
            .into_iter()
            .enumerate()
            .map(|(index, (other, label))| {
                let radio_id = if index == 0 {
                    "compare-with".to_owned()
                } else {
                    format!("compare-with-{other}")
                };
                view! {
                    <div class="govuk-radios__item">
                        <input
                            class="govuk-radios__input"
                            id=radio_id.clone()
                            name="compare-with"
                            type="radio"
                            value=other.clone()
                            on:change=move |_| chosen.set(Some(other.clone()))
                        />
                        <label class="govuk-label govuk-radios__label" for=radio_id>
                            {label}
                        </label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <form novalidate on:submit=submit>
                <div class=move || {
                    if problem.with(Option::is_some) {
                        "govuk-form-group govuk-form-group--error"
                    } else {
                        "govuk-form-group"
                    }
                }>
                    <fieldset class="govuk-fieldset">
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                            {format!("Which assessment do you want to compare \u{201c}{name}\u{201d} with?")}
                        </legend>
                        <crate::ui::widgets::ErrorMessage
                            id="compare-with-error"
                            message=Signal::derive(move || problem.get())
                        />
                        <div class="govuk-radios">{radios}</div>
                    </fieldset>
                </div>
                <button type="submit" class="govuk-button" id="compare">
                    "Compare"
                </button>
            </form>
        }
    });
    let none_here = choices.is_none().then(|| {
        view! {
            <p class="govuk-body" id="nothing-to-compare">
                {format!(
                    "There is no other assessment of the {} in this browser.",
                    framework.title,
                )}
            </p>
        }
    });
    view! {
        <BackLink href=back text="Back to the results" />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=problems />
                <MainHeading text="Compare with another assessment" caption=framework.title.clone() />
                {choices}
                {none_here}
                <p class="govuk-body">
                    "To compare assessments kept as files, "
                    <a class="govuk-link" href=Route::CompareFiles.href()>
                        "compare two files"
                    </a>
                    "."
                </p>
            </div>
        </div>
    }
}

/// Two saved assessments compared.
#[component]
pub fn ComparePage(first: String, second: String) -> impl IntoView {
    let state = use_app_state();
    state.read_the_rest();
    let pair = (
        state.with_untracked(&first, Clone::clone),
        state.with_untracked(&second, Clone::clone),
    );
    let (Some(a), Some(b)) = pair else {
        return view! { <super::not_found::MissingAssessmentPage /> }.into_any();
    };
    let back = Route::Results { assessment: first }.href();
    view! {
        <BackLink href=back text="Back to the results" />
        <Compared a b />
    }
    .into_any()
}

/// The comparison of two assessments, or why they cannot be compared.
#[component]
fn Compared(a: Assessment, b: Assessment) -> impl IntoView {
    if a.framework.id != b.framework.id {
        return view! {
            <MainHeading text="These assessments cannot be compared" />
            <p class="govuk-body" id="not-comparable">
                "Only two assessments of the same standard can be compared, and these are against different standards."
            </p>
        }
        .into_any();
    }
    match catalogue::framework(&a.framework.id) {
        Ok(framework) => view! { <ComparisonView framework a b /> }.into_any(),
        Err(error) => view! {
            <MainHeading text="These assessments cannot be compared" />
            <p class="govuk-body">{error.to_string()}</p>
        }
        .into_any(),
    }
}

/// Two files chosen or dropped together, compared in this page only.
#[component]
pub fn CompareFilesPage() -> impl IntoView {
    let opened = RwSignal::new(None::<(Assessment, Assessment)>);
    let problems = RwSignal::new(Vec::<String>::new());
    let busy = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    page::set_title("Compare two files");

    let read_all = move |chosen: Vec<web_sys::File>| {
        if busy.get_untracked() {
            return;
        }
        if chosen.len() != 2 {
            problems.set(vec![format!(
                "Choose exactly two files to compare. You chose {}.",
                chosen.len()
            )]);
            return;
        }
        busy.set(true);
        problems.set(Vec::new());
        leptos::task::spawn_local(async move {
            let mut read = Vec::new();
            let mut refused = Vec::new();
            for file in chosen {
                let name = file.name();
                let outcome = match files::read(&file).await {
                    Ok(bytes) => codec::open_file(&bytes).map_err(|error| error.to_string()),
                    Err(error) => Err(error.to_string()),
                };
                match outcome {
                    Ok(imported) => read.push(imported.assessment),
                    Err(message) => refused.push(format!("{name}: {message}")),
                }
            }
            busy.set(false);
            match (read.pop(), read.pop(), refused.is_empty()) {
                (Some(b), Some(a), true) => opened.set(Some((a, b))),
                _ => problems.set(refused),
            }
        });
    };
    let files_of = |list: Option<web_sys::FileList>| -> Vec<web_sys::File> {
        list.map(|list| {
            (0..list.length())
                .filter_map(|index| list.get(index))
                .collect()
        })
        .unwrap_or_default()
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        read_all(files_of(
            input.get_untracked().and_then(|input| input.files()),
        ));
    };
    let drop = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        read_all(files_of(
            event.data_transfer().and_then(|transfer| transfer.files()),
        ));
    };
    let summary = Signal::derive(move || {
        problems.with(|problems| {
            problems
                .iter()
                .map(|message| Problem {
                    message: message.clone(),
                    field_id: "compare-files",
                })
                .collect()
        })
    });
    view! {
        <BackLink href=Route::Start.href() text="Your assessments" />
        {move || match opened.get() {
            Some((a, b)) => view! { <Compared a b /> }.into_any(),
            None => view! {
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <ErrorSummary errors=summary />
                        <MainHeading text="Compare two files" />
                        <p class="govuk-body">
                            "Choose two assessments of the same standard, as JSON files or HTML reports downloaded from this tool. They are compared in this page: nothing is saved in this browser."
                        </p>
                        <form novalidate on:submit=submit>
                            <div class="govuk-form-group">
                                <label class="govuk-label govuk-label--s" for="compare-files">
                                    "Upload two files"
                                </label>
                                <div class="govuk-hint" id="compare-files-hint">
                                    "You can also drag both files into the box below."
                                </div>
                                <div
                                    class="app-drop-zone"
                                    on:dragover=|event: leptos::ev::DragEvent| event.prevent_default()
                                    on:drop=drop
                                >
                                    <input
                                        class="govuk-file-upload"
                                        id="compare-files"
                                        type="file"
                                        multiple
                                        accept=".json,.html,.htm,application/json,text/html"
                                        aria-describedby="compare-files-hint"
                                        node_ref=input
                                    />
                                </div>
                            </div>
                            <button type="submit" class="govuk-button" id="compare-files-button">
                                "Compare"
                            </button>
                            <p class="govuk-body" role="status">
                                {move || busy.get().then_some("Checking the files\u{2026}")}
                            </p>
                        </form>
                    </div>
                </div>
            }
            .into_any(),
        }}
    }
}

/// The comparison itself: the summary, the filters, one table per point that changed with its
/// criteria under it, and the unchanged points folded away.
#[component]
fn ComparisonView(framework: &'static Framework, a: Assessment, b: Assessment) -> impl IntoView {
    page::set_title("Compare assessments");
    let today = page::today_iso();
    let comparison = compare::compare(framework, &a, &b, &today);
    let only_changed = RwSignal::new(true);
    let only_worse = RwSignal::new(false);
    let csv_file = csv::comparison_to_csv(&comparison);
    let file_name = codec::file_name(comparison.later, "csv").replace(".csv", "-changes.csv");
    let download_problem = RwSignal::new(None::<String>);
    let download = move |_| {
        let outcome = files::download(&file_name, "text/csv", &csv_file);
        download_problem.set(outcome.err().map(|error| error.to_string()));
    };

    let heading = text::changes_heading(comparison.earlier);
    let summary = comparison.summary.sentence();
    let overall = comparison.overall_change();
    let sides = [
        ("Earlier", described(comparison.earlier)),
        ("Later", described(comparison.later)),
    ]
    .map(|(key, value)| {
        view! {
            <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
                <dt class="govuk-summary-list__key">{key}</dt>
                <dd class="govuk-summary-list__value">{value}</dd>
            </div>
        }
    });
    let points = comparison
        .points
        .iter()
        .map(|point| {
            let changed = point.changed();
            let worse = point.got_worse();
            let body = point_change(point);
            // Hidden rather than removed, so that filtering is instant and keeps the page's
            // place.
            view! {
                <div hidden=move || (only_changed.get() && !changed) || (only_worse.get() && !worse)>
                    {body}
                </div>
            }
        })
        .collect_view();
    let unchanged: Vec<String> = comparison
        .points
        .iter()
        .filter(|point| !point.changed())
        .map(|point| format!("{}. {}", point.point.number, point.point.title))
        .collect();
    let unchanged_fold = (!unchanged.is_empty()).then(|| {
        let count = unchanged.len();
        let items = unchanged
            .into_iter()
            .map(|name| view! { <li>{name}</li> })
            .collect_view();
        view! {
            <div hidden=move || !only_changed.get() || only_worse.get()>
                <details class="govuk-details" id="unchanged-points">
                    <summary class="govuk-details__summary">
                        <span class="govuk-details__summary-text">
                            {if count == 1 {
                                "1 point did not change".to_owned()
                            } else {
                                format!("{count} points did not change")
                            }}
                        </span>
                    </summary>
                    <div class="govuk-details__text">
                        <ul class="govuk-list">{items}</ul>
                    </div>
                </details>
            </div>
        }
    });
    let others = [
        (
            "Answers only the later assessment has, to criteria this edition of the standard does not have",
            comparison.added.clone(),
        ),
        (
            "Answers only the earlier assessment has, to criteria this edition of the standard does not have",
            comparison.removed.clone(),
        ),
    ]
    .into_iter()
    .filter(|(_, ids)| !ids.is_empty())
    .map(|(heading, ids)| {
        let items = ids
            .into_iter()
            .map(|id| view! { <li>{id}</li> })
            .collect_view();
        view! {
            <h2 class="govuk-heading-m">{heading}</h2>
            <ul class="govuk-list govuk-list--bullet">{items}</ul>
        }
    })
    .collect_view();
    let nothing = comparison.is_unchanged().then(|| {
        view! { <p class="govuk-body" id="no-changes">"No answer has changed."</p> }
    });

    view! {
        <MainHeading text=heading caption=framework.title.clone() />
        <p class="govuk-body-l" id="comparison-summary">{summary}</p>
        <p class="govuk-body" id="comparison-overall">{format!("Overall: {overall}.")}</p>
        <dl class="govuk-summary-list">{sides}</dl>
        {nothing}
        <div class="govuk-form-group app-no-print">
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Show"</legend>
                <div class="govuk-checkboxes govuk-checkboxes--small">
                    <Checkbox id="only-changed" label="Only what changed" value=only_changed />
                    <Checkbox id="only-worse" label="Only what got worse" value=only_worse />
                </div>
            </fieldset>
        </div>
        {points}
        {unchanged_fold}
        {others}
        <div class="govuk-button-group app-no-print">
            <button type="button" class="govuk-button govuk-button--secondary" id="download-comparison" on:click=download>
                "Download CSV"
            </button>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=|_| page::print()>
                "Print or save as PDF"
            </button>
        </div>
        {move || download_problem.get().map(|message| view! { <p class="govuk-error-message" role="alert">{message}</p> })}
    }
}

/// One point's earlier and later status and score, and its changed criteria.
fn point_change(point: &PointChange) -> AnyView {
    let heading_id = format!("change-{}", point.point.id.replace('/', "-"));
    let labelled_by = heading_id.clone();
    let criteria = point.criteria.iter().map(criterion_change).collect_view();
    let (earlier, later) = (&point.earlier, &point.later);
    view! {
        <section class="app-print-section app-change" aria-labelledby=labelled_by data-point=point.point.id.clone()>
            <h2 class="govuk-heading-m" id=heading_id.clone()>
                {format!("{}. {}", point.point.number, point.point.title)}
            </h2>
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-visually-hidden">
                    {format!("Point {}: earlier and later", point.point.number)}
                </caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Earlier"</th>
                        <th scope="col" class="govuk-table__header">"Later"</th>
                        <th scope="col" class="govuk-table__header">"What changed"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    <tr class="govuk-table__row">
                        <td class="govuk-table__cell">
                            <StandingTag standing=earlier.standing />
                            " "
                            {text::score_text(earlier.score)}
                        </td>
                        <td class="govuk-table__cell">
                            <StandingTag standing=later.standing />
                            " "
                            {text::score_text(later.score)}
                        </td>
                        <td class="govuk-table__cell app-point-change">
                            {point.standing_change()}
                            {match point.score_change() {
                                change if change.is_empty() => String::new(),
                                change => format!(", {change}"),
                            }}
                        </td>
                    </tr>
                </tbody>
            </table>
            {criteria}
        </section>
    }
    .into_any()
}

fn criterion_change(change: &CriterionChange) -> impl IntoView {
    let side = |label: &'static str, answer: &Answer| {
        let rows = [
            ("Answer", text::answer_text(answer.status).to_owned()),
            ("Evidence", text::or_not_given(&answer.evidence).to_owned()),
            ("Action", text::or_not_given(&answer.action).to_owned()),
        ]
        .map(|(key, value)| {
            view! {
                <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
                    <dt class="govuk-summary-list__key">{key}</dt>
                    <dd class="govuk-summary-list__value app-text">{value}</dd>
                </div>
            }
        });
        view! {
            <div class="govuk-grid-column-one-half">
                <h4 class="govuk-heading-s">{label}</h4>
                <dl class="govuk-summary-list govuk-summary-list--no-border">{rows}</dl>
            </div>
        }
    };
    view! {
        <div class="app-criterion-change" data-criterion=change.id.clone()>
            <h3 class="govuk-heading-s">{change.question().to_owned()}</h3>
            <p class="govuk-body-s">{format!("{} changed.", change.what_changed())}</p>
            <div class="govuk-grid-row">
                {side("Earlier", &change.earlier)}
                {side("Later", &change.later)}
            </div>
        </div>
    }
}
