//! The results: the overall score and standing with its reason, every point's score, a chart,
//! what blocks, and the action plan. Its print stylesheet makes it an A4 report.

use leptos::prelude::*;

use super::history::History;
use crate::browser::page;
use crate::core::assessment::Assessment;
use crate::core::codec::share;
use crate::core::framework::Framework;
use crate::core::reassess;
use crate::core::results_text as text;
use crate::core::route::Route;
use crate::core::scoring::{self, PointResult};
use crate::ui::downloads::{self, FileKind};
use crate::ui::state::use_app_state;
use crate::ui::widgets::{BackLink, GuidanceLink, MainHeading, StandingTag};

#[component]
pub fn ResultsPage(id: String, framework: &'static Framework) -> impl IntoView {
    let state = use_app_state();
    let task_list = Route::TaskList {
        assessment: id.clone(),
    }
    .href();
    // Results are read once per visit: answers cannot change while this page is shown.
    let Some(assessment) = state.with_untracked(&id, Clone::clone) else {
        return view! { <p class="govuk-body">"This assessment is no longer here."</p> }.into_any();
    };
    // Every assessment of the same standard in this browser, for the history and for the report's
    // changes since the assessment this one was started from.
    state.read_the_rest();
    let known: Vec<Assessment> = untrack(|| {
        state.with_drafts(|drafts| {
            drafts
                .iter()
                .filter(|draft| draft.id != id && draft.assessment.framework.id == framework.id)
                .map(|draft| draft.assessment.clone())
                .collect()
        })
    });
    let started_from = assessment.started_from.as_ref().and_then(|from| {
        known
            .iter()
            .find(|candidate| reassess::is_started_from(from, candidate))
            .cloned()
    });
    let mut chain_members = known.clone();
    chain_members.push(assessment.clone());
    view! {
        <BackLink href=task_list.clone() text="Back to the task list" />
        <ResultsBody framework assessment=assessment.clone() />
        <History framework assessment=assessment.clone() known=chain_members />
        <NextSteps id=id.clone() started_from=started_from.is_some() />
        <KeepAndShare assessment changes_since=started_from />
        <p class="govuk-body app-no-print">
            <a class="govuk-link" href=Route::Details { assessment: id.clone() }.href()>
                "Change details"
                <span class="govuk-visually-hidden">" of this assessment"</span>
            </a>
        </p>
        <p class="govuk-body app-no-print">
            <a class="govuk-link" href=task_list>
                "Back to the task list"
            </a>
        </p>
    }
    .into_any()
}

/// A shared assessment, opened from a link: its results, read-only, with a way to keep a copy.
#[component]
pub fn SharedResultsPage(framework: &'static Framework, assessment: Assessment) -> impl IntoView {
    let state = use_app_state();
    let copy = assessment.clone();
    let save = move |_| {
        let name = copy.details.name.clone();
        let id = state.add(copy.clone());
        let route = Route::TaskList { assessment: id };
        state.tell(
            route.clone(),
            format!("Saved \u{201c}{name}\u{201d} as a draft in this browser"),
            vec!["You can now change its answers. The link you opened is not affected.".to_owned()],
        );
        page::navigate(&route);
    };
    // The shared assessment is kept as a draft too, so that the two can be compared later.
    let start_from = assessment.clone();
    let start_next = move |_| {
        let id = state.add(start_from.clone());
        page::navigate(&Route::StartNext { assessment: id });
    };
    view! {
        <div class="govuk-inset-text app-no-print" id="shared-notice">
            "You are looking at an assessment someone shared as a link. It is read-only and is not saved in this browser."
        </div>
        <ResultsBody framework assessment />
        <div class="govuk-button-group app-no-print">
            <button type="button" class="govuk-button" id="save-shared" on:click=save>
                "Save as a draft"
            </button>
            <button type="button" class="govuk-button govuk-button--secondary" id="start-next-shared" on:click=start_next>
                "Start the next assessment from this one"
            </button>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=|_| page::print()>
                "Print or save as PDF"
            </button>
        </div>
    }
}

