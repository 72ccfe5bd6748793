//! One module per page; `page_for` picks the page for a route.

mod compare;
mod details;
mod history;
mod manage;
mod new_assessment;
mod not_found;
mod open_file;
mod point;
mod reassess;
mod results;
mod scoring_help;
mod start;
mod task_list;

use leptos::prelude::*;

use crate::browser::page;
use crate::core::catalogue;
use crate::core::codec::document::DocumentError;
use crate::core::codec::share::{self, LinkError};
use crate::core::framework::Framework;
use crate::core::route::Route;

use super::state::use_app_state;

pub fn page_for(route: Route) -> AnyView {
    match route {
        Route::Start => view! { <start::StartPage /> }.into_any(),
        Route::NewAssessment => view! { <new_assessment::NewAssessmentPage /> }.into_any(),
        Route::HowScoringWorks => view! { <scoring_help::HowScoringWorksPage /> }.into_any(),
        Route::TaskList { assessment } => with_framework(assessment, |id, framework| {
            view! { <task_list::TaskListPage id framework /> }.into_any()
        }),
        Route::Point { assessment, point } => with_framework(assessment, move |id, framework| {
            match framework
                .points
                .iter()
                .position(|p| Framework::point_slug(p) == point)
            {
                Some(index) => view! { <point::PointPage id framework index /> }.into_any(),
                None => view! { <not_found::NotFoundPage /> }.into_any(),
            }
        }),
        Route::AllPoints { assessment } => with_framework(assessment, |id, framework| {
            view! { <point::AllPointsPage id framework /> }.into_any()
        }),
        Route::Results { assessment } => with_framework(assessment, |id, framework| {
            view! { <results::ResultsPage id framework /> }.into_any()
        }),
        Route::Rename { assessment } => with_framework(assessment, |id, _| {
            view! { <manage::RenamePage id /> }.into_any()
        }),
        Route::Details { assessment } => with_framework(assessment, |id, framework| {
            view! { <details::ChangeDetailsPage id framework /> }.into_any()
        }),
        Route::Delete { assessment } => with_framework(assessment, |id, _| {
            view! { <manage::DeletePage id /> }.into_any()
        }),
        Route::StartNext { assessment } => with_framework(assessment, |id, framework| {
            view! { <reassess::StartNextPage id framework /> }.into_any()
        }),
        Route::CompareWith { assessment } => with_framework(assessment, |id, framework| {
            view! { <compare::CompareWithPage id framework /> }.into_any()
        }),
        Route::Compare { first, second } => {
            view! { <compare::ComparePage first second /> }.into_any()
        }
        Route::CompareFiles => view! { <compare::CompareFilesPage /> }.into_any(),
        Route::OpenFile => view! { <open_file::OpenFilePage /> }.into_any(),
        Route::Shared { payload } => shared(&payload),
        Route::NotFound => view! { <not_found::NotFoundPage /> }.into_any(),
    }
}

/// A shared link: its results read-only, or, when the link is broken, why, above the start page.
fn shared(payload: &str) -> AnyView {
    let decoded = share::decode(payload).and_then(|imported| {
        // Reading the document already checked the framework; this only keeps the types honest.
        let framework_id = imported.assessment.framework.id.clone();
        catalogue::framework(&framework_id)
            .map(|framework| (framework, imported.assessment))
            .map_err(|_| LinkError::Document(DocumentError::UnknownFramework(framework_id)))
    });
    match decoded {
        Ok((framework, assessment)) => {
            view! { <results::SharedResultsPage framework assessment /> }.into_any()
        }
        Err(error) => {
            let start = view! { <start::StartPage /> };
            page::set_title("Error: This share link cannot be opened");
            view! {
                <div class="govuk-error-summary" id="link-problem" role="alert">
                    <h2 class="govuk-error-summary__title">"This share link cannot be opened"</h2>
                    <div class="govuk-error-summary__body">
                        <p class="govuk-body">{error.to_string()}</p>
                        <p class="govuk-body">
                            "Nothing has been changed. Ask the person who sent it for the link again, or for the assessment's downloaded file."
                        </p>
                    </div>
                </div>
                {start}
            }
            .into_any()
        }
    }
}

/// Finds a saved assessment and its framework, or explains why the page cannot be shown.
fn with_framework(id: String, page: impl FnOnce(String, &'static Framework) -> AnyView) -> AnyView {
    let state = use_app_state();
    // Untracked: the page is rebuilt when the route changes, not on every answer.
    let framework_id = state.with_untracked(&id, |assessment| assessment.framework.id.clone());
    match framework_id.map(|framework_id| catalogue::framework(&framework_id)) {
        None => view! { <not_found::MissingAssessmentPage /> }.into_any(),
        Some(Err(error)) => {
            view! { <not_found::UnusableAssessmentPage message=error.to_string() /> }.into_any()
        }
        Some(Ok(framework)) => page(id, framework),
    }
}

/// An HTML id made from a content ID (`tcop-2025/p01/c02` becomes `tcop-2025-p01-c02`).
fn dom_id(content_id: &str) -> String {
    content_id.replace('/', "-")
}
