//! The start page: what the tool does, and the assessments kept in this browser.

use leptos::prelude::*;

use crate::browser::page;
use crate::core::assessment::format_date;
use crate::core::catalogue;
use crate::core::route::Route;
use crate::core::scoring;
use crate::ui::focus_when_drawn;
use crate::ui::state::{use_app_state, Draft, LISTED_AT_FIRST};
use crate::ui::widgets::MainHeading;

#[component]
pub fn StartPage() -> impl IntoView {
    let state = use_app_state();
    let show_all = RwSignal::new(false);
    let listed = move || {
        if show_all.get() {
            usize::MAX
        } else {
            LISTED_AT_FIRST
        }
    };
    let show_the_rest = move |_| {
        state.read_the_rest();
        show_all.set(true);
        // The button goes away: carry on from the first row that was not listed before.
        let first_new = state.with_drafts(|drafts| {
            drafts
                .get(LISTED_AT_FIRST)
                .map(|draft| draft_link_id(&draft.id))
        });
        if let Some(id) = first_new {
            focus_when_drawn(id);
        }
    };
    let frameworks = catalogue::frameworks()
        .map(|framework| {
            view! {
                <li>
                    {framework.title.clone()} ": " {framework.edition.clone()}
                </li>
            }
        })
        .collect_view();

    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <MainHeading text="Check your technology against the Technology Code of Practice" />
                <p class="govuk-body">
                    "Answer a set of plain questions for each point of a standard, record your evidence and actions, and see a score for each point and overall, with anything that blocks you made plain."
                </p>
                <p class="govuk-body">"You can assess against:"</p>
                <ul class="govuk-list govuk-list--bullet">{frameworks}</ul>
                <div class="govuk-inset-text">
                    "Everything you enter is saved in this browser as you type, and nothing is sent to a server. Other people using this browser profile can see it."
                </div>
                <p class="govuk-body">
                    "This is a self-assessment to help you prepare evidence and find gaps. It is not an approval and is not part of any approval process."
                </p>
                <div class="govuk-button-group">
                <a
                    href=Route::NewAssessment.href()
                    role="button"
                    draggable="false"
                    class="govuk-button govuk-button--start"
                >
                    "Start a new assessment"
                    <svg
                        class="govuk-button__start-icon"
                        xmlns="http://www.w3.org/2000/svg"
                        width="17.5"
                        height="19"
                        viewBox="0 0 33 40"
                        aria-hidden="true"
                        focusable="false"
                    >
                        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"></path>
                    </svg>
                </a>
                <a
                    href=Route::OpenFile.href()
                    role="button"
                    draggable="false"
                    class="govuk-button govuk-button--secondary"
                    id="open-file-link"
                >
                    "Open a file"
                </a>
                </div>
            </div>
        </div>
        <Show when=move || { state.unreadable.get() > 0 }>
            <div class="govuk-warning-text" id="unreadable-drafts">
                <span class="govuk-warning-text__icon" aria-hidden="true">
                    "!"
                </span>
                <strong class="govuk-warning-text__text">
                    <span class="govuk-visually-hidden">"Warning"</span>
                    {move || {
                        let count = state.unreadable.get();
                        if count == 1 {
                            "1 saved assessment could not be read. It has been left exactly as it was in this browser's storage.".to_owned()
                        } else {
                            format!("{count} saved assessments could not be read. They have been left exactly as they were in this browser's storage.")
                        }
                    }}
                </strong>
            </div>
        </Show>
        <Show when=move || { state.saved_count() > 0 }>
            <h2 class="govuk-heading-l">"Your assessments"</h2>
            <table class="govuk-table app-drafts">
                <caption class="govuk-table__caption govuk-table__caption--s">
                    "Saved in this browser, most recently changed first"
                    {move || {
                        let total = state.saved_count();
                        let shown = state.with_drafts(<[Draft]>::len).min(listed());
                        (total > shown).then(|| format!(". Showing {shown} of {total}."))
                    }}
                </caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Name"</th>
                        <th scope="col" class="govuk-table__header">"Framework"</th>
                        <th scope="col" class="govuk-table__header">"Last changed"</th>
                        <th scope="col" class="govuk-table__header">"Progress"</th>
                        <th scope="col" class="govuk-table__header">"Actions"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    {move || {
                        let listed = listed();
                        state.with_drafts(|drafts| {
                            drafts.iter().take(listed).map(draft_row).collect_view()
                        })
                    }}
                </tbody>
            </table>
            <Show when=move || { state.saved_count() > listed() }>
                <button
                    type="button"
                    class="govuk-button govuk-button--secondary"
                    id="show-all-drafts"
                    on:click=show_the_rest
                >
                    {move || format!("Show all {} assessments", state.saved_count())}
                </button>
            </Show>
        </Show>
    }
}

