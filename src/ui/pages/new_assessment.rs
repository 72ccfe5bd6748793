//! Starting an assessment: choose the framework and enter the details of what is assessed.

use leptos::prelude::*;

use super::details::{error_for, group_class, title_with_errors, DetailsFields};
use crate::browser::page;
use crate::core::assessment::Assessment;
use crate::core::catalogue;
use crate::core::forms::{DetailsForm, Field, FieldError};
use crate::core::route::Route;
use crate::ui::state::use_app_state;
use crate::ui::widgets::{problems_of, BackLink, ErrorMessage, ErrorSummary, MainHeading};

#[component]
pub fn NewAssessmentPage() -> impl IntoView {
    let state = use_app_state();
    let form = RwSignal::new(DetailsForm {
        date: page::today(),
        ..DetailsForm::default()
    });
    let date = RwSignal::new(form.with_untracked(|form| form.date.clone()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    title_with_errors("Start a new assessment", errors);

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let mut typed = form.get_untracked();
        typed.date = date.get_untracked();
        match typed.validate() {
            Ok((framework, details)) => {
                errors.set(Vec::new());
                let id = state.add(Assessment::new(framework, details));
                page::navigate(&Route::TaskList { assessment: id });
            }
            Err(found) => errors.set(found),
        }
    };

    let framework_radios = catalogue::frameworks()
        .enumerate()
        .map(|(index, framework)| {
            // The first radio carries the field's id, so the error summary can focus it.
            let id = if index == 0 {
                Field::Framework.id().to_owned()
            } else {
                format!("framework-{}", framework.id)
            };
            let hint_id = format!("{id}-hint");
            let value = framework.id.clone();
            view! {
                <div class="govuk-radios__item">
                    <input
                        class="govuk-radios__input"
                        id=id.clone()
                        name="framework"
                        type="radio"
                        value=framework.id.clone()
                        aria-describedby=hint_id.clone()
                        on:change=move |_| form.update(|form| form.framework = value.clone())
                    />
                    <label class="govuk-label govuk-radios__label" for=id>
                        {framework.title.clone()}
                    </label>
                    <div id=hint_id class="govuk-hint govuk-radios__hint">
                        {framework.edition.clone()}
                    </div>
                </div>
            }
        })
        .collect_view();

    let framework_error = error_for(errors, Field::Framework);
    view! {
        <BackLink href=Route::Start.href() text="Back" />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=problems_of(errors) />
                <MainHeading text="Start a new assessment" />
                <form novalidate on:submit=submit>
                    <div class=group_class(framework_error)>
                        <fieldset
                            class="govuk-fieldset"
                            aria-describedby=move || {
                                framework_error.with(Option::is_some).then_some("framework-error")
                            }
                        >
                            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                                "Which standard are you assessing against?"
                            </legend>
                            <ErrorMessage id="framework-error" message=framework_error />
                            <div class="govuk-radios" data-module="govuk-radios">
                                {framework_radios}
                            </div>
                        </fieldset>
                    </div>
                    <h2 class="govuk-heading-m">"About the project or programme"</h2>
                    <DetailsFields form date errors />
                    <button type="submit" class="govuk-button">
                        "Continue"
                    </button>
                </form>
            </div>
        </div>
    }
}
