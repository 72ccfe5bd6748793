//! Answering the criteria of a point, one point per page or all points on one page.

use leptos::prelude::*;

use super::dom_id;
use crate::core::assessment::{Answer, DateParts, Status};
use crate::core::codec::document::{MAX_LONG_TEXT_CHARS, MAX_SHORT_TEXT_CHARS};
use crate::core::framework::{Criterion, Framework, Level, OrganisationType, Point};
use crate::core::reassess::{self, ActionState};
use crate::core::results_text as text;
use crate::core::route::Route;
use crate::core::scoring;
use crate::ui::state::use_app_state;
use crate::ui::widgets::{AnswerText, BackLink, DateInput, GuidanceLink, MainHeading, StandingTag};

#[component]
pub fn PointPage(id: String, framework: &'static Framework, index: usize) -> impl IntoView {
    let point = &framework.points[index];
    let total = framework.points.len();
    let next = framework.points.get(index + 1).map(|next| {
        (
            Route::Point {
                assessment: id.clone(),
                point: Framework::point_slug(next).to_owned(),
            },
            format!("Next point: {}. {}", next.number, next.title),
        )
    });
    let (next_href, next_text) = next.unwrap_or_else(|| {
        (
            Route::Results {
                assessment: id.clone(),
            },
            "See results".to_owned(),
        )
    });
    let task_list = Route::TaskList {
        assessment: id.clone(),
    }
    .href();

    view! {
        <BackLink href=task_list.clone() text="Back to the task list" />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <MainHeading
                    text=format!("{}. {}", point.number, point.title)
                    caption=format!("{}: point {} of {total}", framework.title, index + 1)
                />
                <PointIntro point />
                <PointStanding id=id.clone() point />
                <PointCriteria id=id.clone() point heading_level=2 />
                <div class="govuk-button-group">
                    <a class="govuk-button" role="button" draggable="false" href=next_href.href()>
                        {next_text}
                    </a>
                    <a class="govuk-link" href=task_list>
                        "Back to the task list"
                    </a>
                </div>
            </div>
        </div>
    }
}

#[component]
pub fn AllPointsPage(id: String, framework: &'static Framework) -> impl IntoView {
    let points = framework
        .points
        .iter()
        .map(|point| {
            let heading_id = format!("{}-heading", dom_id(&point.id));
            let labelled_by = heading_id.clone();
            view! {
                <section class="govuk-!-margin-bottom-9" aria-labelledby=labelled_by>
                    <h2 class="govuk-heading-l" id=heading_id>
                        {format!("{}. {}", point.number, point.title)}
                    </h2>
                    <PointIntro point />
                    <PointStanding id=id.clone() point />
                    <PointCriteria id=id.clone() point heading_level=3 />
                </section>
            }
        })
        .collect_view();
    let task_list = Route::TaskList {
        assessment: id.clone(),
    }
    .href();
    view! {
        <BackLink href=task_list.clone() text="Back to the task list" />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <MainHeading text="All points" caption=framework.title.clone() />
                {points}
                <div class="govuk-button-group">
                    <a
                        class="govuk-button"
                        role="button"
                        draggable="false"
                        href=Route::Results { assessment: id }.href()
                    >
                        "See results"
                    </a>
                    <a class="govuk-link" href=task_list>
                        "Back to the task list"
                    </a>
                </div>
            </div>
        </div>
    }
}

/// The point's summary, when it applies, and its official guidance.
#[component]
fn PointIntro(point: &'static Point) -> impl IntoView {
    view! {
        <p class="govuk-body">{point.summary.clone()}</p>
        {point
            .applicability
            .clone()
            .map(|text| view! { <div class="govuk-inset-text">{text}</div> })}
        <p class="govuk-body">
            <GuidanceLink
                href=point.url.clone()
                text=format!("Read the official guidance for {}", point.title)
            />
        </p>
    }
}

/// Where the point stands so far, updated as answers change.
#[component]
fn PointStanding(id: String, point: &'static Point) -> impl IntoView {
    let state = use_app_state();
    let result = Memo::new(move |_| {
        state.with(&id, |assessment| {
            let result = scoring::score_point(point, assessment);
            (
                result.score.map(|score| score.percent()),
                result.standing,
                result.reason.to_string(),
                result.tally.answered(),
                result.tally.total(),
            )
        })
    });
    let standing_id = format!("{}-standing", dom_id(&point.id));
    view! {
        {move || {
            result
                .get()
                .map(|(percent, standing, reason, answered, total)| {
                    view! {
                        <div class="govuk-inset-text" id=standing_id.clone()>
                            <p class="govuk-body govuk-!-margin-bottom-2">
                                <span class="govuk-!-font-weight-bold">"This point so far: "</span>
                                <span class="app-point-score">
                                    {percent
                                        .map(|percent| format!("{percent}%"))
                                        .unwrap_or_else(|| "no score".to_owned())}
                                </span>
                                " "
                                <StandingTag standing />
                            </p>
                            <p class="govuk-body govuk-!-margin-bottom-2">{reason}</p>
                            <p class="govuk-body-s govuk-!-margin-bottom-0">
                                {format!("{answered} of {total} criteria answered")}
                            </p>
                        </div>
                    }
                })
        }}
    }
}

