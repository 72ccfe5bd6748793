//! Opening a file downloaded from the tool (a JSON document or an HTML report). The file is
//! checked first and becomes a new saved assessment: it never replaces or mixes with one the
//! person already has.

use leptos::prelude::*;

use crate::browser::{files, page};
use crate::core::codec;
use crate::core::route::Route;
use crate::ui::state::use_app_state;
use crate::ui::widgets::{BackLink, ErrorMessage, ErrorSummary, MainHeading, Problem};

/// The id of the file input, which the error summary links to.
const INPUT_ID: &str = "file-upload";

#[component]
pub fn OpenFilePage() -> impl IntoView {
    let state = use_app_state();
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let dragging = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();

    Effect::new(move |_| {
        let prefix = if problem.with(Option::is_some) {
            "Error: "
        } else {
            ""
        };
        page::set_title(&format!("{prefix}Open a file"));
    });

    // `then_start_next`: once kept, start the next assessment from it.
    let open = move |file: web_sys::File, then_start_next: bool| {
        if busy.get_untracked() {
            // One file at a time: a second click while checking must not open it twice.
            return;
        }
        busy.set(true);
        problem.set(None);
        leptos::task::spawn_local(async move {
            let opened = match files::read(&file).await {
                Ok(bytes) => codec::open_file(&bytes).map_err(|error| error.to_string()),
                Err(error) => Err(error.to_string()),
            };
            busy.set(false);
            match opened {
                Ok(imported) => {
                    let lines = imported.what_to_tell();
                    let name = imported.assessment.details.name.clone();
                    let id = state.add(imported.assessment);
                    if then_start_next {
                        page::navigate(&Route::StartNext { assessment: id });
                        return;
                    }
                    let route = Route::TaskList { assessment: id };
                    state.tell(
                        route.clone(),
                        format!("Opened \u{201c}{name}\u{201d} as a new assessment"),
                        lines,
                    );
                    page::navigate(&route);
                }
                Err(message) => problem.set(Some(message)),
            }
        });
    };

    let open_chosen = move |then_start_next: bool| {
        let chosen = input
            .get_untracked()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        match chosen {
            Some(file) => open(file, then_start_next),
            None => problem.set(Some("Select a file to open".to_owned())),
        }
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        open_chosen(false);
    };
    let drop = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        dragging.set(false);
        let dropped = event
            .data_transfer()
            .and_then(|transfer| transfer.files())
            .and_then(|files| files.get(0));
        match dropped {
            Some(file) => open(file, false),
            None => problem.set(Some(
                "The dropped item is not a file. Drop one .json or .html file.".to_owned(),
            )),
        }
    };
    let drag_over = move |event: leptos::ev::DragEvent| {
        // Without this the browser would open the dropped file itself, leaving the tool.
        event.prevent_default();
        dragging.set(true);
    };

    let problems = Signal::derive(move || {
        problem
            .get()
            .map(|message| {
                vec![Problem {
                    message,
                    field_id: INPUT_ID,
                }]
            })
            .unwrap_or_default()
    });
    let has_problem = move || problem.with(Option::is_some);

    view! {
        <BackLink href=Route::Start.href() text="Your assessments" />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=problems />
                <MainHeading text="Open a file" />
                <p class="govuk-body">
                    "Open an assessment you downloaded from this tool: its JSON file or its HTML report. It is checked, then saved in this browser as a new assessment. Nothing you already have is changed."
                </p>
                <form novalidate on:submit=submit>
                    <div class=move || {
                        if has_problem() {
                            "govuk-form-group govuk-form-group--error"
                        } else {
                            "govuk-form-group"
                        }
                    }>
                        <label class="govuk-label govuk-label--m" for=INPUT_ID>
                            "Upload a file"
                        </label>
                        <div class="govuk-hint" id="file-upload-hint">
                            "A .json or .html file from TCoP Assessor, up to 5 MB. You can also drag the file into the box below."
                        </div>
                        <ErrorMessage
                            id="file-upload-error"
                            message=Signal::derive(move || problem.get())
                        />
                        <div
                            class=move || {
                                if dragging.get() { "app-drop-zone app-drop-zone--over" } else { "app-drop-zone" }
                            }
                            on:dragover=drag_over
                            on:dragleave=move |_| dragging.set(false)
                            on:drop=drop
                        >
                            <input
                                class=move || {
                                    if has_problem() {
                                        "govuk-file-upload govuk-file-upload--error"
                                    } else {
                                        "govuk-file-upload"
                                    }
                                }
                                id=INPUT_ID
                                name=INPUT_ID
                                type="file"
                                accept=".json,.html,.htm,application/json,text/html"
                                node_ref=input
                                aria-describedby=move || {
                                    if has_problem() {
                                        "file-upload-hint file-upload-error"
                                    } else {
                                        "file-upload-hint"
                                    }
                                }
                            />
                        </div>
                    </div>
                    <div class="govuk-button-group">
                        <button
                            type="submit"
                            class="govuk-button"
                            id="open-file"
                            aria-disabled=move || busy.get().then_some("true")
                        >
                            "Open file"
                        </button>
                        <button
                            type="button"
                            class="govuk-button govuk-button--secondary"
                            id="start-next-from-file"
                            aria-disabled=move || busy.get().then_some("true")
                            on:click=move |_| open_chosen(true)
                        >
                            "Start the next assessment from this file"
                        </button>
                    </div>
                    <p class="govuk-body">
                        "To see what changed between two files, "
                        <a class="govuk-link" href=Route::CompareFiles.href()>
                            "compare two files"
                        </a>
                        "."
                    </p>
                    <p class="govuk-body" role="status">
                        {move || busy.get().then_some("Checking the file\u{2026}")}
                    </p>
                </form>
            </div>
        </div>
    }
}
