//! The details of what is assessed, as one set of form fields for starting an assessment and for
//! changing its details later: the name, the organisation and its kind, the assessor, the phase,
//! the date and the protective marking.

use leptos::prelude::*;

use crate::browser::page;
use crate::core::assessment::{DateParts, Marking, Phase};
use crate::core::forms::{DetailsForm, Field, FieldError, NOT_STATED};
use crate::core::framework::{Framework, OrganisationType};
use crate::core::route::Route;
use crate::ui::state::use_app_state;
use crate::ui::widgets::{
    problems_of, BackLink, DateInput, ErrorMessage, ErrorSummary, MainHeading, RadioItem,
};

/// The message for a field, from the form's current errors.
pub(super) fn error_for(errors: RwSignal<Vec<FieldError>>, field: Field) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors.with(|errors| {
            errors
                .iter()
                .find(|error| error.field() == field)
                .map(ToString::to_string)
        })
    })
}

/// A form group's class, marked in error while its field is.
pub(super) fn group_class(error: Signal<Option<String>>) -> impl Fn() -> &'static str {
    move || {
        if error.with(Option::is_some) {
            "govuk-form-group govuk-form-group--error"
        } else {
            "govuk-form-group"
        }
    }
}

/// Puts "Error: " at the start of the page title while the form has errors, which tells
/// screen-reader users at once that the form needs attention.
pub(super) fn title_with_errors(title: &'static str, errors: RwSignal<Vec<FieldError>>) {
    Effect::new(move |_| {
        let prefix = if errors.with(Vec::is_empty) {
            ""
        } else {
            "Error: "
        };
        page::set_title(&format!("{prefix}{title}"));
    });
}

/// The delivery phase as radios, optional, with a hint when there is one to give.
#[component]
pub(super) fn PhaseField(
    legend: &'static str,
    #[prop(optional, into)] hint: Option<String>,
    checked: Option<Phase>,
    on_select: Callback<Phase>,
) -> impl IntoView {
    let radios = Phase::ALL
        .into_iter()
        .map(|phase| {
            view! {
                <RadioItem
                    id=format!("phase-{}", phase.code())
                    name="phase"
                    value=phase.code()
                    label=phase.label()
                    checked=checked == Some(phase)
                    on_select=Callback::new(move |_| on_select.run(phase))
                />
            }
        })
        .collect_view();
    let described_by = hint.as_ref().map(|_| "phase-hint");
    view! {
        <div class="govuk-form-group">
            <fieldset class="govuk-fieldset" aria-describedby=described_by>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                {hint.map(|hint| view! { <div id="phase-hint" class="govuk-hint">{hint}</div> })}
                <div class="govuk-radios govuk-radios--small">{radios}</div>
            </fieldset>
        </div>
    }
}

/// The fields for what is assessed. They start from `form` and write every change back to it;
/// the date boxes are kept in `date` until the form is sent.
#[component]
pub(super) fn DetailsFields(
    form: RwSignal<DetailsForm>,
    date: RwSignal<DateParts>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let initial = form.get_untracked();
    let text_field = move |field: Field,
                           label: &'static str,
                           width: &'static str,
                           value: String| {
        let id = field.id();
        let error_id = format!("{id}-error");
        let error = error_for(errors, field);
        view! {
            <div class=group_class(error)>
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
                    prop:value=value
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

    let kind_radios = OrganisationType::ALL
        .into_iter()
        .map(|kind| (kind.code(), kind.label(), kind.hint()))
        .chain([(
            NOT_STATED,
            "Not stated",
            "Every must in the standard counts as a must",
        )])
        .map(|(code, label, hint)| {
            view! {
                <RadioItem
                    id=format!("organisation-type-{code}")
                    name="organisation-type"
                    value=code
                    label=label
                    hint=hint
                    checked=initial.organisation_type == code
                    on_select=Callback::new(move |_| {
                        form.update(|form| form.organisation_type = code.to_owned())
                    })
                />
            }
        })
        .collect_view();

    let chosen_marking = Marking::from_code(&initial.marking).unwrap_or_default();
    let marking_radios = Marking::ALL
        .into_iter()
        .map(|marking| {
            view! {
                <RadioItem
                    id=format!("marking-{}", marking.code())
                    name="marking"
                    value=marking.code()
                    label=marking.label()
                    checked=marking == chosen_marking
                    on_select=Callback::new(move |_| {
                        form.update(|form| form.marking = marking.code().to_owned())
                    })
                />
            }
        })
        .collect_view();

    view! {
        {text_field(Field::Name, "Name of the project or programme", "", initial.name.clone())}
        {text_field(
            Field::Organisation,
            "Organisation (optional)",
            "govuk-!-width-two-thirds",
            initial.organisation.clone(),
        )}
        <div class="govuk-form-group">
            <fieldset class="govuk-fieldset" aria-describedby="organisation-type-hint">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                    "What kind of organisation is this assessment for?"
                </legend>
                <div id="organisation-type-hint" class="govuk-hint">
                    "Some musts bind only some kinds of organisation. Cloud First, for example, is mandatory for central government and strongly recommended for the rest of the public sector."
                </div>
                <div class="govuk-radios govuk-radios--small">{kind_radios}</div>
            </fieldset>
        </div>
        {text_field(
            Field::Assessor,
            "Assessor (optional)",
            "govuk-!-width-two-thirds",
            initial.assessor.clone(),
        )}
        <PhaseField
            legend="Which phase is it in? (optional)"
            checked=Phase::from_code(&initial.phase)
            on_select=Callback::new(move |phase: Phase| {
                form.update(|form| form.phase = phase.code().to_owned())
            })
        />
        <DateInput
            id="date"
            legend="Date of the assessment"
            hint="For example, 27 3 2026"
            value=date
            error=error_for(errors, Field::Date)
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
    }
}

/// "Change details": the same fields as when the assessment was started, filled in.
#[component]
pub fn ChangeDetailsPage(id: String, framework: &'static Framework) -> impl IntoView {
    let state = use_app_state();
    let initial = state
        .with_untracked(&id, |assessment| {
            DetailsForm::from_details(&framework.id, &assessment.details)
        })
        .unwrap_or_default();
    let date = RwSignal::new(initial.date.clone());
    let form = RwSignal::new(initial);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    title_with_errors("Change the details", errors);
    let task_list = Route::TaskList {
        assessment: id.clone(),
    };
    let back = task_list.href();
    let submit = {
        let task_list = task_list.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let mut typed = form.get_untracked();
            typed.date = date.get_untracked();
            match typed.validate() {
                Ok((_, details)) => {
                    errors.set(Vec::new());
                    state.update(&id, |assessment| assessment.details = details);
                    state.tell(task_list.clone(), "Details saved", Vec::new());
                    page::navigate(&task_list);
                }
                Err(found) => errors.set(found),
            }
        }
    };
    view! {
        <BackLink href=back.clone() text="Back to the task list" />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=problems_of(errors) />
                <MainHeading text="Change the details" caption=framework.title.clone() />
                <p class="govuk-body">
                    {format!(
                        "The standard cannot be changed: this assessment is against the {}.",
                        framework.full_title(),
                    )}
                </p>
                <form novalidate on:submit=submit>
                    <DetailsFields form date errors />
                    <div class="govuk-button-group">
                        <button type="submit" class="govuk-button">
                            "Save details"
                        </button>
                        <a class="govuk-link" href=back>
                            "Cancel"
                        </a>
                    </div>
                </form>
            </div>
        </div>
    }
}