/// Every criterion of a point, as one fieldset each.
#[component]
fn PointCriteria(id: String, point: &'static Point, heading_level: u8) -> impl IntoView {
    point
        .criteria
        .iter()
        .map(|criterion| view! { <CriterionForm id=id.clone() criterion heading_level /> })
        .collect_view()
}

/// One criterion: the question, its hint, the four answers, the evidence, and for a gap the
/// action with its owner and due date.
#[component]
fn CriterionForm(id: String, criterion: &'static Criterion, heading_level: u8) -> impl IntoView {
    let state = use_app_state();
    let base = dom_id(&criterion.id);
    let initial = state
        .with_untracked(&id, |assessment| {
            assessment
                .answers
                .get(&criterion.id)
                .cloned()
                .unwrap_or_default()
        })
        .unwrap_or_default();

    let status = RwSignal::new(initial.status);
    let update = {
        let id = id.clone();
        move |change: Box<dyn FnOnce(&mut Answer)>| {
            state.update(&id, |assessment| {
                assessment.update_answer(&criterion.id, change)
            })
        }
    };

    let hint_id = format!("{base}-hint");
    let radios = Status::ALL
        .into_iter()
        .map(|choice| {
            let radio_id = format!("{base}-{}", choice.code());
            let update = update.clone();
            view! {
                <div class="govuk-radios__item">
                    <input
                        class="govuk-radios__input"
                        id=radio_id.clone()
                        name=base.clone()
                        type="radio"
                        value=choice.code()
                        prop:checked=initial.status == Some(choice)
                        on:change=move |_| {
                            status.set(Some(choice));
                            update(Box::new(move |answer| answer.status = Some(choice)));
                        }
                    />
                    <label class="govuk-label govuk-radios__label" for=radio_id>
                        {choice.label()}
                    </label>
                </div>
            }
        })
        .collect_view();

    let organisation = state
        .with_untracked(&id, |assessment| assessment.details.organisation_type)
        .flatten();
    let question = view! {
        {criterion.question.clone()}
        <LevelTag criterion organisation />
    };
    let legend_heading = if heading_level <= 2 {
        view! { <h2 class="govuk-fieldset__heading">{question}</h2> }.into_any()
    } else {
        view! { <h3 class="govuk-fieldset__heading">{question}</h3> }.into_any()
    };

    let evidence_id = format!("{base}-evidence");
    let evidence_update = update.clone();
    let block_id = base.clone();
    let binding_id = format!("{base}-binding");
    let binding = criterion.binding_note().map(|note| {
        view! { <p class="govuk-body-s app-binding" id=binding_id.clone()>{note}</p> }
    });
    let described_by = if binding.is_some() {
        format!("{binding_id} {hint_id}")
    } else {
        hint_id.clone()
    };

    view! {
        <div class="app-criterion" id=block_id>
            <CarriedOverCheck id=id.clone() criterion />
            <div class="govuk-form-group">
                <fieldset class="govuk-fieldset" aria-describedby=described_by>
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                        {legend_heading}
                    </legend>
                    {binding}
                    <div class="govuk-hint" id=hint_id>
                        {criterion.hint.clone()}
                        {criterion
                            .derived_from
                            .clone()
                            .map(|source| {
                                view! {
                                    " "
                                    <span class="govuk-!-display-block govuk-!-margin-top-1">
                                        {format!(
                                            "This question is based on: {source}.",
                                        )}
                                    </span>
                                }
                            })}
                    </div>
                    <div class="govuk-radios govuk-radios--small govuk-radios--inline">
                        {radios}
                    </div>
                </fieldset>
            </div>
            <AnswerText
                id=evidence_id
                label="Evidence"
                rows=3
                limit=MAX_LONG_TEXT_CHARS
                initial=initial.evidence.clone()
                on_input=move |text| evidence_update(Box::new(move |answer| answer.evidence = text))
            />
            <Show when=move || status.get().is_some_and(Status::needs_action)>
                <ActionFields base=base.clone() initial=initial.clone() update=update.clone() />
            </Show>
        </div>
    }
}