/// Assessing again: the next assessment started from this one, and comparing it with another.
#[component]
fn NextSteps(id: String, started_from: bool) -> impl IntoView {
    let compare_hint = if started_from {
        "See what changed since the assessment this one was started from, or any other of the same standard."
    } else {
        "See what changed between this assessment and another of the same standard."
    };
    view! {
        <section class="app-no-print" aria-labelledby="next-heading">
            <h2 class="govuk-heading-m" id="next-heading">"Assess again"</h2>
            <p class="govuk-body">
                "At the next phase or review, start from this assessment: its details and every answer, evidence and action are carried over for you to check."
            </p>
            <div class="govuk-button-group">
                <a
                    class="govuk-button"
                    role="button"
                    draggable="false"
                    id="start-next-link"
                    href=Route::StartNext { assessment: id.clone() }.href()
                >
                    "Start the next assessment from this one"
                </a>
                <a
                    class="govuk-button govuk-button--secondary"
                    role="button"
                    draggable="false"
                    id="compare-link"
                    href=Route::CompareWith { assessment: id }.href()
                >
                    "Compare with another assessment"
                </a>
            </div>
            <p class="govuk-body-s">{compare_hint}</p>
        </section>
    }
}

/// Downloads, printing and the share link.
#[component]
fn KeepAndShare(assessment: Assessment, changes_since: Option<Assessment>) -> impl IntoView {
    let assessment = StoredValue::new(assessment);
    let changes_since = StoredValue::new(changes_since);
    let download_problem = RwSignal::new(None::<String>);
    let download = move |kind: FileKind| {
        let outcome = assessment.with_value(|assessment| {
            changes_since
                .with_value(|earlier| downloads::download(kind, assessment, earlier.as_ref()))
        });
        download_problem.set(outcome.err().map(|error| error.to_string()));
    };

    let link = RwSignal::new(None::<String>);
    let copied = RwSignal::new(None::<bool>);
    let copy_link = move |_| {
        let address = format!(
            "{}{}",
            page::address_without_fragment(),
            Route::Shared {
                payload: assessment.with_value(share::encode),
            }
            .href()
        );
        link.set(Some(address.clone()));
        copied.set(None);
        leptos::task::spawn_local(async move {
            copied.set(Some(page::copy_to_clipboard(&address).await));
        });
    };

    view! {
        <section class="app-no-print" aria-labelledby="keep-heading">
            <h2 class="govuk-heading-m" id="keep-heading">"Keep or share these results"</h2>
            <ul class="govuk-list govuk-list--bullet">
                <li>"The JSON file can be opened again in this tool, in any browser."</li>
                <li>
                    "The report is one HTML file to email or file: it opens in any browser, prints well, and can also be opened again in this tool."
                </li>
                <li>"The CSV file has every criterion and action, for spreadsheets."</li>
            </ul>
            {move || {
                download_problem
                    .get()
                    .map(|message| {
                        view! {
                            <p class="govuk-error-message" role="alert" id="download-error">
                                <span class="govuk-visually-hidden">"Error: "</span>
                                {message}
                            </p>
                        }
                    })
            }}
            <div class="govuk-button-group">
                {[
                    (FileKind::Json, "download-json", "Download JSON"),
                    (FileKind::Report, "download-report", "Download report"),
                    (FileKind::Csv, "download-csv", "Download CSV"),
                ]
                    .into_iter()
                    .map(|(kind, id, label)| {
                        view! {
                            <button
                                type="button"
                                class="govuk-button govuk-button--secondary"
                                id=id
                                on:click=move |_| download(kind)
                            >
                                {label}
                            </button>
                        }
                    })
                    .collect_view()}
                <button
                    type="button"
                    class="govuk-button govuk-button--secondary"
                    on:click=|_| page::print()
                >
                    "Print or save as PDF"
                </button>
            </div>
            <h3 class="govuk-heading-s">"Share as a link"</h3>
            <p class="govuk-body">
                "The link holds the whole assessment in the part after the # sign, which browsers never send to any server. Anyone with the link can read the assessment, so share it only as you would share the document itself, and mind its protective marking."
            </p>
            <button type="button" class="govuk-button" id="copy-share-link" on:click=copy_link>
                "Copy share link"
            </button>
            <p class="govuk-body" role="status" id="share-link-status">
                {move || match copied.get() {
                    Some(true) => "The link has been copied. You can also copy it from the box below.",
                    Some(false) => "Your browser did not let the tool copy the link: select the link in the box below and copy it.",
                    None => "",
                }}
            </p>
            <Show when=move || link.with(Option::is_some)>
                <div class="govuk-form-group">
                    <label class="govuk-label" for="share-link">
                        "Share link"
                    </label>
                    <div class="govuk-hint" id="share-link-hint">
                        {move || {
                            link.with(|link| {
                                format!(
                                    "{} characters long.",
                                    link.as_deref().map(str::len).unwrap_or(0),
                                )
                            })
                        }}
                    </div>
                    <input
                        class="govuk-input"
                        id="share-link"
                        type="text"
                        readonly
                        spellcheck="false"
                        aria-describedby="share-link-hint"
                        prop:value=move || link.get().unwrap_or_default()
                        on:focus=|event| {
                            event_target::<web_sys::HtmlInputElement>(&event).select();
                        }
                    />
                </div>
            </Show>
        </section>
    }
}

