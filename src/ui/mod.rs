//! The Leptos user interface: the page frame, the router and the pages. Components read and
//! change the core's types; scoring and checking live in the core.

mod pages;
mod state;
mod widgets;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::{page, panic::APP_ROOT_ID};
use crate::core::route::Route;
pub use state::AppState;
use state::Keeping;

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

/// The whole app: the frame around every page and the page for the current address.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load_from_browser();
    provide_context(state);

    let route = RwSignal::new(page::current_route());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(page::current_route());
    });
    on_cleanup(move || handle.remove());

    // After moving to another page, put focus on its main heading so that keyboard and
    // screen-reader users start at the top of the new content, as they would after a page load.
    let first_render = StoredValue::new(true);
    Effect::new(move |_| {
        route.track();
        if first_render.get_value() {
            first_render.set_value(false);
        } else {
            request_animation_frame(|| {
                page::focus("main-heading");
            });
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
                {move || pages::page_for(route.get())}
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

/// Says plainly when work is not being saved in this browser, and what to do about it.
#[component]
fn KeepingBanner() -> impl IntoView {
    let state = state::use_app_state();
    move || {
        let message = match state.keeping.get() {
            Keeping::Saved => return None,
            Keeping::Unavailable => {
                "This browser is not letting the tool save your work (this happens in some private windows and embedded pages). You can carry on, but your answers are kept only in this tab: keep it open until you have finished."
            }
            Keeping::Refused => {
                "Your latest changes could not be saved in this browser, probably because its storage for this site is full. They are kept in this tab: keep it open, and delete assessments you no longer need to make room."
            }
        };
        Some(view! {
            <div
                class="govuk-notification-banner"
                role="region"
                aria-labelledby="keeping-banner-title"
                id="keeping-banner"
            >
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="keeping-banner-title">
                        "Important"
                    </h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">{message}</p>
                </div>
            </div>
        })
    }
}