/// One saved assessment's row: its framework, when it changed, its progress, and what can be
/// done with it.
fn draft_row(draft: &Draft) -> impl IntoView {
    let state = use_app_state();
    let framework = catalogue::framework(&draft.assessment.framework.id).ok();
    let progress = framework
        .map(|framework| {
            let results = scoring::score(framework, &draft.assessment);
            format!(
                "{} of {} points completed",
                results.completed_points(),
                results.points.len(),
            )
        })
        .unwrap_or_else(|| "Unknown".to_owned());
    let title = framework
        .map(|framework| format!("{} ({})", framework.title, framework.edition))
        .unwrap_or_else(|| draft.assessment.framework.id.clone());
    let changed = draft
        .changed
        .map(|millis| {
            let (iso, clock) = page::local_time(millis);
            format!("{} at {clock}", format_date(&iso))
        })
        .unwrap_or_else(|| "Not known".to_owned());
    let name = draft.assessment.details.name.clone();
    let id = draft.id.clone();
    let duplicate = move |_| {
        if let Some(copy) = state.duplicate(&id) {
            let copy_name = state
                .with_untracked(&copy, |assessment| assessment.details.name.clone())
                .unwrap_or_default();
            state.tell(
                Route::Start,
                format!("Copy made: \u{201c}{copy_name}\u{201d}"),
                Vec::new(),
            );
            // The row's button is redrawn with the list: keep keyboard focus on the news.
            focus_when_drawn("notice");
        }
    };
    let hidden_name = move || {
        view! { <span class="govuk-visually-hidden">{format!(" {name}")}</span> }
    };
    let task_list = Route::TaskList {
        assessment: draft.id.clone(),
    }
    .href();
    // A table row, not a summary card: with 200 saved assessments the cards' extra markup
    // doubled the start page's load time (scripts/bench.sh).
    view! {
        <tr class="govuk-table__row app-draft" data-draft=draft.id.clone()>
            <th scope="row" class="govuk-table__header app-draft__name">
                <a class="govuk-link" href=task_list.clone() id=draft_link_id(&draft.id)>
                    {draft.assessment.details.name.clone()}
                </a>
            </th>
            <td class="govuk-table__cell">{title}</td>
            <td class="govuk-table__cell">{changed}</td>
            <td class="govuk-table__cell app-draft__progress">{progress}</td>
            <td class="govuk-table__cell app-draft__actions">
                <a class="govuk-link" href=task_list>
                    "Resume" {hidden_name.clone()}
                </a>
                " "
                <a class="govuk-link" href=Route::Rename { assessment: draft.id.clone() }.href()>
                    "Rename" {hidden_name.clone()}
                </a>
                " "
                <button type="button" class="govuk-link app-link-button" on:click=duplicate>
                    "Duplicate" {hidden_name.clone()}
                </button>
                " "
                <a class="govuk-link" href=Route::Delete { assessment: draft.id.clone() }.href()>
                    "Delete" {hidden_name}
                </a>
            </td>
        </tr>
    }
}

/// The ID of a saved assessment's name link, so that focus can be put on it.
fn draft_link_id(draft_id: &str) -> String {
    format!("draft-{draft_id}")
}
