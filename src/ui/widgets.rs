//! Small GOV.UK Design System pieces the pages share.

use leptos::prelude::*;

use crate::browser::page;
use crate::core::assessment::DateParts;
use crate::core::forms::{self, FieldError};
use crate::core::scoring::{Progress, Standing};

/// A page's main heading, which receives focus after a page change.
#[component]
pub fn MainHeading(
    #[prop(into)] text: String,
    #[prop(optional, into)] caption: Option<String>,
) -> impl IntoView {
    page::set_title(&text);
    view! {
        <h1 class="govuk-heading-l" id="main-heading" tabindex="-1">
            {caption.map(|caption| view! { <span class="govuk-caption-l">{caption}</span> })}
            {text}
        </h1>
    }
}

#[component]
pub fn BackLink(#[prop(into)] href: String, #[prop(into)] text: String) -> impl IntoView {
    view! {
        <a href=href class="govuk-back-link app-no-print">
            {text}
        </a>
    }
}

/// The GOV.UK error summary. It takes focus when it appears, and its links move focus to the
/// field without changing the address (the fragment holds the route).
#[component]
pub fn ErrorSummary(#[prop(into)] errors: Signal<Vec<Problem>>) -> impl IntoView {
    let summary = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if !errors.with(Vec::is_empty) {
            if let Some(element) = summary.get() {
                let _ = element.focus();
            }
        }
    });
    view! {
        <Show when=move || !errors.with(Vec::is_empty)>
            <div class="govuk-error-summary" node_ref=summary tabindex="-1">
                <div role="alert">
                    <h2 class="govuk-error-summary__title">"There is a problem"</h2>
                    <div class="govuk-error-summary__body">
                        <ul class="govuk-list govuk-error-summary__list">
                            {move || {
                                errors
                                    .get()
                                    .into_iter()
                                    .map(|problem| {
                                        let target = problem.field_id;
                                        view! {
                                            <li>
                                                <a
                                                    href=format!("#{target}")
                                                    on:click=move |event| {
                                                        event.prevent_default();
                                                        page::focus(target);
                                                    }
                                                >
                                                    {problem.message}
                                                </a>
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </ul>
                    </div>
                </div>
            </div>
        </Show>
    }
}

/// One entry of an error summary: what is wrong, and the id of the field to fix it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub field_id: &'static str,
}

impl From<&FieldError> for Problem {
    fn from(error: &FieldError) -> Problem {
        Problem {
            message: error.to_string(),
            field_id: error.field().id(),
        }
    }
}

/// The summary entries for a form's field errors.
pub fn problems_of(errors: RwSignal<Vec<FieldError>>) -> Signal<Vec<Problem>> {
    Signal::derive(move || errors.with(|errors| errors.iter().map(Problem::from).collect()))
}

/// The inline message above a field in error.
#[component]
pub fn ErrorMessage(#[prop(into)] id: String, message: Signal<Option<String>>) -> impl IntoView {
    view! {
        {move || {
            message
                .get()
                .map(|message| {
                    view! {
                        <p id=id.clone() class="govuk-error-message">
                            <span class="govuk-visually-hidden">"Error: "</span>
                            {message}
                        </p>
                    }
                })
        }}
    }
}

/// One of an answer's texts: a text area for evidence or an action, or a one-line input when
/// `rows` is 0. The text is never cut short, so nothing pasted is lost; a text over `limit` is
/// marked in error here and is not saved until it is shortened (the app's banner says so too).
#[component]
pub fn AnswerText(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    rows: u32,
    limit: usize,
    initial: String,
    on_input: impl Fn(String) + 'static,
) -> impl IntoView {
    let error = RwSignal::new(forms::over_limit(&label, &initial, limit));
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        let has_hint = hint.is_some();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let label_for_check = label.clone();
    let changed = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        let message = forms::over_limit(&label_for_check, &text, limit);
        if error.with_untracked(|current| *current != message) {
            error.set(message);
        }
        on_input(text);
    };
    let in_error = move || error.with(Option::is_some);
    let field = if rows == 0 {
        view! {
            <input
                class="govuk-input govuk-!-width-one-half"
                class:govuk-input--error=in_error
                id=id.clone()
                type="text"
                aria-describedby=described_by
                prop:value=initial
                on:input=changed
            />
        }
        .into_any()
    } else {
        view! {
            <textarea
                class="govuk-textarea"
                class:govuk-textarea--error=in_error
                id=id.clone()
                rows=rows.to_string()
                aria-describedby=described_by
                prop:value=initial
                on:input=changed
            ></textarea>
        }
        .into_any()
    };
    view! {
        <div class="govuk-form-group" class:govuk-form-group--error=in_error>
            <label class="govuk-label" for=id.clone()>
                {label}
            </label>
            {hint.map(|hint| view! { <div class="govuk-hint" id=hint_id>{hint}</div> })}
            <ErrorMessage id=error_id message=error.into() />
            {field}
        </div>
    }
}

/// The GOV.UK date input: day, month and year boxes in a fieldset.
#[component]
pub fn DateInput(
    /// Prefix of the boxes' ids: `{id}-day`, `{id}-month`, `{id}-year`.
    #[prop(into)]
    id: String,
    #[prop(into)] legend: String,
    #[prop(into)] hint: String,
    value: RwSignal<DateParts>,
    #[prop(into)] error: Signal<Option<String>>,
    /// Called after any box changes.
    #[prop(optional)]
    on_change: Option<Callback<DateParts>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || match error.get() {
            Some(_) => format!("{hint_id} {error_id}"),
            None => hint_id.clone(),
        }
    };
    let part = move |suffix: &'static str, label: &'static str, width: &'static str| {
        let input_id = format!("{id}-{suffix}");
        let initial = value.with_untracked(|parts| match suffix {
            "day" => parts.day.clone(),
            "month" => parts.month.clone(),
            _ => parts.year.clone(),
        });
        view! {
            <div class="govuk-date-input__item">
                <div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for=input_id.clone()>
                        {label}
                    </label>
                    <input
                        class=move || {
                            let mut class = format!(
                                "govuk-input govuk-date-input__input govuk-input--width-{width}",
                            );
                            if error.with(Option::is_some) {
                                class.push_str(" govuk-input--error");
                            }
                            class
                        }
                        id=input_id
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        prop:value=initial
                        on:input=move |event| {
                            let typed = event_target_value(&event);
                            value
                                .update(|parts| match suffix {
                                    "day" => parts.day = typed,
                                    "month" => parts.month = typed,
                                    _ => parts.year = typed,
                                });
                            if let Some(on_change) = on_change {
                                on_change.run(value.get_untracked());
                            }
                        }
                    />
                </div>
            </div>
        }
    };
    view! {
        <div class=move || {
            if error.with(Option::is_some) {
                "govuk-form-group govuk-form-group--error"
            } else {
                "govuk-form-group"
            }
        }>
            <fieldset class="govuk-fieldset" role="group" aria-describedby=described_by>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                <div class="govuk-hint" id=hint_id>
                    {hint}
                </div>
                <ErrorMessage id=error_id message=error />
                <div class="govuk-date-input">
                    {part("day", "Day", "2")} {part("month", "Month", "2")}
                    {part("year", "Year", "4")}
                </div>
            </fieldset>
        </div>
    }
}