/// What an answer carried over from the last assessment needs: "Carried over: check it still
/// holds", with Still true (which confirms it as it is) and Change (which goes to its answers;
/// changing any of them ends the mark too), and where its action stands (overdue, or done now
/// that the criterion is Met).
#[component]
fn CarriedOverCheck(id: String, criterion: &'static Criterion) -> impl IntoView {
    let state = use_app_state();
    let base = dom_id(&criterion.id);
    let today = crate::browser::page::today_iso();
    let seen = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .with(&id, |assessment| {
                    assessment.answers.get(&criterion.id).map(|answer| {
                        (
                            answer.needs_checking(),
                            text::due_text(answer),
                            reassess::action_state(answer, &today),
                        )
                    })
                })
                .flatten()
        })
    };
    let confirm = {
        let id = id.clone();
        let base = base.clone();
        move |_| {
            state.update(&id, |assessment| {
                assessment.update_answer(&criterion.id, |answer| answer.carried_over = false)
            });
            // The buttons go away: keep keyboard focus on this criterion's answers.
            crate::ui::focus_when_drawn(format!("{base}-{}", first_choice(&state, &id, criterion)));
        }
    };
    let change = {
        let id = id.clone();
        let base = base.clone();
        move |_| {
            crate::browser::page::focus(&format!(
                "{base}-{}",
                first_choice(&state, &id, criterion)
            ));
        }
    };
    let carried_id = format!("{base}-carried");
    move || {
        let (unchecked, due, action) = seen.get()?;
        let carried = unchecked.then(|| {
            let (confirm, change) = (confirm.clone(), change.clone());
            view! {
                <div class="app-carried" id=carried_id.clone()>
                    <p class="govuk-body govuk-!-margin-bottom-2">
                        <strong class="govuk-tag govuk-tag--yellow">"Carried over"</strong>
                        " Check it still holds."
                    </p>
                    <div class="govuk-button-group govuk-!-margin-bottom-0">
                        <button
                            type="button"
                            class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
                            id=format!("{}-still-true", carried_id)
                            on:click=confirm
                        >
                            "Still true"
                            <span class="govuk-visually-hidden">{format!(": {}", criterion.question)}</span>
                        </button>
                        <button
                            type="button"
                            class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
                            id=format!("{}-change", carried_id)
                            on:click=change
                        >
                            "Change"
                            <span class="govuk-visually-hidden">{format!(": {}", criterion.question)}</span>
                        </button>
                    </div>
                </div>
            }
        });
        let action = match action {
            Some(ActionState::Overdue) => Some((
                "govuk-tag govuk-tag--red",
                "Overdue",
                format!("The action was due on {due}."),
            )),
            Some(ActionState::Done) => Some((
                "govuk-tag govuk-tag--green",
                "Done",
                "This criterion is now Met, so its action is done.".to_owned(),
            )),
            _ => None,
        }
        .map(|(class, tag, sentence)| {
            view! {
                <p class="govuk-body-s app-action-state">
                    <strong class=class>{tag}</strong>
                    " "
                    {sentence}
                </p>
            }
        });
        Some(view! {
            {carried}
            {action}
        })
    }
}

/// The code of the radio to put focus on for a criterion: the chosen answer's, or Met's.
fn first_choice(
    state: &crate::ui::state::AppState,
    id: &str,
    criterion: &Criterion,
) -> &'static str {
    state
        .with_untracked(id, |assessment| assessment.status(&criterion.id))
        .flatten()
        .unwrap_or(Status::Met)
        .code()
}

/// "Must" on a criterion that binds the organisation assessed; "Should" on a must that binds only
/// other kinds of organisation, so that a council never sees a Must tag that does not bind it.
/// A plain should has no tag.
#[component]
fn LevelTag(
    criterion: &'static Criterion,
    organisation: Option<OrganisationType>,
) -> impl IntoView {
    let level = criterion.level_for(organisation);
    let shown = level == Level::Must || criterion.binds().is_some();
    shown.then(|| {
        let class = match level {
            Level::Must => "govuk-tag govuk-tag--purple app-level app-must",
            Level::Should => "govuk-tag govuk-tag--grey app-level app-should",
        };
        view! {
            <strong class=class>
                <span class="govuk-visually-hidden">" This criterion is a "</span>
                {level.label()}
            </strong>
        }
    })
}

type AnswerUpdate = Box<dyn FnOnce(&mut Answer)>;

/// The action, owner and due date for a criterion that is not fully met.
#[component]
fn ActionFields(
    base: String,
    initial: Answer,
    update: impl Fn(AnswerUpdate) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let action_id = format!("{base}-action");
    let owner_id = format!("{base}-owner");
    let due = RwSignal::new(DateParts::from_iso(&initial.due));
    let due_error = RwSignal::new(None::<String>);
    let (action_update, owner_update, due_update) = (update.clone(), update.clone(), update);

    let on_due = Callback::new(move |parts: DateParts| match parts.to_iso() {
        Ok(iso) => {
            due_error.set(None);
            let iso = iso.unwrap_or_default();
            due_update(Box::new(move |answer| answer.due = iso));
        }
        // Keep the last good date until the typed one is complete and real.
        Err(error) => due_error.set(Some(error.to_string())),
    });

    view! {
        <AnswerText
            id=action_id
            label="Action"
            hint="What you will do to meet this criterion."
            rows=2
            limit=MAX_LONG_TEXT_CHARS
            initial=initial.action.clone()
            on_input=move |text| action_update(Box::new(move |answer| answer.action = text))
        />
        <AnswerText
            id=owner_id
            label="Owner (optional)"
            rows=0
            limit=MAX_SHORT_TEXT_CHARS
            initial=initial.owner.clone()
            on_input=move |text| owner_update(Box::new(move |answer| answer.owner = text))
        />
        <DateInput
            id=format!("{base}-due")
            legend="Due date (optional)"
            hint="For example, 31 3 2027"
            value=due
            error=due_error
            on_change=on_due
        />
    }
}
