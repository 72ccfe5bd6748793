//! The start page: what the tool does, and the assessments kept in this browser.

use leptos::prelude::*;

use crate::core::catalogue;
use crate::core::route::Route;
use crate::core::scoring;
use crate::ui::state::use_app_state;
use crate::ui::widgets::MainHeading;

#[component]
pub fn StartPage() -> impl IntoView {
    let state = use_app_state();
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
        <Show when=move || state.with_drafts(|drafts| !drafts.is_empty())>
            <h2 class="govuk-heading-m">"Your assessments"</h2>
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-visually-hidden">
                    "Assessments saved in this browser"
                </caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Name"</th>
                        <th scope="col" class="govuk-table__header">"Framework"</th>
                        <th scope="col" class="govuk-table__header">"Progress"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    {move || {
                        state
                            .with_drafts(|drafts| {
                                drafts
                                    .iter()
                                    .map(|draft| {
                                        let framework = catalogue::framework(
                                                &draft.assessment.framework.id,
                                            )
                                            .ok();
                                        let progress = framework
                                            .map(|framework| {
                                                let results = scoring::score(framework, &draft.assessment);
                                                format!(
                                                    "{} of {} points completed",
                                                    results.completed_points(),
                                                    results.points.len(),
                                                )
                                            })
                                            .unwrap_or_default();
                                        let title = framework
                                            .map(|framework| framework.title.clone())
                                            .unwrap_or_else(|| draft.assessment.framework.id.clone());
                                        view! {
                                            <tr class="govuk-table__row">
                                                <td class="govuk-table__cell">
                                                    <a
                                                        class="govuk-link"
                                                        href=Route::TaskList {
                                                            assessment: draft.id.clone(),
                                                        }
                                                            .href()
                                                    >
                                                        {draft.assessment.details.name.clone()}
                                                    </a>
                                                </td>
                                                <td class="govuk-table__cell">{title}</td>
                                                <td class="govuk-table__cell">{progress}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                </tbody>
            </table>
        </Show>
    }
}
