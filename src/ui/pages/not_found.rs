//! Pages for addresses that lead nowhere.

use leptos::prelude::*;

use crate::core::route::Route;
use crate::ui::widgets::MainHeading;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <MainHeading text="Page not found" />
        <p class="govuk-body">"The address does not match any page of this tool."</p>
        <StartLink />
    }
}

#[component]
pub fn MissingAssessmentPage() -> impl IntoView {
    view! {
        <MainHeading text="Assessment not found" />
        <p class="govuk-body">
            "There is no assessment with this address in this browser. It may have been deleted, or saved in another browser."
        </p>
        <StartLink />
    }
}

#[component]
pub fn UnusableAssessmentPage(message: String) -> impl IntoView {
    view! {
        <MainHeading text="This assessment cannot be shown" />
        <p class="govuk-body">{message}</p>
        <StartLink />
    }
}

#[component]
fn StartLink() -> impl IntoView {
    view! {
        <p class="govuk-body">
            <a class="govuk-link" href=Route::Start.href()>
                "Go to your assessments"
            </a>
        </p>
    }
}
