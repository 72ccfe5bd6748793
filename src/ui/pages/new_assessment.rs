//! Starting an assessment: choose the framework and enter the details of what is assessed.

use leptos::prelude::*;

use crate::browser::page;
use crate::core::assessment::{Assessment, Marking, Phase};
use crate::core::catalogue;
use crate::core::forms::{DetailsForm, Field, FieldError};
use crate::core::route::Route;
use crate::ui::state::use_app_state;
use crate::ui::widgets::{
    problems_of, BackLink, DateInput, ErrorMessage, ErrorSummary, MainHeading, RadioItem,
};

#[component]
pub fn NewAssessmentPage() -> impl IntoView {
    let state = use_app_state();
    let form = RwSignal::new(DetailsForm {
        date: page::today(),
        ..DetailsForm::default()
    });
    let date = RwSignal::new(form.with_untracked(|form| form.date.clone()));
    let errors = RwSignal::new(Vec::<FieldError>::new());

    let error_for = move |field: Field| {
        Signal::derive(move || {
            errors.with(|errors| {
                errors
                    .iter()
                    .find(|error| error.field() == field)
                    .map(ToString::to_string)
            })
        })
    };
    let group_class = move |field: Field| {
        move || {
            if error_for(field).with(Option::is_some) {
                "govuk-form-group govuk-form-group--error"
            } else {
                "govuk-form-group"
            }
        }
    };

    Effect::new(move |_| {
        // "Error: " at the start of the title tells screen-reader users at once that the form
        // needs attention.
        let prefix = if errors.with(Vec::is_empty) {
            ""
        } else {
            "Error: "
        };
        page::set_title(&format!("{prefix}Start a new assessment"));
    });

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

    let text_field = move |field: Field, label: &'static str, width: &'static str| {
        let id = field.id();
        let error_id = format!("{id}-error");
        let error = error_for(field);
        view! {
            <div class=group_class(field)>
                <label class="govuk-label govuk-label--s" for=id>
                    {label}
                </label>
                <ErrorMessage id=error_id.clone() message=error />
                <input
                    class=move || {
                        let mut class = format!("govuk-input {width}");
                        if error.with(Option::is_some) {
                            class.push_str(" govuk-input--error");
                        }
                        class
                    }
                    id=id
                    name=id
                    type="text"
                    spellcheck="false"
                    aria-describedby=move || error.with(Option::is_some).then(|| error_id.clone())
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        form.update(|form| match field {
                            Field::Name => form.name = value,
                            Field::Organisation => form.organisation = value,
                            _ => form.assessor = value,
                        });
                    }
                />
            </div>
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

    let phase_radios = Phase::ALL
        .into_iter()
        .map(|phase| {
            view! {
                <RadioItem
                    id=format!("phase-{}", phase.code())
                    name="phase"
                    value=phase.code()
                    label=phase.label()
                    on_select=Callback::new(move |_| {
                        form.update(|form| form.phase = phase.code().to_owned())
                    })
                />
            }
        })
        .collect_view();

    let marking_radios = Marking::ALL
        .into_iter()
        .map(|marking| {
            view! {
                <RadioItem
                    id=format!("marking-{}", marking.code())
                    name="marking"
                    value=marking.code()
                    label=marking.label()
                    checked=marking == Marking::default()
                    on_select=Callback::new(move |_| {
                        form.update(|form| form.marking = marking.code().to_owned())
                    })
                />
            }
        })
        .collect_view();

    let framework_error = error_for(Field::Framework);
    view! {
        <BackLink href=Route::Start.href() text="Back" />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=problems_of(errors) />
                <MainHeading text="Start a new assessment" />
                <form novalidate on:submit=submit>
                    <div class=group_class(Field::Framework)>
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
                    {text_field(Field::Name, "Name of the project or programme", "")}
                    {text_field(Field::Organisation, "Organisation (optional)", "govuk-!-width-two-thirds")}
                    {text_field(Field::Assessor, "Assessor (optional)", "govuk-!-width-two-thirds")}
                    <div class="govuk-form-group">
                        <fieldset class="govuk-fieldset">
                            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                                "Which phase is it in? (optional)"
                            </legend>
                            <div class="govuk-radios govuk-radios--small">{phase_radios}</div>
                        </fieldset>
                    </div>
                    <DateInput
                        id="date"
                        legend="Date of the assessment"
                        hint="For example, 27 3 2026"
                        value=date
                        error=error_for(Field::Date)
                    />
                    <div class="govuk-form-group">
                        <fieldset class="govuk-fieldset" aria-describedby="marking-hint">
                            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                                "Protective marking"
                            </legend>
                            <div id="marking-hint" class="govuk-hint">
                                "Shown at the top of the results and of every download. Most assessments are OFFICIAL."
                            </div>
                            <div class="govuk-radios govuk-radios--small">{marking_radios}</div>
                        </fieldset>
                    </div>
                    <button type="submit" class="govuk-button">
                        "Continue"
                    </button>
                </form>
            </div>
        </div>
    }
}
