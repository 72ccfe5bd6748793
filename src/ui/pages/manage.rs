//! Looking after saved assessments: renaming one, and deleting one (asked first, and undoable
//! from the start page for as long as the tab is open).

use leptos::prelude::*;

use crate::browser::page;
use crate::core::forms::{self, Field, FieldError};
use crate::core::route::Route;
use crate::ui::state::{use_app_state, Notice};
use crate::ui::widgets::{problems_of, BackLink, ErrorMessage, ErrorSummary, MainHeading};

#[component]
pub fn RenamePage(id: String) -> impl IntoView {
    let state = use_app_state();
    let current = state
        .with_untracked(&id, |assessment| assessment.details.name.clone())
        .unwrap_or_default();
    let typed = RwSignal::new(current.clone());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let error =
        Signal::derive(move || errors.with(|errors| errors.first().map(ToString::to_string)));
    Effect::new(move |_| {
        let prefix = if errors.with(Vec::is_empty) {
            ""
        } else {
            "Error: "
        };
        page::set_title(&format!("{prefix}Rename the assessment"));
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match forms::check_name(&typed.get_untracked()) {
            Ok(name) => {
                state.update(&id, |assessment| assessment.details.name = name.clone());
                state.tell(
                    Route::Start,
                    format!("Renamed to \u{201c}{name}\u{201d}"),
                    Vec::new(),
                );
                page::navigate(&Route::Start);
            }
            Err(found) => errors.set(vec![found]),
        }
    };
    let input_id = Field::Name.id();
    view! {
        <BackLink href=Route::Start.href() text="Your assessments" />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=problems_of(errors) />
                <form novalidate on:submit=submit>
                    <div class=move || {
                        if error.with(Option::is_some) {
                            "govuk-form-group govuk-form-group--error"
                        } else {
                            "govuk-form-group"
                        }
                    }>
                        <h1 class="govuk-label-wrapper">
                            <label
                                class="govuk-label govuk-label--l"
                                for=input_id
                                id="main-heading"
                                tabindex="-1"
                            >
                                "Rename the assessment"
                            </label>
                        </h1>
                        <div class="govuk-hint" id="name-hint">
                            {format!("Currently \u{201c}{current}\u{201d}.")}
                        </div>
                        <ErrorMessage id="name-error" message=error />
                        <input
                            class=move || {
                                if error.with(Option::is_some) {
                                    "govuk-input govuk-input--error"
                                } else {
                                    "govuk-input"
                                }
                            }
                            id=input_id
                            name=input_id
                            type="text"
                            spellcheck="false"
                            aria-describedby=move || {
                                if error.with(Option::is_some) {
                                    "name-hint name-error"
                                } else {
                                    "name-hint"
                                }
                            }
                            prop:value=move || typed.get()
                            on:input=move |event| typed.set(event_target_value(&event))
                        />
                    </div>
                    <div class="govuk-button-group">
                        <button type="submit" class="govuk-button">
                            "Save name"
                        </button>
                        <a class="govuk-link" href=Route::Start.href()>
                            "Cancel"
                        </a>
                    </div>
                </form>
            </div>
        </div>
    }
}

#[component]
pub fn DeletePage(id: String) -> impl IntoView {
    let state = use_app_state();
    let name = state
        .with_untracked(&id, |assessment| assessment.details.name.clone())
        .unwrap_or_default();
    let delete = move |_| {
        if let Some(name) = state.delete(&id) {
            state.notice.set(Some(Notice {
                route: Route::Start,
                heading: format!("\u{201c}{name}\u{201d} has been deleted"),
                lines: vec!["You can bring it back with Undo until you close this tab.".to_owned()],
                undo_delete: Some(id.clone()),
            }));
        }
        page::navigate(&Route::Start);
    };
    view! {
        <BackLink href=Route::Start.href() text="Your assessments" />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <MainHeading text=format!("Delete \u{201c}{name}\u{201d}?") />
                <div class="govuk-warning-text">
                    <span class="govuk-warning-text__icon" aria-hidden="true">
                        "!"
                    </span>
                    <strong class="govuk-warning-text__text">
                        <span class="govuk-visually-hidden">"Warning"</span>
                        "This removes the assessment and all its answers from this browser. Download it first if you may need it again."
                    </strong>
                </div>
                <div class="govuk-button-group">
                    <button
                        type="button"
                        class="govuk-button govuk-button--warning"
                        id="confirm-delete"
                        on:click=delete
                    >
                        "Yes, delete it"
                    </button>
                    <a class="govuk-link" href=Route::Start.href()>
                        "No, keep it"
                    </a>
                </div>
            </div>
        </div>
    }
}
