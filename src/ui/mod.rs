//! The Leptos user interface: the page frame, the router and the pages. Components read and
//! change the core's types; scoring and checking live in the core.

mod downloads;
mod pages;
mod state;
mod widgets;

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::{page, panic::APP_ROOT_ID};
use crate::core::route::Route;
pub use state::AppState;
use state::Keeping;
use widgets::NotificationBanner;

/// Mounts the app into the page's `#app` element (or the body, if it is missing).
pub fn mount() {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(APP_ROOT_ID))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            // Replace the "loading" message that index.html shows before the app starts.
            root.set_text_content(None);
            leptos::mount::mount_to(root, App).forget();
        }
        None => leptos::mount::mount_to_body(App),
    }
}

/// Moves keyboard focus to the element with this ID once the page has been drawn again: the
/// element that had focus (a button that has gone, a link that was followed) may no longer exist.
pub(crate) fn focus_when_drawn(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || {
        page::focus(&id);
    });
}

/// The whole app: the frame around every page and the page for the current address.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load_from_browser();
    provide_context(state);
    let route = state.route;

    // The drafts left unread at load are read once the first page is on screen: the animation
    // frame comes before that paint, and the timeout after it.
    request_animation_frame(move || {
        set_timeout(move || state.read_the_rest(), Duration::ZERO);
    });

    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        // Every page but the start page may need any draft.
        state.read_the_rest();
        route.set(page::current_route());
    });
    // Another tab of this site changed storage: take in its changes to assessments.
    let on_storage = window_event_listener(leptos::ev::storage, move |event| {
        state.storage_changed(event.key(), event.new_value());
    });
    // Save at once when the page is hidden or closed, rather than after the usual pause: a tab
    // closed mid-sentence must not lose the sentence.
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| state.save_now());
    let on_visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let hidden = web_sys::window()
            .and_then(|window| window.document())
            .is_some_and(|document| {
                document.visibility_state() == web_sys::VisibilityState::Hidden
            });
        if hidden {
            state.save_now();
        }
    });
    on_cleanup(move || {
        on_hash.remove();
        on_storage.remove();
        on_hide.remove();
        on_visibility.remove();
    });

    // After moving to another page, put focus on its main heading so that keyboard and
    // screen-reader users start at the top of the new content, as they would after a page load.
    // A notice belongs to one page, and goes when the person moves on.
    let first_render = StoredValue::new(true);
    Effect::new(move |_| {
        let current = route.get();
        let stale = state.notice.with_untracked(|notice| {
            notice
                .as_ref()
                .is_some_and(|notice| notice.route != current)
        });
        if stale {
            state.notice.set(None);
        }
        if first_render.get_value() {
            first_render.set_value(false);
        } else {
            focus_when_drawn("main-heading");
        }
    });

    view! {
        <a
            href="#main-content"
            class="govuk-skip-link"
            on:click=|event| {
                event.prevent_default();
                page::focus("main-content");
            }
        >
            "Skip to main content"
        </a>
        <Header />
        <div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main-content" tabindex="-1">
                <KeepingBanner />
                <NoticeBanner />
                <SavedStatus />
                {move || {
                    state.outside_changes.track();
                    pages::page_for(route.get())
                }}
            </main>
        </div>
        <Footer />
    }
}

#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="app-header">
            <div class="govuk-width-container">
                <a href=Route::Start.href() class="app-header__name">
                    "TCoP Assessor"
                </a>
            </div>
        </header>
        <section class="govuk-service-navigation app-no-print" aria-label="Menu">
            <div class="govuk-width-container">
                <div class="govuk-service-navigation__container">
                    <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
                        <ul class="govuk-service-navigation__list">
                            <li class="govuk-service-navigation__item">
                                <a class="govuk-service-navigation__link" href=Route::Start.href()>
                                    "Your assessments"
                                </a>
                            </li>
                            <li class="govuk-service-navigation__item">
                                <a
                                    class="govuk-service-navigation__link"
                                    href=Route::HowScoringWorks.href()
                                >
                                    "How scoring works"
                                </a>
                            </li>
                        </ul>
                    </nav>
                </div>
            </div>
        </section>
    }
}

