//! The task list: every point of the framework with its progress, and the way into each.

use leptos::prelude::*;

use crate::core::framework::Framework;
use crate::core::results_text as text;
use crate::core::route::Route;
use crate::core::scoring::{self, Progress};
use crate::ui::state::use_app_state;
use crate::ui::widgets::{BackLink, Checkbox, MainHeading, ProgressTag};

#[component]
pub fn TaskListPage(id: String, framework: &'static Framework) -> impl IntoView {
    let state = use_app_state();
    let name = state
        .with_untracked(&id, |assessment| assessment.details.name.clone())
        .unwrap_or_default();
    // The details that decide how the assessment is read, with the way to change them. Read
    // once: they only change on the details page, which comes back here afterwards.
    let detail_rows = state
        .with_untracked(&id, |assessment| {
            let details = &assessment.details;
            [
                (
                    "Organisation",
                    text::or_not_given(&details.organisation).to_owned(),
                ),
                (
                    "Kind of organisation",
                    text::organisation_type_text(details.organisation_type).to_owned(),
                ),
                (
                    "Phase",
                    details
                        .phase
                        .map_or(text::NOT_GIVEN, |phase| phase.label())
                        .to_owned(),
                ),
            ]
        })
        .into_iter()
        .flatten()
        .map(|(key, value)| {
            view! {
                <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
                    <dt class="govuk-summary-list__key">{key}</dt>
                    <dd class="govuk-summary-list__value">{value}</dd>
                </div>
            }
        })
        .collect_view();
    let change_details = Route::Details {
        assessment: id.clone(),
    }
    .href();

    let progress = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .with(&id, |assessment| {
                    scoring::score(framework, assessment)
                        .points
                        .iter()
                        .map(|result| (result.progress, result.tally.unchecked))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let completed = move || {
        progress.with(|all| {
            all.iter()
                .filter(|(progress, _)| *progress == Progress::Completed)
                .count()
        })
    };
    let unchecked = move || progress.with(|all| all.iter().map(|(_, count)| count).sum::<usize>());
    let total = framework.points.len();

    let one_page = state.one_page;
    let point_href = {
        let id = id.clone();
        move |slug: &str| {
            if one_page.get() {
                Route::AllPoints {
                    assessment: id.clone(),
                }
                .href()
            } else {
                Route::Point {
                    assessment: id.clone(),
                    point: slug.to_owned(),
                }
                .href()
            }
        }
    };

    // Points grouped under their section headings, for frameworks that have sections.
    let mut groups: Vec<(Option<String>, Vec<usize>)> = Vec::new();
    for (index, point) in framework.points.iter().enumerate() {
        match groups.last_mut() {
            Some((section, members)) if *section == point.section => members.push(index),
            _ => groups.push((point.section.clone(), vec![index])),
        }
    }
    let lists = groups
        .into_iter()
        .map(|(section, members)| {
            let items = members
                .into_iter()
                .map(|index| {
                    let point = &framework.points[index];
                    let slug = Framework::point_slug(point).to_owned();
                    let status_id = format!("{}-status", slug);
                    let hint_id = format!("{}-hint", slug);
                    let described_by = format!("{hint_id} {status_id}");
                    let link_id = format!("{}-link", slug);
                    let href = point_href.clone();
                    view! {
                        <li class="govuk-task-list__item govuk-task-list__item--with-link">
                            <div class="govuk-task-list__name-and-hint">
                                <a
                                    id=link_id
                                    class="govuk-link govuk-task-list__link"
                                    href=move || href(&slug)
                                    aria-describedby=described_by
                                >
                                    {format!("{}. {}", point.number, point.title)}
                                </a>
                                <div class="govuk-task-list__hint" id=hint_id>
                                    {move || {
                                        match progress.with(|all| all.get(index).map(|(_, count)| *count)) {
                                            Some(0) | None => String::new(),
                                            Some(1) => "1 carried over, not checked".to_owned(),
                                            Some(count) => format!("{count} carried over, not checked"),
                                        }
                                    }}
                                </div>
                            </div>
                            <div class="govuk-task-list__status" id=status_id>
                                {move || {
                                    let progress = progress
                                        .with(|all| all.get(index).map(|(progress, _)| *progress))
                                        .unwrap_or(Progress::NotStarted);
                                    view! { <ProgressTag progress /> }
                                }}
                            </div>
                        </li>
                    }
                })
                .collect_view();
            view! {
                {section.map(|section| view! { <h2 class="govuk-heading-m">{section}</h2> })}
                <ul class="govuk-task-list">{items}</ul>
            }
        })
        .collect_view();

    view! {
        <BackLink href=Route::Start.href() text="Your assessments" />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <MainHeading text=name caption=framework.title.clone() />
                <p class="govuk-body govuk-!-font-weight-bold" id="progress-summary">
                    {move || format!("{} of {total} points completed", completed())}
                </p>
                {move || {
                    let count = unchecked();
                    (count > 0)
                        .then(|| {
                            view! {
                                <p class="govuk-body" id="unchecked-summary">
                                    {text::unchecked_sentence(count)}
                                </p>
                            }
                        })
                }}
                <dl class="govuk-summary-list govuk-!-margin-bottom-3" id="task-list-details">
                    {detail_rows}
                </dl>
                <p class="govuk-body">
                    <a class="govuk-link" href=change_details id="change-details">
                        "Change details"
                        <span class="govuk-visually-hidden">" of this assessment"</span>
                    </a>
                </p>
                <div class="govuk-form-group">
                    <div class="govuk-checkboxes govuk-checkboxes--small">
                        <Checkbox
                            id="one-page"
                            label="Show all points on one page"
                            hint="Quicker if you know the standard well and use a keyboard or screen reader."
                            value=one_page
                        />
                    </div>
                </div>
                {lists}
                <a
                    class="govuk-button"
                    role="button"
                    draggable="false"
                    href=Route::Results {
                        assessment: id.clone(),
                    }
                        .href()
                >
                    "See results"
                </a>
            </div>
        </div>
    }
}