/// The results themselves, kept apart from the page's buttons so they read the same on paper.
/// Every sentence, caption and details row comes from `core::results_text`, which the HTML
/// report uses too.
#[component]
pub(super) fn ResultsBody(framework: &'static Framework, assessment: Assessment) -> impl IntoView {
    let results = scoring::score(framework, &assessment);
    let details = &assessment.details;
    let today = page::today_iso();

    let blockers = if results.blockers.is_empty() {
        view! { <p class="govuk-body">{text::NOTHING_BLOCKS}</p> }.into_any()
    } else {
        let items = results
            .blockers
            .iter()
            .map(|blocker| {
                let line = text::blocker_line(blocker);
                view! {
                    <li>
                        <span class="govuk-!-font-weight-bold">{format!("{}: ", line.point)}</span>
                        {line.question}
                        {line.binds}
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="govuk-body">{text::BLOCKERS_INTRO}</p>
            <ul class="govuk-list govuk-list--bullet" id="blockers">{items}</ul>
        }
        .into_any()
    };

    let point_rows = results
        .points_blocked_first()
        .into_iter()
        .map(|result| {
            view! {
                <tr class="govuk-table__row" data-point=result.point.id.clone()>
                    <th scope="row" class="govuk-table__header">
                        {format!("{}. {}", result.point.number, result.point.title)}
                    </th>
                    <td class="govuk-table__cell govuk-table__cell--numeric app-score">
                        {text::score_text(result.score)}
                    </td>
                    <td class="govuk-table__cell app-nowrap">
                        <StandingTag standing=result.standing />
                    </td>
                    <td class="govuk-table__cell">
                        {result.progress.label()} ". " {result.reason.to_string()}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let [point_column, score_column, status_column, why_column] = text::POINT_COLUMNS;

    let actions = if results.actions.is_empty() {
        view! { <p class="govuk-body">{text::NO_ACTIONS}</p> }.into_any()
    } else {
        let rows = results
            .actions
            .iter()
            .map(|item| {
                view! {
                    <tr class="govuk-table__row">
                        <td class="govuk-table__cell">{item.point.number.clone()}</td>
                        <td class="govuk-table__cell">{item.criterion.question.clone()}</td>
                        <td class="govuk-table__cell">{item.status.label()}</td>
                        <td class="govuk-table__cell">{item.answer.action.clone()}</td>
                        <td class="govuk-table__cell">{item.answer.owner.clone()}</td>
                        <td class="govuk-table__cell app-nowrap">{text::due_text(item.answer)}</td>
                        <td class="govuk-table__cell">{text::action_status_text(item.answer, &today)}</td>
                    </tr>
                }
            })
            .collect_view();
        let headers = text::ACTION_COLUMNS
            .map(|column| view! { <th scope="col" class="govuk-table__header">{column}</th> });
        view! {
            <table class="govuk-table" id="action-plan">
                <caption class="govuk-table__caption govuk-table__caption--s">
                    {text::ACTIONS_CAPTION}
                </caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">{headers.into_iter().collect_view()}</tr>
                </thead>
                <tbody class="govuk-table__body">{rows}</tbody>
            </table>
        }
        .into_any()
    };

    let detail_rows = text::detail_rows(framework, &assessment)
        .into_iter()
        .map(|row| {
            view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{row.key}</dt>
                    <dd class="govuk-summary-list__value">{row.value}</dd>
                </div>
            }
        })
        .collect_view();
    let organisation_note = text::organisation_note(framework, &assessment).map(|note| {
        view! { <div class="govuk-inset-text" id="organisation-note">{note}</div> }
    });

    view! {
        <p class="app-marking" id="marking">{details.marking.label()}</p>
        <MainHeading text=format!("Results: {}", details.name) caption=framework.title.clone() />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <div class=format!("app-overall app-overall--{}", results.standing.slug())>
                    <h2 class="govuk-heading-l govuk-!-margin-bottom-2">
                        "Overall score " <span id="overall-score">{text::score_text(results.overall)}</span>
                    </h2>
                    <p class="govuk-body-l govuk-!-margin-bottom-0 app-overall__standing">
                        {results.standing.label()}
                    </p>
                </div>
                <p class="govuk-body" id="overall-reason">{results.reason.to_string()}</p>
                <p class="govuk-body" id="completed-points">{text::completed_sentence(&results)}</p>
                {organisation_note}
                <dl class="govuk-summary-list" id="result-details">{detail_rows}</dl>
                <p class="govuk-body app-no-print">
                    <a class="govuk-link" href=Route::HowScoringWorks.href()>
                        "How scoring works"
                    </a>
                    " · "
                    <GuidanceLink href=framework.url.clone() text=format!("Read the {}", framework.title) />
                </p>
            </div>
        </div>

        <section class="app-print-section" aria-labelledby="blocking-heading">
            <h2 class="govuk-heading-m" id="blocking-heading">{text::BLOCKERS_HEADING}</h2>
            {blockers}
        </section>

        <section class="app-print-section" aria-labelledby="points-heading">
            <h2 class="govuk-heading-m" id="points-heading">{text::POINTS_HEADING}</h2>
            <table class="govuk-table" id="point-scores">
                <caption class="govuk-table__caption govuk-table__caption--s">
                    {text::POINTS_CAPTION}
                </caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{point_column}</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                            {score_column}
                        </th>
                        <th scope="col" class="govuk-table__header">{status_column}</th>
                        <th scope="col" class="govuk-table__header">{why_column}</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">{point_rows}</tbody>
            </table>
            <ScoreChart points=results
                .points_blocked_first()
                .into_iter()
                .cloned()
                .collect() />
        </section>

        <section class="app-print-section" aria-labelledby="actions-heading">
            <h2 class="govuk-heading-m" id="actions-heading">{text::ACTIONS_HEADING}</h2>
            {actions}
        </section>
    }
}

/// A bar per point. The table above holds the same figures, so the drawing is hidden from
/// assistive technology and its caption says where the figures are.
#[component]
fn ScoreChart(points: Vec<PointResult<'static>>) -> impl IntoView {
    // Whole pixels: printing f64 coordinates would add about 10 KB of float-formatting code to
    // the download, and a bar 520 pixels long loses nothing to rounding.
    const ROW: u32 = 28;
    const LABEL: u32 = 60;
    const BAR: u32 = 520;
    let height = ROW * points.len() as u32 + 8;
    let bars = points
        .iter()
        .enumerate()
        .map(|(index, result)| {
            let y = index as u32 * ROW + 4;
            let fraction = result.score.map(|score| score.fraction()).unwrap_or(0.0);
            let width = (f64::from(BAR) * fraction).round() as u32;
            let class = format!("app-chart__bar--{}", result.standing.slug());
            let value = result
                .score
                .map(|score| format!("{}% {}", score.percent(), result.standing.label()))
                .unwrap_or_else(|| "Not applicable".to_owned());
            view! {
                <text x="0" y=y + 15>
                    {result.point.number.clone()}
                </text>
                <rect class="app-chart__track" x=LABEL y=y width=BAR height="20"></rect>
                <rect class=class x=LABEL y=y width=width height="20"></rect>
                <text x=LABEL + BAR + 8 y=y + 15>
                    {value}
                </text>
            }
        })
        .collect_view();
    view! {
        <figure class="govuk-!-margin-0 govuk-!-margin-bottom-6">
            <svg
                class="app-chart"
                viewBox=format!("0 0 760 {height}")
                width="760"
                height=height
                aria-hidden="true"
                focusable="false"
            >
                {bars}
            </svg>
            <figcaption class="govuk-body-s">
                {text::CHART_CAPTION}
            </figcaption>
        </figure>
    }
}
