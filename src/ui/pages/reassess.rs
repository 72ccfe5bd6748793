//! Starting the next assessment of a project from the last one: the details copied, the date set
//! to today, the phase asked again, and every answer carried over to be checked.

use leptos::prelude::*;

use super::details::{error_for, title_with_errors, PhaseField};
use crate::browser::page;
use crate::core::assessment::{Assessment, Phase};
use crate::core::forms::{Field, FieldError};
use crate::core::framework::Framework;
use crate::core::reassess;
use crate::core::results_text as text;
use crate::core::route::Route;
use crate::ui::state::use_app_state;
use crate::ui::widgets::{problems_of, BackLink, DateInput, ErrorSummary, MainHeading};

#[component]
pub fn StartNextPage(id: String, framework: &'static Framework) -> impl IntoView {
    let state = use_app_state();
    let Some(earlier) = state.with_untracked(&id, Clone::clone) else {
        return view! { <super::not_found::MissingAssessmentPage /> }.into_any();
    };
    let errors = RwSignal::new(Vec::<FieldError>::new());
    title_with_errors("Start the next assessment", errors);
    let date = RwSignal::new(page::today());
    let phase = RwSignal::new(None::<Phase>);
    let last_phase = earlier
        .details
        .phase
        .map(|phase| format!("Last time: {}.", phase.label()))
        .unwrap_or_else(|| "No phase was given last time.".to_owned());
    let carried = earlier
        .answers
        .values()
        .filter(|answer| !answer.is_blank())
        .count();
    let name = earlier.details.name.clone();
    let earlier = StoredValue::new(earlier);

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let when = match date.get_untracked().to_iso() {
            Ok(when) => when,
            Err(error) => {
                errors.set(vec![FieldError::Date(error)]);
                return;
            }
        };
        errors.set(Vec::new());
        let today = page::today_iso();
        let next: Assessment = earlier.with_value(|earlier| {
            let mut next = reassess::next_assessment(framework, earlier, page::new_id(), &today);
            next.details.date = when;
            next.details.phase = phase.get_untracked();
            next
        });
        let unchecked = next.unchecked();
        let name = next.details.name.clone();
        let new_id = state.add(next);
        let route = Route::TaskList { assessment: new_id };
        state.tell(
            route.clone(),
            format!("Started the next assessment of \u{201c}{name}\u{201d}"),
            text::unchecked_sentence(unchecked).into_iter().collect(),
        );
        page::navigate(&route);
    };

    let back = Route::Results {
        assessment: id.clone(),
    }
    .href();
    view! {
        <BackLink href=back.clone() text="Back to the results" />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=problems_of(errors) />
                <MainHeading text="Start the next assessment" caption=framework.title.clone() />
                <p class="govuk-body">
                    {format!(
                        "This starts a new assessment of \u{201c}{name}\u{201d} against the {}, with the same details.",
                        framework.full_title(),
                    )}
                </p>
                <ul class="govuk-list govuk-list--bullet">
                    <li>
                        {match carried {
                            1 => "The 1 answer given, with its evidence and action, is carried over.".to_owned(),
                            n => format!("All {n} answers given, with their evidence and actions, are carried over."),
                        }}
                    </li>
                    <li>
                        "Each one is marked \u{201c}Carried over: check it still holds\u{201d} until you confirm it or change it. A point is not completed while it has any."
                    </li>
                    <li>"Actions keep their owners and due dates, and show as overdue once past them."</li>
                    <li>
                        "The new assessment records which one it was started from, so that the two can be compared, in this browser or from their files."
                    </li>
                </ul>
                <p class="govuk-body">"The assessment you start from is not changed."</p>
                <form novalidate on:submit=submit>
                    <PhaseField
                        legend="Which phase is it in now? (optional)"
                        hint=last_phase
                        checked=None
                        on_select=Callback::new(move |choice: Phase| phase.set(Some(choice)))
                    />
                    <DateInput
                        id="date"
                        legend="Date of the new assessment"
                        hint="For example, 27 3 2026"
                        value=date
                        error=error_for(errors, Field::Date)
                    />
                    <div class="govuk-button-group">
                        <button type="submit" class="govuk-button" id="start-next">
                            "Start the next assessment"
                        </button>
                        <a class="govuk-link" href=back>
                            "Cancel"
                        </a>
                    </div>
                </form>
            </div>
        </div>
    }
    .into_any()
}