/// The task list status of a point: a tag while there is work to do, plain text when done.
#[component]
pub fn ProgressTag(progress: Progress) -> impl IntoView {
    match progress {
        Progress::NotStarted => {
            view! { <strong class="govuk-tag govuk-tag--blue">{progress.label()}</strong> }
                .into_any()
        }
        Progress::InProgress => {
            view! { <strong class="govuk-tag govuk-tag--light-blue">{progress.label()}</strong> }
                .into_any()
        }
        Progress::Completed => view! { <span>{progress.label()}</span> }.into_any(),
    }
}

/// A point's or the assessment's standing as a coloured tag (the words carry the meaning; the
/// colour only repeats it).
#[component]
pub fn StandingTag(standing: Standing) -> impl IntoView {
    let colour = match standing {
        Standing::Blocked => "govuk-tag--red",
        Standing::Meets => "govuk-tag--green",
        Standing::PartlyMeets => "govuk-tag--yellow",
        Standing::DoesNotMeet => "govuk-tag--orange",
        Standing::NotApplicable => "govuk-tag--grey",
    };
    view! { <strong class=format!("govuk-tag {colour}")>{standing.label()}</strong> }
}

/// A link to official guidance, which opens in a new tab and says so.
#[component]
pub fn GuidanceLink(#[prop(into)] href: String, #[prop(into)] text: String) -> impl IntoView {
    view! {
        <a class="govuk-link" href=href rel="noreferrer noopener" target="_blank">
            {text}
            " (opens in new tab)"
        </a>
    }
}

/// One GOV.UK checkbox with its label, bound to `value`.
#[component]
pub fn Checkbox(
    id: &'static str,
    label: &'static str,
    /// A line under the label, read out with it.
    #[prop(optional)]
    hint: Option<&'static str>,
    value: RwSignal<bool>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described_by = hint.map(|_| hint_id.clone());
    view! {
        <div class="govuk-checkboxes__item">
            <input
                class="govuk-checkboxes__input"
                id=id
                type="checkbox"
                aria-describedby=described_by
                prop:checked=move || value.get()
                on:change=move |event| value.set(event_target_checked(&event))
            />
            <label class="govuk-label govuk-checkboxes__label" for=id>
                {label}
            </label>
            {hint.map(|hint| view! { <div id=hint_id class="govuk-hint govuk-checkboxes__hint">{hint}</div> })}
        </div>
    }
}

/// One GOV.UK radio button with its label; `on_select` runs when it is chosen.
#[component]
pub fn RadioItem(
    #[prop(into)] id: String,
    name: &'static str,
    value: &'static str,
    label: &'static str,
    /// A line under the label, read out with it.
    #[prop(optional)]
    hint: Option<&'static str>,
    #[prop(optional)] checked: bool,
    on_select: Callback<()>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described_by = hint.map(|_| hint_id.clone());
    view! {
        <div class="govuk-radios__item">
            <input
                class="govuk-radios__input"
                id=id.clone()
                name=name
                type="radio"
                value=value
                aria-describedby=described_by
                prop:checked=checked
                on:change=move |_| on_select.run(())
            />
            <label class="govuk-label govuk-radios__label" for=id>
                {label}
            </label>
            {hint.map(|hint| view! { <div id=hint_id class="govuk-hint govuk-radios__hint">{hint}</div> })}
        </div>
    }
}

/// The GOV.UK notification banner: "Important" news that stays, or "Success" after an action,
/// which is announced at once and can take focus. Its title's id is `{id}-title`.
#[component]
pub fn NotificationBanner(
    #[prop(into)] id: String,
    success: bool,
    heading: String,
    children: Children,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    view! {
        <div
            class=if success {
                "govuk-notification-banner govuk-notification-banner--success"
            } else {
                "govuk-notification-banner"
            }
            role=if success { "alert" } else { "region" }
            aria-labelledby=labelled_by
            id=id
            tabindex=success.then_some("-1")
        >
            <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id=title_id>
                    {if success { "Success" } else { "Important" }}
                </h2>
            </div>
            <div class="govuk-notification-banner__content">
                <p class="govuk-notification-banner__heading">{heading}</p>
                {children()}
            </div>
        </div>
    }
}