#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="govuk-footer">
            <div class="govuk-width-container">
                <div class="govuk-footer__meta">
                    <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                        <p class="govuk-body-s">
                            "TCoP Assessor version " {env!("CARGO_PKG_VERSION")}
                            ". Everything you enter stays in this browser: nothing is sent to a server."
                        </p>
                        <p class="govuk-body-s">
                            "This is an independent self-assessment tool. It is not part of any approval process. "
                            <a
                                class="govuk-footer__link"
                                href="https://www.gov.uk/guidance/the-technology-code-of-practice"
                            >
                                "Read the Technology Code of Practice on GOV.UK"
                            </a>
                            "."
                        </p>
                    </div>
                </div>
            </div>
        </footer>
    }
}

/// Says plainly when work is not being saved in this browser, and offers the way out: a
/// download of the assessment on screen, which can be opened again later.
#[component]
fn KeepingBanner() -> impl IntoView {
    let state = state::use_app_state();
    let download_problem = RwSignal::new(None::<String>);
    move || {
        let message = match state.keeping.get() {
            Keeping::Saved => return None,
            Keeping::Unavailable => {
                "This browser is not letting the tool save your work (this happens in some private windows and embedded pages). You can carry on, but your answers are kept only in this tab: download the assessment as a JSON file before you close it, and open the file again later to carry on.".to_owned()
            }
            Keeping::Refused => {
                "Your latest changes could not be saved in this browser, probably because its storage for this site is full. They are kept in this tab: download the assessment as a JSON file to keep it, and delete assessments you no longer need to make room.".to_owned()
            }
            Keeping::NotKeepable(why) => format!(
                "{why}, so your latest changes have not been saved in this browser. They are kept in this tab: shorten the text and the assessment will be saved again."
            ),
        };
        // A file of an assessment that cannot be kept could not be opened again either, so the
        // way out there is to shorten the text, not to download it.
        let offers_download = !matches!(state.keeping.get(), Keeping::NotKeepable(_));
        let id = state
            .route
            .with(|route| route.assessment_id().map(str::to_owned))
            .filter(|_| offers_download);
        let download = id.map(|id| {
            let save = move |_| {
                let outcome = state.with_untracked(&id, |assessment| {
                    downloads::download(downloads::FileKind::Json, assessment, None)
                });
                download_problem.set(outcome.and_then(Result::err).map(|error| error.to_string()));
            };
            view! {
                <button
                    type="button"
                    class="govuk-button govuk-!-margin-bottom-0"
                    id="banner-download-json"
                    on:click=save
                >
                    "Download JSON"
                </button>
                {move || download_problem.get().map(|message| view! { <p class="govuk-error-message">{message}</p> })}
            }
        });
        Some(view! {
            <NotificationBanner id="keeping-banner" success=false heading=message>
                {download}
            </NotificationBanner>
        })
    }
}

/// The notice for this page, if something just happened ("Assessment deleted", with Undo).
#[component]
fn NoticeBanner() -> impl IntoView {
    let state = state::use_app_state();
    move || {
        let notice = state.notice.get()?;
        let undo = notice.undo_delete.clone().map(|id| {
            view! {
                <p class="govuk-body">
                    <button
                        type="button"
                        class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        id="undo-delete"
                        on:click=move |_| {
                            if let Some(name) = state.undo_delete(&id) {
                                state.tell(
                                    state.route.get_untracked(),
                                    format!("\u{201c}{name}\u{201d} has been restored"),
                                    Vec::new(),
                                );
                                // The Undo button has gone: keep keyboard focus on the news.
                                focus_when_drawn("notice");
                            }
                        }
                    >
                        "Undo"
                    </button>
                </p>
            }
        });
        let lines = notice
            .lines
            .iter()
            .map(|line| view! { <p class="govuk-body">{line.clone()}</p> })
            .collect_view();
        Some(view! {
            <NotificationBanner id="notice" success=true heading=notice.heading.clone()>
                {lines}
                {undo}
            </NotificationBanner>
        })
    }
}

/// Where the work is kept and when it was last saved, on every page of an assessment.
#[component]
fn SavedStatus() -> impl IntoView {
    let state = state::use_app_state();
    move || {
        let on_assessment = state.route.with(|route| route.assessment_id().is_some());
        (on_assessment && state.keeping.get() == Keeping::Saved).then(|| {
            let text = match state.last_saved.get() {
                Some(time) => format!("Saved in this browser at {time}"),
                None => "Saved in this browser as you type".to_owned(),
            };
            view! {
                <p class="govuk-body-s app-saved-status app-no-print" id="saved-status">
                    {text}
                </p>
            }
        })
    }
}
