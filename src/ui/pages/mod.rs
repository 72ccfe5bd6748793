//! One module per page; `page_for` picks the page for a route.

mod new_assessment;
mod not_found;
mod point;
mod results;
mod scoring_help;
mod start;
mod task_list;

use leptos::prelude::*;

use crate::core::catalogue;
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
        // Opening shared links comes with the share-link encoding.
        Route::Shared { .. } | Route::NotFound => view! { <not_found::NotFoundPage /> }.into_any(),
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
